"""Saves on a broken file answer with a message; a changed deck id renames the deck with its history."""

from __future__ import annotations

import sqlalchemy as sa

from quizapp.bank.write import read_bank
from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question, QuizRun, ReviewCard

from tests.history import record_answer
from tests.test_bank_limits import REFUSE_ZWEITES

from .conftest import DRAFTS
from .test_teacher_edit import EDIT_URL, form_data

YAML_URL = "/teacher/decks/nordkorea-russland/yaml"
BROKEN = "    answer: [Tumen\n"  # an unclosed flow list: a YAML syntax error


def break_file(deck_file) -> bytes:
    deck_file.write_text(deck_file.read_text().replace("    answer: Tumen\n", BROKEN, 1))
    return deck_file.read_bytes()


def test_saving_an_item_of_a_file_with_a_yaml_error_says_so_and_changes_nothing(teacher, client, forms,
                                                                                deck_file):
    page_before = client.get(EDIT_URL)
    assert page_before.status_code == 200  # the form shows the last loaded version of the item
    _, sha = read_bank(deck_file)
    broken = break_file(deck_file)
    _, sha = read_bank(deck_file)
    response = forms.post(EDIT_URL, form_data(sha, explanation="Neu."), page=EDIT_URL)
    page = response.get_data(as_text=True)
    assert response.status_code == 422, page
    assert "has errors. Please fix them in the whole-file editor first." in page
    assert "YAML syntax error" in page and "Traceback" not in page
    assert deck_file.read_bytes() == broken


def test_show_drafts_on_a_file_with_a_yaml_error_says_so_and_changes_nothing(teacher, client, forms,
                                                                            deck_file):
    broken = break_file(deck_file)
    url = "/teacher/decks/nordkorea-russland"
    response = forms.post(f"{url}/show-drafts", {"show_drafts": "true"}, page=url, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "changed meanwhile or has errors: the setting was not saved" in page
    assert deck_file.read_bytes() == broken


def test_changing_the_deck_id_renames_the_deck_and_keeps_every_answer(app, teacher, client, forms, deck_file,
                                                                      create_user):
    student_id = create_user("schueler")
    record_answer(app, student_id, "nkru-kursk", "nordkorea-russland", review=True)
    text, sha = read_bank(deck_file)
    renamed = text.replace("  id: nordkorea-russland\n", "  id: nordkorea-und-russland\n", 1)
    response = forms.post(YAML_URL, {"file_sha256": sha, "text": renamed, "save": "1"}, page=YAML_URL)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith("/teacher/decks/nordkorea-und-russland")
    assert client.get(response.headers["Location"]).status_code == 200
    assert client.get("/teacher/decks/nordkorea-russland").status_code == 404
    with app.app_context():
        assert db.session.get(Deck, "nordkorea-und-russland").in_files
        assert not db.session.get(Deck, "nordkorea-russland").in_files
        moved = db.session.scalars(sa.select(Question).where(Question.in_file.is_(True))).all()
        assert len(moved) == 22 and {q.deck_id for q in moved} == {"nordkorea-und-russland"}
        assert {q.id for q in moved if q.status == "draft"} == set(DRAFTS)
        assert db.session.scalars(sa.select(Attempt)).one().question_id == "nkru-kursk"
        assert db.session.scalars(sa.select(ReviewCard)).one().reps == 1
        assert db.session.scalars(sa.select(QuizRun)).one().deck_id == "nordkorea-und-russland"
    assert read_bank(deck_file)[0] == renamed


def test_a_save_the_database_refuses_is_kept_and_says_it_was_not_loaded(app, teacher, forms, deck_file):
    with app.app_context():
        for statement in REFUSE_ZWEITES[db.engine.dialect.name]:
            db.session.execute(sa.text(statement))
        db.session.commit()
    text, sha = read_bank(deck_file)
    renamed = text.replace("  id: nordkorea-russland\n", "  id: zweites\n", 1)
    response = forms.post(YAML_URL, {"file_sha256": sha, "text": renamed, "save": "1"}, page=YAML_URL)
    page = response.get_data(as_text=True)
    assert response.status_code == 422, page
    assert "Saved, but not loaded: students keep the last valid version" in page
    assert "the database refused this file" in page and "Traceback" not in page
    assert read_bank(deck_file)[0] == renamed  # the teacher's text is in the file
    with app.app_context():
        assert db.session.get(Deck, "nordkorea-russland").in_files


def test_a_bank_file_removed_after_the_load_gets_a_message_not_a_500(app, teacher, client, deck_file):
    """The file went away (or became a pipe) after the last load: the editors say so, nothing breaks."""
    app.config["BANK_RELOAD_SECONDS"] = -1  # before the next look at the folder, which unlists the deck
    deck_file.unlink()
    for url in (EDIT_URL, YAML_URL):
        response = client.get(url)
        page = response.get_data(as_text=True)
        assert response.status_code == 409, (url, response.status_code)
        assert "The bank file cannot be read right now" in page and "Traceback" not in page
