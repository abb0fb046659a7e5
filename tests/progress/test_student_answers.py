"""The teacher's view of one student on one deck: every answer per item with its time, and an empty state
instead of "no weak items" for a deck the student never practised."""

import datetime as dt

import pytest

from .conftest import NOW


@pytest.fixture
def students(create_user, answer):
    ids = {name: create_user(name, teacher=name == "lehmann") for name in ["anna", "bert", "lehmann"]}
    answer("anna", "t-fluss", "wrong", "Jalu", taken=6_500)
    answer("anna", "t-fluss", "right", "Amur", when=NOW + dt.timedelta(days=1), taken=2_400)
    answer("anna", "t-bruecke", "almost", "Tumenn", taken=12_000)
    return ids


def test_teacher_sees_each_answer_with_its_time(client, auth, students):
    auth.login("lehmann")
    overview = client.get(f"/progress/class/students/{students['anna']}").get_data(as_text=True)
    link = f'href="/progress/class/students/{students["anna"]}/decks/testdeck">Answers and progress<'
    assert link in overview
    page = client.get(f"/progress/class/students/{students['anna']}/decks/testdeck",
                      headers={"Accept-Language": "de"}).get_data(as_text=True)
    answers = page.split("Antworten je Frage")[1]
    # newest first within an item, items in deck order; seconds with a decimal comma; Berlin time
    assert answers.index("Amur") < answers.index("Jalu") < answers.index("Tumenn")
    assert "2,4\u00a0s" in answers
    assert "6,5\u00a0s" in answers and "12,0\u00a0s" in answers
    assert "21.03.25, 13:00" in answers and "20.03.25, 13:00" in answers
    assert "fast richtig" in answers and "falsch" in answers
    assert 'id="accuracy">33\u00a0%<' in page  # 1 of 3 right, in German


def test_a_deck_never_practised_shows_an_empty_state(client, auth, students):
    auth.login("lehmann")
    page = client.get(f"/progress/class/students/{students['bert']}/decks/testdeck").get_data(as_text=True)
    assert "No weak items" not in page
    assert "Not practised yet" in page and "<bdi>bert</bdi> has not answered any question of this deck yet." in page
    auth.logout()
    auth.login("bert")
    own = client.get("/progress/decks/testdeck").get_data(as_text=True)
    assert "No weak items" not in own and "You have not practised this deck yet" in own
    assert "Answers per item" not in own  # the teacher's table, not shown to the student themself
