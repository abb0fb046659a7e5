"""The quiz loop through Flask's test client: questions, feedback, stored attempts, summary."""

import re

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, Question, QuizRun

DECK = "nordkorea-russland"


def start_quiz(client, forms, length: str | None = None) -> str:
    response = forms.post(f"/decks/{DECK}/start", {"length": length} if length else {}, page="/")
    assert response.status_code == 302
    return response.headers["Location"]


def current_question_id(page: str) -> str:
    return re.search(r'name="question_id" type="hidden" value="([^"]+)"', page).group(1)


def answer_current(client, forms, run_url: str, right: bool = True):
    """Answer the question on the run page rightly or wrongly; return the feedback response."""
    page = client.get(run_url).get_data(as_text=True)
    qid = current_question_id(page)
    with client.application.app_context():
        question = db.session.get(Question, qid)
        kind, answer, wrong = question.type, question.answer, (question.distractors or ["xx"])[0]
    data = {"question_id": qid}
    if kind == "mcq":
        data["choice"] = answer if right else wrong
    else:
        gaps = answer.split(" … ")
        for i, gap in enumerate(gaps):
            data[f"gaps-{i}"] = gap if right else "völlig falsch"
    return forms.post(run_url + "/answer", data, page=run_url), qid


@pytest.fixture
def student(auth):
    auth.register("anna", "geheim123")


def test_home_lists_deck_with_progress(client, student):
    page = client.get("/").get_data(as_text=True)
    assert "Nordkorea und Russland" in page
    assert "22" in page  # visible questions in the hand-written deck


def test_whole_quiz_flow_stores_every_attempt(app, client, forms, student):
    """"All questions" asks each of the deck's 21 facts once (22 items: one fact has a cloze and an mcq)."""
    run_url = start_quiz(client, forms, "all")
    seen = []
    while True:
        page = client.get(run_url)
        if page.status_code == 302:
            break
        response, qid = answer_current(client, forms, run_url, right=len(seen) % 3 != 0)
        assert response.status_code == 302
        feedback = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "<mark>" in feedback  # the answer is highlighted in the article sentence
        seen.append(qid)
    assert len(seen) == 21 and len(set(seen)) == 21
    assert not {"nkru-grenzfluss-tumen", "nkru-grenzfluss-tumen-cloze"} <= set(seen)
    summary = client.get(page.headers["Location"]).get_data(as_text=True)
    missed = len([i for i in range(21) if i % 3 == 0])
    assert f"{21 - missed} of 21" in summary or f"{21 - missed} von 21" in summary
    with app.app_context():
        attempts = db.session.scalars(select(Attempt)).all()
        assert len(attempts) == 21
        assert sum(a.verdict == "right" for a in attempts) == 21 - missed
        assert all(a.time_taken_ms is not None and a.time_taken_ms >= 0 for a in attempts)
        assert all(a.user_id == attempts[0].user_id for a in attempts)
        run = db.session.scalars(select(QuizRun)).one()
        assert run.finished_at == max(a.created_at for a in attempts)  # stamped when the last answer came


def test_run_is_finished_only_after_its_last_answer(app, client, forms, student):
    run_url = start_quiz(client, forms)
    response, _qid = answer_current(client, forms, run_url)
    client.get(response.headers["Location"])
    client.get(run_url + "/summary")
    with app.app_context():
        assert db.session.scalars(select(QuizRun)).one().finished_at is None


def test_double_submit_stores_one_attempt(app, client, forms, student):
    run_url = start_quiz(client, forms)
    page = client.get(run_url).get_data(as_text=True)
    qid = current_question_id(page)
    token = forms.token(run_url)
    with app.app_context():
        q = db.session.get(Question, qid)
        data = {"question_id": qid, "csrf_token": token}
        if q.type == "mcq":
            data["choice"] = q.answer
        else:
            data["gaps-0"] = q.answer
    first = client.post(run_url + "/answer", data=data)
    second = client.post(run_url + "/answer", data=data)
    assert first.headers["Location"] == second.headers["Location"]
    with app.app_context():
        assert db.session.query(Attempt).count() == 1


