"""Class data is for teachers only; each learner sees and downloads only their own history."""

import csv
import io

import pytest

from .conftest import NOW

CLASS_PAGES = ["/progress/class", "/progress/class/decks/testdeck/items", "/progress/class/results.csv"]


@pytest.fixture
def classroom(create_user, answer):
    ids = {name: create_user(name, teacher=name == "lehmann") for name in ["anna", "bert", "lehmann"]}
    answer("anna", "t-fluss", "right", "Amur", taken=4_000)
    answer("anna", "t-grenze", "wrong", "=1+1")  # a formula must not run in a spreadsheet
    answer("bert", "t-fluss", "wrong", "Jalu", when=NOW.replace(hour=9))
    return ids


def rows(response):
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_students_get_403_on_class_pages(client, auth, classroom):
    auth.login("anna")
    student_pages = [f"/progress/class/students/{classroom['bert']}",
                     f"/progress/class/students/{classroom['bert']}/decks/testdeck"]
    for url in CLASS_PAGES + student_pages:
        assert client.get(url).status_code == 403, url


def test_anonymous_is_sent_to_login(client, classroom):
    for url in CLASS_PAGES + ["/progress/decks/testdeck", "/progress/history.csv"]:
        response = client.get(url)
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"], url


def test_teacher_sees_overview_and_drills_down(client, auth, classroom):
    auth.login("lehmann")
    overview = client.get("/progress/class").get_data(as_text=True)
    assert "anna" in overview and "bert" in overview and "lehmann" not in overview.split("<main>")[1]
    student = client.get(f"/progress/class/students/{classroom['anna']}").get_data(as_text=True)
    assert "2 / 3" in student and "50%" in student  # English: no space before the sign
    dashboard = client.get(f"/progress/class/students/{classroom['anna']}/decks/testdeck").get_data(as_text=True)
    assert "anna" in dashboard and 'id="practise"' not in dashboard  # a teacher looks, does not practise
    assert client.get(f"/progress/class/students/{classroom['lehmann']}").status_code == 404


def test_pages_show_times_in_the_schools_time_zone(client, auth, classroom):
    """bert answered at 09:00 UTC on 20 March 2025: 10:00 in Berlin (TIMEZONE), on every page."""
    auth.login("lehmann")
    overview = client.get("/progress/class", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert "20.03.25, 10:00" in overview and "09:00" not in overview
    student = client.get(f"/progress/class/students/{classroom['bert']}",
                         headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "3/20/25, 10:00" in student


def test_history_csv_holds_only_own_answers(client, auth, classroom):
    auth.login("bert")
    response = client.get("/progress/history.csv")
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    table = rows(response)
    assert table[0] == ["answered_at_utc", "deck", "question_id", "question", "answer_given", "verdict",
                        "time_taken_ms"]
    assert table[1:] == [["2025-03-20T09:00:00", "testdeck", "t-fluss", "Der Grenzfluss heißt ____.", "Jalu",
                          "wrong", ""]]


def test_history_csv_defuses_formulas(client, auth, classroom):
    auth.login("anna")
    table = rows(client.get("/progress/history.csv"))
    assert [r[4] for r in table[1:]] == ["Amur", "'=1+1"]
    assert table[1][6] == "4000"


def test_class_results_csv(client, auth, classroom):
    auth.login("lehmann")
    table = rows(client.get("/progress/class/results.csv"))
    assert table[0][:4] == ["student", "deck", "items_answered", "items_in_deck"]
    by_key = {(r[0], r[1]): r for r in table[1:]}
    assert set(by_key) == {(s, d) for s in ["anna", "bert"] for d in ["nachbarn", "testdeck"]}
    assert by_key[("anna", "testdeck")][2:8] == ["2", "3", "2", "1", "50.0", "0"]
    assert by_key[("bert", "testdeck")][2:] == ["1", "3", "1", "0", "0.0", "0", "2025-03-20T09:00:00"]
    assert by_key[("bert", "nachbarn")][2:5] == ["0", "12", "0"]
