"""Progress pages in a real browser: a student's dashboard with its charts, the class overview and the item
analysis, on a class with twelve days of history; screenshots in tests/artifacts/."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import Attempt, Question, User
from quizapp.operations.reviews import update_review

from tests.browser.test_teacher_review import log_in

pytestmark = pytest.mark.browser

DECK = "nordkorea-russland"
CLASS = ["lena", "mia", "noah", "emil", "paul", "lina"]


@pytest.fixture
def class_history(app, create_user):
    """Six students answered the seed deck over the last twelve days; Lena came back on most of them."""
    create_user("lehrerin", teacher=True)
    for name in CLASS:
        create_user(name)
    # Noon of the school's day: a day's answers (spread over an hour) never cross local midnight, whenever
    # the test runs.
    school_now = dt.datetime.now(ZoneInfo(app.config["TIMEZONE"]))
    now = school_now.replace(hour=12, minute=0, second=0, microsecond=0).astimezone(dt.UTC).replace(tzinfo=None)
    with app.app_context():
        questions = db.session.scalars(
            db.select(Question).where(Question.deck_id == DECK, Question.status == "approved")
            .order_by(Question.position)).all()
        for s, name in enumerate(CLASS):
            user = db.session.scalar(db.select(User).filter_by(username=name))
            days = range(12, 0, -1) if name == "lena" else (12 - 2 * s,)
            for d, day in enumerate(days):
                for q, question in enumerate(questions):
                    if name == "lena" and q % 12 != d % 12 and d:
                        continue  # on later days Lena reviews a couple of items
                    right = (q * 7 + s * 3 + d) % 5 not in (0, 1) if q % 4 else s % 2 == 0
                    when = now - dt.timedelta(days=day, minutes=-q)
                    attempt = Attempt(user_id=user.id, question_id=question.id, created_at=when,
                                      answer_given=question.answer if right else "falsch",
                                      verdict="right" if right else "wrong", time_taken_ms=4000 + 300 * q)
                    db.session.add(attempt)
                    db.session.flush()
                    update_review(attempt, question, when)
        db.session.commit()


def test_student_dashboard_shows_counts_and_charts(live_server, page, class_history, artifacts):
    log_in(page, live_server, "lena")
    page.goto(f"{live_server}/progress/decks/{DECK}")
    expect(page.get_by_role("heading", name="Mein Fortschritt")).to_be_visible()
    charts = page.locator("svg.chart-wide[role=img]")  # the phone variants are hidden at this size
    expect(charts).to_have_count(3)
    for index in range(3):
        expect(charts.nth(index)).to_be_visible()
        assert charts.nth(index).locator("title").first.text_content().strip()  # an accessible name
    assert page.locator("#streak").text_content().strip() == "12"  # she practised on each of the last 12 days
    assert int(page.locator("#count-new").text_content()) == 0  # every approved item answered once
    expect(page.get_by_role("button", name="Diese üben")).to_be_visible()  # weakest items, practise them
    page.screenshot(path=str(artifacts / "progress-dashboard.png"), full_page=True)


def test_teacher_sees_class_overview_and_item_analysis(live_server, page, class_history, artifacts):
    log_in(page, live_server, "lehrerin")
    page.goto(f"{live_server}/progress/class")
    for name in CLASS:
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    page.screenshot(path=str(artifacts / "progress-class.png"), full_page=True)

    page.goto(f"{live_server}/progress/class/decks/{DECK}/items")
    rows = page.locator("table tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() >= 20
    assert "6" in page.locator("body").text_content()  # learners counted
    page.screenshot(path=str(artifacts / "progress-items.png"))  # the first items; the page is long
