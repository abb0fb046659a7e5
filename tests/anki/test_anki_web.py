"""Downloading a deck for Anki from the deck list: everyone, teachers with drafts, a learner's weak items."""

from __future__ import annotations

import datetime as dt

import genanki
from sqlalchemy import select

from quizapp.checking import Verdict
from quizapp.extensions import db
from quizapp.models import Deck, Question, User
from quizapp.operations.export import weak_question_ids
from quizapp.operations.quiz import Marking, mark_answer, record_attempt, start_run

from tests.anki.support import CLASS_DECK as DECK
URL = f"/decks/{DECK}/anki.apkg"


def import_download(anki, response, tmp_path):
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    path = tmp_path / "download.apkg"
    path.write_bytes(response.data)
    return anki.import_package(path)


def count_questions(app, *statuses: str) -> int:
    with app.app_context():
        return len(db.session.scalars(select(Question).where(
            Question.deck_id == DECK, Question.in_file.is_(True), Question.status.in_(statuses))).all())


def test_download_needs_a_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_deck_list_offers_the_download(client, auth, create_user):
    create_user("anna")
    auth.login("anna")
    page = client.get("/").get_data(as_text=True)
    assert f'href="{URL}"' in page
    assert "drafts=1" not in page


def test_learner_downloads_the_approved_items(app, client, auth, create_user, anki, tmp_path):
    create_user("anna")
    auth.login("anna")
    response = client.get(URL)
    assert f"filename={DECK}.apkg" in response.headers["Content-Disposition"]
    import_download(anki, response, tmp_path)
    assert anki.col.note_count() == count_questions(app, "approved")


def test_unknown_deck_is_not_found(client, auth, create_user):
    create_user("anna")
    auth.login("anna")
    assert client.get("/decks/gibt-es-nicht/anki.apkg").status_code == 404


def test_drafts_are_for_teachers(app, client, auth, create_user, anki, tmp_path):
    create_user("anna")
    create_user("tina", teacher=True)
    auth.login("anna")
    assert client.get(f"{URL}?drafts=1").status_code == 403
    auth.logout()
    auth.login("tina")
    assert "drafts=1" in client.get("/").get_data(as_text=True)
    import_download(anki, client.get(f"{URL}?drafts=1"), tmp_path)
    assert anki.col.note_count() == count_questions(app, "approved", "draft")


def answer_some(app, user_id: int) -> tuple[str, str]:
    """The learner gets the first mcq wrong and the second right; returns their ids."""
    with app.app_context():
        user, deck = db.session.get(User, user_id), db.session.get(Deck, DECK)
        run = start_run(user, deck)
        mcqs = [db.session.get(Question, qid) for qid in run.question_ids]
        wrong, right = [q for q in mcqs if q.type == "mcq"][:2]
        record_attempt(run, user, wrong, mark_answer(wrong, "de", choice=wrong.distractors[0]))
        record_attempt(run, user, right, mark_answer(right, "de", choice=right.answer))
        db.session.commit()
        return wrong.id, right.id


def test_weak_items_are_the_ones_the_learner_got_wrong(app, client, auth, create_user, anki, tmp_path):
    anna = create_user("anna")
    auth.login("anna")
    auth.forms.post("/language/en", page="/")
    response = client.get(f"{URL}?weak=1", follow_redirects=True)
    assert "no weak items" in response.get_data(as_text=True)

    wrong, right = answer_some(app, anna)
    import_download(anki, client.get(f"{URL}?weak=1"), tmp_path)
    assert anki.col.note_count() == 1
    assert anki.col.db.scalar("select guid from notes") == genanki.guid_for("quizapp", wrong)


def test_weak_items_are_each_learners_own(app, client, auth, create_user):
    anna = create_user("anna")
    create_user("ben")
    answer_some(app, anna)
    auth.login("ben")
    response = client.get(f"{URL}?weak=1")
    assert response.status_code == 302


def test_weak_means_last_answer_missed_or_more_often_wrong_than_right(app, create_user):
    anna = create_user("anna")
    histories = [["wrong", "wrong", "right"], ["wrong", "right"], ["right", "almost"]]
    start = dt.datetime(2025, 8, 1)
    with app.app_context():
        user, deck = db.session.get(User, anna), db.session.get(Deck, DECK)
        questions = [q for q in deck.questions if q.type == "mcq"][:3]
        ids = [q.id for q in questions]
        for step in range(3):
            run = start_run(user, deck, ids)
            for question, history in zip(questions, histories):
                if step < len(history):
                    marking = Marking(Verdict(history[step]), "given")
                    record_attempt(run, user, question, marking, now=start + dt.timedelta(hours=step))
        db.session.commit()
        weak = weak_question_ids(anna, DECK)
    assert weak == {ids[0], ids[2]}


def test_teacher_deck_page_offers_both_downloads(client, auth, create_user):
    create_user("frau-lehmann", teacher=True)
    auth.login("frau-lehmann")
    page = client.get(f"/teacher/decks/{DECK}").get_data(as_text=True)
    assert f'href="{URL}"' in page
    assert f'href="{URL}?drafts=1"' in page
