"""The deck dashboard: counts, accuracy, streak, charts and forecast on a fixture database."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from quizapp.analytics.dashboard import CardRow, card_counts, forecast
from quizapp.models.time import utcnow
from quizapp.operations.progress import deck_dashboard

from .conftest import NOW

DAY = dt.timedelta(days=1)


@pytest.fixture
def anna_history(create_user, answer):
    """Testdeck: fluss mastered (Easy twice, 66 days), grenze wrong today, bruecke new; other deck 2 days."""
    uid = create_user("anna")
    answer("anna", "t-fluss", "right", "Amur", when=NOW - 19 * DAY, taken=3_000)
    answer("anna", "t-fluss", "right", "Amur", when=NOW - 11 * DAY, taken=3_000)
    answer("anna", "t-grenze", "wrong", "12", when=NOW - dt.timedelta(hours=1))
    answer("anna", "n-03", "right", "17", when=NOW - 2 * DAY)
    answer("anna", "n-04", "wrong", "längste", when=NOW - DAY)
    return uid


def test_dashboard_counts(app, anna_history):
    with app.app_context():
        dash = deck_dashboard(anna_history, "testdeck", NOW, "Europe/Berlin")
    c = dash.counts
    assert (c.new, c.learning, c.due_today, c.mastered) == (1, 1, 1, 1)
    assert (c.answers, c.right) == (3, 2)
    assert dash.streak == 3  # today (testdeck), yesterday and the day before (other deck)
    assert [d.answers for d in dash.days][-12:] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert dash.days[-1].day == dt.date(2025, 3, 20) and dash.days[-1].accuracy == 0.0
    assert dash.forecast[0] == (dt.date(2025, 3, 20), 1)  # grenze again in a minute
    assert sum(n for _d, n in dash.forecast) == 1  # fluss is due in May, beyond 14 days
    assert [card.question_id for card, _text in dash.weakest] == ["t-grenze"]


def test_counts_and_forecast_from_plain_rows():
    end = dt.datetime(2025, 3, 20, 23, 0)
    cards = [CardRow("a", "review", end + 30 * DAY, 25, 3, 3, 0),
             CardRow("b", "relearning", end - DAY, 0, 4, 2, 1),
             CardRow("c", "review", end - dt.timedelta(hours=1), 5, 2, 2, 0)]
    counts = card_counts(cards, visible=5, end_of_today=end)
    assert (counts.new, counts.learning, counts.due_today, counts.mastered) == (2, 1, 2, 1)
    assert counts.accuracy == 7 / 9
    days = forecast([end - 3 * DAY, end + dt.timedelta(hours=2), end + 20 * DAY], dt.date(2025, 3, 20),
                    "Europe/Berlin", days=3)
    assert days == [(dt.date(2025, 3, 20), 1), (dt.date(2025, 3, 21), 1), (dt.date(2025, 3, 22), 0)]


def test_dashboard_page_shows_figures_and_accessible_charts(client, auth, create_user, answer):
    create_user("anna")
    now = utcnow() - dt.timedelta(minutes=2)
    answer("anna", "t-fluss", "wrong", "Jalu", when=now)
    answer("anna", "t-grenze", "right", "17", when=now, taken=8_000)
    auth.login("anna")
    page = client.get("/progress/decks/testdeck").get_data(as_text=True)
    assert re.search(r'id="count-new">1<', page) and re.search(r'id="count-learning">2<', page)
    assert re.search(r'id="count-due">2<', page) and re.search(r'id="accuracy">50%<', page)
    assert re.search(r'id="streak">1<', page)
    charts = re.findall(r"<svg[^>]*>.*?</svg>", page, re.S)
    assert len(charts) == 6  # each chart for a screen and again for a phone (style.css shows one of them)
    assert len(set(re.findall(r'<title id="([^"]+)"', page))) == 6  # every chart labelled by its own ids
    for svg in charts:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg and "<text" in svg
        assert "style=" not in svg
    assert "Der Grenzfluss heißt" in page  # the weakest item, with a button to practise it
    assert 'id="practise"' in page


def test_chart_days_are_written_the_way_the_page_language_writes_them(client, auth, create_user, answer):
    create_user("anna")
    answer("anna", "t-fluss", "wrong", "Jalu", when=utcnow() - dt.timedelta(minutes=2))
    auth.login("anna")
    today = dt.datetime.now(ZoneInfo("Europe/Berlin")).date()
    german = client.get("/progress/decks/testdeck", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert f">{today.day}.{today.month}.</text>" in german
    english = client.get("/progress/decks/testdeck", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert f">{today.month}/{today.day}</text>" in english
    assert f">{today.day}.{today.month}.</text>" not in english


def test_practise_these_starts_a_run_with_the_weak_items(app, client, auth, forms, create_user, answer):
    create_user("anna")
    answer("anna", "t-fluss", "wrong", "Jalu", when=utcnow())
    answer("anna", "t-grenze", "right", "17", when=utcnow())
    auth.login("anna")
    response = forms.post("/progress/decks/testdeck/practise", page="/progress/decks/testdeck")
    assert response.status_code == 302 and "/runs/" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Grenzfluss" in page and "Question 1 of 1" in page or "Frage 1 von 1" in page


def test_unknown_deck_is_not_found(client, auth, create_user):
    create_user("anna")
    auth.login("anna")
    assert client.get("/progress/decks/nope").status_code == 404
