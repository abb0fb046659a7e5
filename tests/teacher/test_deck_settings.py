"""Deck management: title, language, date, the article's address, publisher and licence (written into the bank
file and shown to students), archiving and deleting with the students' history kept."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from quizapp.bank.write import read_bank
from quizapp.extensions import db
from quizapp.models import Attempt, Deck
from tests.teacher.test_teacher_edit import field_of

DECK = "nordkorea-russland"
SETTINGS = f"/teacher/decks/{DECK}/settings"


def settings(sha: str, **changes) -> dict:
    return {"file_sha256": sha, "title": "Nordkorea und Russland", "language": "de", "source_date": "2025-07",
            "source_url": "https://www.derstandard.at/story/nordkorea-russland",
            "source_attribution": "DER STANDARD", "source_licence": "CC BY-NC-SA"} | changes


def save(forms, deck_file, **changes):
    return forms.post(SETTINGS, settings(read_bank(deck_file)[1], **changes), page=SETTINGS)


def test_settings_go_into_the_bank_file_and_students_see_the_source(app, teacher, forms, deck_file, auth,
                                                                   create_user, client):
    before = deck_file.read_text()
    response = save(forms, deck_file)
    assert response.status_code == 302, response.get_data(as_text=True)
    after = deck_file.read_text()
    assert after.split("questions:")[1] == before.split("questions:")[1]  # only the deck block changed
    assert "  title: 'Nordkorea und Russland'\n" in after  # quoted as it was
    assert ("    date: 2025-07\n    url: https://www.derstandard.at/story/nordkorea-russland\n"
            "    attribution: DER STANDARD\n    licence: CC BY-NC-SA\n") in after
    with app.app_context():
        assert db.session.get(Deck, DECK).credit == "DER STANDARD, CC BY-NC-SA"
    auth.logout()
    create_user("schueler")
    auth.login("schueler")
    forms.post("/language/de", page="/")
    home = client.get("/").get_data(as_text=True)
    assert re.search(r'Quelle:\s*<a href="https://www.derstandard.at/story/nordkorea-russland" '
                     r'rel="noopener noreferrer">(<bdi>)?DER STANDARD, CC BY-NC-SA', home)
    run = forms.post(f"/decks/{DECK}/start", {"length": "all"}, page="/").headers["Location"]
    page = client.get(run).get_data(as_text=True)
    qid = re.search(r'name="question_id" type="hidden" value="([^"]+)"', page).group(1)
    feedback = forms.post(run + "/answer", {"question_id": qid, "skip": "1"}, page=run)
    assert "DER STANDARD, CC BY-NC-SA" in client.get(feedback.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("field, value, message", [
    ("source_url", "javascript:alert(1)", "Give a web address starting with https://"),
    ("source_date", "Juli 2025", "Write the date as YYYY, YYYY-MM or YYYY-MM-DD"),
    ("title", "", "This field is required"),
])
def test_a_bad_setting_is_marked_at_its_field_and_changes_nothing(teacher, forms, deck_file, field, value,
                                                                   message):
    before = deck_file.read_bytes()
    response = save(forms, deck_file, **{field: value})
    assert response.status_code == 422
    assert message in field_of(response.get_data(as_text=True), field)
    assert deck_file.read_bytes() == before


def test_archive_hides_the_deck_from_students_and_keeps_it_for_teachers(app, teacher, client, forms, deck_file,
                                                                         auth, create_user):
    page = client.get(SETTINGS).get_data(as_text=True)
    sha = re.search(r'name="file_sha256" type="hidden" value="([0-9a-f]+)"', page).group(1)
    response = forms.post(f"/teacher/decks/{DECK}/archive", {"file_sha256": sha}, page=SETTINGS)
    assert response.status_code == 302 and "  archived: true\n" in deck_file.read_text()
    with app.app_context():
        assert db.session.get(Deck, DECK).archived
    assert "nordkorea-russland/start" not in client.get("/").get_data(as_text=True)
    assert forms.post(f"/decks/{DECK}/start", {}, page="/").status_code == 404
    assert client.get(f"/decks/{DECK}/anki.apkg").status_code == 200  # the teacher still may
    auth.logout()
    create_user("schueler")
    auth.login("schueler")
    assert client.get(f"/decks/{DECK}/anki.apkg").status_code == 404
    assert "nordkorea-russland/start" not in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login("lehrerin")
    assert "This deck is archived" in client.get(f"/teacher/decks/{DECK}").get_data(as_text=True)
    forms.post(f"/teacher/decks/{DECK}/archive", {"file_sha256": read_bank(deck_file)[1]}, page=SETTINGS)
    assert "archived" not in deck_file.read_text()
    assert "nordkorea-russland/start" in client.get("/").get_data(as_text=True)


def test_delete_asks_first_then_removes_the_file_and_keeps_the_answers(app, teacher, client, forms, deck_file):
    run = forms.post(f"/decks/{DECK}/start", {"length": "all"}, page="/").headers["Location"]
    page = client.get(run).get_data(as_text=True)
    qid = re.search(r'name="question_id" type="hidden" value="([^"]+)"', page).group(1)
    assert forms.post(run + "/answer", {"question_id": qid, "skip": "1"}, page=run).status_code == 302
    url = f"/teacher/decks/{DECK}/delete"
    confirm = client.get(url).get_data(as_text=True)
    assert "The 1 answer students gave is kept" in confirm and deck_file.exists()
    stale = forms.post(url, {"file_sha256": "0" * 64}, page=url)
    assert stale.status_code == 409 and deck_file.exists()
    response = forms.post(url, {"file_sha256": read_bank(deck_file)[1]}, page=url)
    assert response.status_code == 302 and not deck_file.exists()
    with app.app_context():
        assert not db.session.get(Deck, DECK).in_files
        assert db.session.scalar(select(func.count(Attempt.id))) == 1
    assert "Deleted the deck" in client.get("/teacher/").get_data(as_text=True)
    assert client.get(f"/teacher/decks/{DECK}").status_code == 404
