"""Publishing and assignments as a student notices them: an unpublished deck is nowhere (home, quiz, review,
download), an assigned one comes first on the home page with progress and its due date, overdue marked."""

from __future__ import annotations

import datetime as dt
import re

from quizapp.extensions import db
from tests.classes.conftest import DECK, TITLE, new_class, publish, register
from tests.conftest import FormClient


def student(app, code: str, name: str = "anna") -> FormClient:
    client = app.test_client()
    assert register(client, name, code).status_code == 302
    return FormClient(client)


def test_an_unpublished_deck_is_nowhere_for_students(app, teacher_client):
    _class_id, code = new_class(teacher_client)
    anna = student(app, code)
    home = anna.client.get("/").get_data(as_text=True)
    assert TITLE not in home and "Join a class" in home
    assert anna.post(f"/decks/{DECK}/start", {"length": "all"}, page="/").status_code == 404
    assert anna.client.get(f"/progress/decks/{DECK}").status_code == 404
    assert anna.client.get(f"/decks/{DECK}/anki.apkg").status_code == 404
    review = anna.post("/progress/review", page="/", follow_redirects=True).get_data(as_text=True)
    assert "Nothing to review" in review
    publish(teacher_client, self_study=False)  # published, but neither assigned nor open for self-study
    assert TITLE not in anna.client.get("/").get_data(as_text=True)
    publish(teacher_client, self_study=True)
    assert TITLE in anna.client.get("/").get_data(as_text=True)
    assert anna.post(f"/decks/{DECK}/start", {"length": "all"}, page="/").status_code == 302


def test_withdrawing_a_deck_hides_it_from_a_review_already_due(app, teacher_client):
    _class_id, code = new_class(teacher_client)
    publish(teacher_client, self_study=True)
    anna = student(app, code)
    started = anna.post("/progress/review", page="/")
    assert started.status_code == 302 and "/runs/" in started.headers["Location"]
    teacher_client.post(f"/teacher/decks/{DECK}/publishing", {"published": "false", "self_study": "false"},
                        page=f"/teacher/decks/{DECK}")
    again = anna.post("/progress/review", page="/", follow_redirects=True).get_data(as_text=True)
    assert "Nothing to review" in again
    assert anna.client.get(started.headers["Location"], follow_redirects=True).status_code == 200  # run ends


def test_assignment_comes_first_with_progress_due_date_and_overdue(app, teacher_client):
    class_id, code = new_class(teacher_client)
    publish(teacher_client, self_study=False)
    anna = student(app, code)
    page = f"/classes/{class_id}"
    yesterday = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    response = teacher_client.post(f"{page}/assignments", {"deck_id": DECK, "due_date": yesterday,
                                                           "due_time": "18:00", "target": "15"}, page=page)
    assert response.status_code == 302
    home = anna.client.get("/").get_data(as_text=True)
    assert "My assignments" in home and home.index("My assignments") < home.index("Review (")
    assert "My assignments" in home and "overdue" in home and "0 of 15 questions answered" in home
    assert re.search(r"6:00\sPM", home)  # the due time in the school's time zone (Europe/Berlin), as the teacher set it
    run = anna.post(f"/decks/{DECK}/start", {"length": "15"}, page="/")
    assert run.status_code == 302
    answer_whole_run(anna, run.headers["Location"])
    home = anna.client.get("/").get_data(as_text=True)
    assert "15 of 15 questions answered" in home and "done" in home and "overdue" not in home
    class_page = teacher_client.client.get(page).get_data(as_text=True)
    assert "15 of 15" in class_page


def test_archived_class_takes_its_assignments_off_the_home_page(app, teacher_client):
    class_id, code = new_class(teacher_client)
    publish(teacher_client, self_study=False)
    anna = student(app, code)
    page = f"/classes/{class_id}"
    teacher_client.post(f"{page}/assignments", {"deck_id": DECK, "target": "all"}, page=page)
    assert TITLE in anna.client.get("/").get_data(as_text=True)
    teacher_client.post(f"{page}/archive", page=page)
    assert TITLE not in anna.client.get("/").get_data(as_text=True)


def test_assigning_refuses_a_deck_that_is_not_published(app, teacher_client):
    class_id, _code = new_class(teacher_client)
    page = f"/classes/{class_id}"
    response = teacher_client.post(f"{page}/assignments", {"deck_id": DECK, "target": "all"}, page=page,
                                   follow_redirects=True)
    assert "Not assigned" in response.get_data(as_text=True)
    from quizapp.models import Assignment

    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Assignment.id))) == 0


def answer_whole_run(forms: FormClient, run_url: str) -> None:
    """Answer every question of the run with 'I don't know' (an answer all the same)."""
    for _ in range(60):
        page = forms.client.get(run_url)
        if page.status_code == 302:
            return
        html = page.get_data(as_text=True)
        qid = re.search(r'name="question_id"[^>]*value="([^"]+)"', html) or \
            re.search(r'value="([^"]+)"[^>]*name="question_id"', html)
        forms.post(f"{run_url}/answer", {"question_id": qid.group(1), "skip": "1"}, page=run_url)
    raise AssertionError("the run did not end")
