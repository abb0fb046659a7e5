"""Every progress page renders for the people allowed to see it."""

import pytest


@pytest.fixture
def classroom(create_user, answer):
    create_user("anna")
    create_user("bert")
    create_user("frau-lehmann", teacher=True)
    answer("anna", "t-fluss", "right", "Amur", taken=3000)
    answer("bert", "t-fluss", "wrong", "Jalu")
    answer("bert", "t-bruecke", "wrong", "=cmd()")


def test_student_pages_render(client, auth, classroom):
    auth.login("anna")
    for url in ["/", "/progress/decks/testdeck", "/progress/history.csv"]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_teacher_pages_render(client, auth, classroom):
    auth.login("frau-lehmann")
    for url in ["/progress/class", "/progress/class/decks/testdeck/items", "/progress/class/results.csv",
                "/progress/class/decks/nachbarn/items"]:
        response = client.get(url)
        assert response.status_code == 200, url
    overview = client.get("/progress/class").get_data(as_text=True)
    assert "anna" in overview and "bert" in overview


def test_pages_render_in_german(client, auth, classroom):
    auth.login("frau-lehmann")
    german = {"Accept-Language": "de"}
    assert "Fragenanalyse" in client.get("/progress/class/decks/testdeck/items", headers=german).get_data(as_text=True)
    assert "Klassenübersicht" in client.get("/progress/class", headers=german).get_data(as_text=True)
    auth.logout()
    auth.login("anna")
    page = client.get("/progress/decks/testdeck", headers=german).get_data(as_text=True)
    assert "Tage in Folge" in page and "Trefferquote im Verlauf" in page
    assert "Wiederholen (" in client.get("/", headers=german).get_data(as_text=True)