def test_wrong_cloze_answer_shows_correct_one_and_source(client, forms, student):
    run_url = start_quiz(client, forms)
    with client.application.app_context():
        run = db.session.scalars(select(QuizRun)).one()
        run.question_ids = ["nkru-raketentest-sprengkopf", *run.question_ids]
        db.session.commit()
    response, qid = answer_current(client, forms, run_url, right=False)
    assert qid == "nkru-raketentest-sprengkopf"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert re.search(r'class="verdict"[^>]*>\s*Falsch\s*<', page)  # "Wrong" in English
    assert "4,5" in page  # the item's answer
    assert "<mark>4,5</mark>" in page


def test_almost_right_spelling_is_reported(app, client, forms, student):
    run_url = start_quiz(client, forms)
    with app.app_context():
        run = db.session.scalars(select(QuizRun)).one()
        run.question_ids = ["nkru-kanonenfutter"]
        db.session.commit()
    page = client.get(run_url).get_data(as_text=True)
    response = forms.post(run_url + "/answer", {"question_id": "nkru-kanonenfutter", "gaps-0": "Kanonenfuter"},
                          page=run_url)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Kanonenfutter" in page
    with app.app_context():
        assert db.session.scalars(select(Attempt)).one().verdict == "almost"


def test_practise_the_missed_ones(app, client, forms, student):
    run_url = start_quiz(client, forms)
    with app.app_context():
        run = db.session.scalars(select(QuizRun)).one()
        run.question_ids = run.question_ids[:3]
        db.session.commit()
    for right in (False, True, False):
        answer_current(client, forms, run_url, right=right)
    summary_url = client.get(run_url).headers["Location"]
    response = forms.post(summary_url.replace("/summary", "/retry-missed"), page=summary_url)
    retry_url = response.headers["Location"]
    assert retry_url != run_url
    with app.app_context():
        retry = db.session.get(QuizRun, int(retry_url.rsplit("/", 1)[1]))
        assert len(retry.question_ids) == 2 and retry.mode == "missed"


def test_empty_mcq_choice_is_a_form_error_not_an_attempt(app, client, forms, student):
    run_url = start_quiz(client, forms)
    with app.app_context():
        run = db.session.scalars(select(QuizRun)).one()
        run.question_ids = ["nkru-grenzfluss-tumen"]
        db.session.commit()
    client.get(run_url)
    response = forms.post(run_url + "/answer", {"question_id": "nkru-grenzfluss-tumen"}, page=run_url)
    assert response.status_code == 422
    with app.app_context():
        assert db.session.query(Attempt).count() == 0


def test_one_student_cannot_see_anothers_run(client, forms, auth, create_user):
    create_user("bert", "geheim123")
    auth.register("anna", "geheim123")
    run_url = start_quiz(client, forms)
    answer_current(client, forms, run_url)
    auth.logout()
    auth.login("bert", "geheim123")
    assert client.get(run_url).status_code == 404
    assert client.get(run_url + "/summary").status_code == 404
    response = forms.post(run_url + "/answer", {"question_id": "nkru-grenze-laenge", "gaps-0": "17"}, page="/")
    assert response.status_code == 404


def test_hidden_questions_keep_their_attempts(app, client, forms, student, questions_dir):
    run_url = start_quiz(client, forms)
    _, qid = answer_current(client, forms, run_url)
    from quizapp.operations.banks import sync_question_banks

    path = questions_dir / "nordkorea-russland.yaml"
    text = path.read_text(encoding="utf-8")
    head, tail = text.split(f"id: {qid}\n", 1)
    path.write_text(head + f"id: {qid}\n" + tail.replace("status: approved", "status: retired", 1),
                    encoding="utf-8")
    with app.app_context():
        sync_question_banks(questions_dir)
        db.session.commit()
        question = db.session.get(Question, qid)
        assert question.status == "retired"
        assert db.session.query(Attempt).filter_by(question_id=qid).count() == 1
    page = client.get("/").get_data(as_text=True)
    assert "21" in page
