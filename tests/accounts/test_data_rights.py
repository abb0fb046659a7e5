"""A student downloads everything stored about them and deletes the account; item statistics stay right."""

from __future__ import annotations

import csv
import io
import json

from quizapp.extensions import db
from quizapp.models import Attempt, Deck, User
from quizapp.operations.class_progress import item_analysis
from tests.conftest import FormClient

from tests.progress.conftest import NOW

FIRST = {  # student: (verdict, answer) on t-fluss, t-grenze, t-bruecke
    "stu1": [("right", "Amur"), ("right", "17"), ("right", "Tumen")],
    "stu2": [("right", "Amur"), ("wrong", "12"), ("right", "Tumen")],
    "stu3": [("right", "Amur"), ("right", "17"), ("wrong", "Amur")],
    "stu4": [("wrong", "Jalu"), ("wrong", "30"), ("almost", "Tumenn")],
    "stu5": [("wrong", "Jalu"), ("right", "17"), ("wrong", "amur ")],
}
ITEMS = ["t-fluss", "t-grenze", "t-bruecke"]


def class_of_five(create_user, answer) -> None:
    for name, marks in FIRST.items():
        create_user(name)
        for item, (verdict, given) in zip(ITEMS, marks):
            answer(name, item, verdict, given, when=NOW, taken=2500)


def statistics(app) -> dict:
    with app.app_context():
        rows = item_analysis(db.session.get(Deck, "testdeck"), min_learners=5)
        return {q.id: (s.learners, s.facility, s.discrimination, s.efficiency, s.options, s.wrong_answers)
                for q, s in rows}


def logged_in(app, name: str) -> FormClient:
    forms = FormClient(app.test_client())
    assert forms.post("/auth/login", {"username": name, "password": "geheim123"}).status_code == 302
    return forms


def test_the_download_holds_every_answer_card_and_run_of_the_student_only(app, create_user, answer):
    class_of_five(create_user, answer)
    forms = logged_in(app, "stu4")
    response = forms.client.get("/auth/account/data.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["username"] == "stu4" and data["account"]["role"] == "student"
    assert "hash" not in json.dumps(data["account"]).replace("salted scrypt hash only", "")
    assert [(a["question_id"], a["answer_given"], a["verdict"]) for a in data["answers"]] == \
        [("t-fluss", "Jalu", "wrong"), ("t-grenze", "30", "wrong"), ("t-bruecke", "Tumenn", "almost")]
    assert sorted(c["question_id"] for c in data["review_cards"]) == sorted(ITEMS)
    assert {c["first_answer"] for c in data["review_cards"]} == {"Jalu", "30", "Tumenn"}
    cards = forms.client.get("/auth/account/cards.csv")
    assert cards.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(cards.get_data(as_text=True))))
    assert sorted(r["question_id"] for r in rows) == sorted(ITEMS) and rows[0]["reps"] == "1"
    page = forms.client.get("/auth/account").get_data(as_text=True)
    for link in ("/auth/account/data.json", "/progress/history.csv", "/auth/account/cards.csv"):
        assert f'href="{link}"' in page


def test_deleting_the_account_removes_the_person_and_keeps_item_statistics(app, create_user, answer):
    class_of_five(create_user, answer)
    create_user("tina", teacher=True)
    before = statistics(app)
    assert before["t-fluss"][0] == 5
    forms = logged_in(app, "stu4")
    other_device = logged_in(app, "stu4")
    page = forms.client.get("/auth/account/delete")
    assert "This cannot be undone" in page.get_data(as_text=True)
    wrong = forms.post("/auth/account/delete", {"password": "falsch"}, page="/auth/account/delete")
    assert wrong.status_code == 200 and "This is not your current password." in wrong.get_data(as_text=True)
    response = forms.post("/auth/account/delete", {"password": "geheim123"}, page="/auth/account/delete")
    assert response.status_code == 302 and response.headers["Location"].endswith("/auth/login")

    assert forms.client.get("/").status_code == 302 and other_device.client.get("/").status_code == 302
    assert FormClient(app.test_client()).post(
        "/auth/login", {"username": "stu4", "password": "geheim123"}).status_code == 200
    assert statistics(app) == before  # same learners, facility, discrimination, options, wrong answers
    with app.app_context():
        names = set(db.session.scalars(db.select(User.username)))
        assert "stu4" not in names
        ghost = db.session.scalar(db.select(User).where(User.deleted_at.is_not(None)))
        assert ghost.username.startswith("#deleted-")
        assert db.session.scalar(db.select(db.func.count()).select_from(Attempt)
                                 .where(Attempt.user_id == ghost.id)) == 3
    teacher = logged_in(app, "tina")
    overview = teacher.client.get("/progress/class").get_data(as_text=True)
    assert ">stu3<" in overview and "stu4" not in overview and "#deleted" not in overview
    assert teacher.client.get(f"/progress/class/students/{ghost.id}").status_code == 404
    assert "stu4" not in teacher.client.get("/progress/class/results.csv").get_data(as_text=True)
    again = FormClient(app.test_client())  # the name is free again
    registered = again.post("/auth/register", {"username": "stu4", "password": "Flusspferd-im-Juli",
                                               "password2": "Flusspferd-im-Juli"}, page="/auth/register")
    assert registered.status_code == 302


def test_a_teacher_sees_what_is_stored_but_cannot_delete_the_account_here(app, create_user):
    create_user("tina", teacher=True)
    teacher = logged_in(app, "tina")
    privacy = teacher.client.get("/progress/privacy")
    assert privacy.status_code == 200
    html = privacy.get_data(as_text=True)
    assert "Every answer" in html and "Only a salted hash is stored" in html and "7 days" in html
    assert 'href="/progress/privacy"' in teacher.client.get("/progress/class").get_data(as_text=True)
    response = teacher.post("/auth/account/delete", {"password": "geheim123"}, page="/auth/account")
    assert response.status_code == 302
    assert FormClient(app.test_client()).post(
        "/auth/login", {"username": "tina", "password": "geheim123"}).status_code == 302
