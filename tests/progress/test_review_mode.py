"""Review mode: what is due across decks first (oldest first), then new items within a daily limit per deck."""

import datetime as dt
import re

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, QuizRun, ReviewCard, User
from quizapp.operations.reviews import review_queue

from .conftest import NOW

HOUR = dt.timedelta(hours=1)


def queue_for(app, username, now=NOW):
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(username=username))
        return review_queue(user, now)


def test_due_items_first_by_due_time_then_new_per_deck(app, create_user, answer):
    app.config["REVIEW_NEW_PER_DAY"] = 3
    create_user("anna")
    answer("anna", "n-01", "wrong", "4", when=NOW - 3 * HOUR)
    answer("anna", "t-grenze", "wrong", "12", when=NOW - 2 * HOUR)
    answer("anna", "n-03", "wrong", "12", when=NOW - 1 * HOUR)
    answer("anna", "t-fluss", "right", "Amur", when=NOW - 1 * HOUR, taken=2_000)  # Easy: due in days
    assert queue_for(app, "anna") == [
        "n-01", "t-grenze", "n-03",  # due, most overdue first
        "n-02",  # 3 a day for this deck, two were new today already
        "t-bruecke",  # the last unseen item of Testdeck
    ]


def test_new_items_started_yesterday_do_not_use_up_today(app, create_user, answer):
    app.config["REVIEW_NEW_PER_DAY"] = 2
    create_user("anna")
    yesterday = NOW - dt.timedelta(days=1)
    answer("anna", "t-fluss", "right", "Amur", when=yesterday, taken=2_000)
    answer("anna", "t-grenze", "right", "17", when=yesterday, taken=2_000)
    queue = queue_for(app, "anna")
    assert "t-bruecke" in queue
    assert sum(qid.startswith("n-") for qid in queue) == 2


def test_default_limit_is_ten_new_per_deck(app, create_user):
    create_user("anna")
    queue = queue_for(app, "anna")
    assert len(queue) == 13 and queue[-3:] == ["t-fluss", "t-grenze", "t-bruecke"]


def test_every_new_attempt_updates_one_card_per_learner_and_question(app, create_user, answer):
    create_user("anna")
    answer("anna", "t-fluss", "wrong", "Jalu", when=NOW - 2 * HOUR)
    answer("anna", "t-fluss", "right", "Amur", when=NOW - HOUR, taken=10_000)
    with app.app_context():
        cards = db.session.scalars(select(ReviewCard)).all()
        assert len(cards) == 1
        card = cards[0]
        assert (card.reps, card.correct_count, card.first_verdict, card.first_answer) == (2, 1, "wrong", "Jalu")
        assert card.last_review == NOW - HOUR and card.fsrs_card["state"] in (1, 2, 3)


@pytest.fixture
def anna(auth):
    auth.register("anna", "geheim123")


def test_review_run_through_the_quiz_pages(app, client, forms, anna):
    home = client.get("/").get_data(as_text=True)
    assert re.search(r"Review \(0 due\)|Wiederholen \(0 fällig\)", home)
    response = forms.post("/progress/review", page="/")
    run_url = response.headers["Location"]
    assert "/runs/" in run_url
    with app.app_context():
        run = db.session.scalars(select(QuizRun)).one()
        assert (run.mode, run.deck_id, len(run.question_ids)) == ("review", None, 13)
    page = client.get(run_url).get_data(as_text=True)
    qid = re.search(r'name="question_id" type="hidden" value="([^"]+)"', page).group(1)
    data = {"question_id": qid, "choice": "China"}  # the first new item of Nachbarn, answered wrongly
    assert forms.post(run_url + "/answer", data, page=run_url).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Attempt.verdict)) == "wrong"
        card = db.session.scalars(select(ReviewCard)).one()
        assert card.question_id == qid and card.state == "learning"
    summary = client.get(run_url + "/summary")
    assert summary.status_code == 200
    retry = forms.post(run_url + "/retry-missed", page=run_url + "/summary")
    assert retry.status_code == 302 and "/runs/" in retry.headers["Location"]
    home = client.get("/").get_data(as_text=True)
    # due again in a minute: "due today", as on the deck card and the dashboard
    assert re.search(r"Review \(1 due\)|Wiederholen \(1 fällig\)", home)


def test_nothing_to_review_says_so(app, client, forms, anna):
    app.config["REVIEW_NEW_PER_DAY"] = 0
    response = forms.post("/progress/review", page="/", follow_redirects=True)
    assert "Nothing to review" in response.get_data(as_text=True) or "Nichts" in response.get_data(as_text=True)
