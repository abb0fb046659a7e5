"""Decks, items and the review queue; approving, retiring and the show-drafts setting write the file."""

from __future__ import annotations

import difflib
import re

from quizapp.extensions import db
from quizapp.models import Question

from .conftest import DRAFTS


def changed_lines(old: bytes, new: bytes) -> list[str]:
    diff = difflib.unified_diff(old.decode().splitlines(), new.decode().splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def content_hash(app, question_id: str) -> str:
    with app.app_context():
        return db.session.get(Question, question_id).content_hash


def test_deck_list_counts_items_by_status(teacher, client):
    page = client.get("/teacher/").get_data(as_text=True)
    assert "nordkorea-russland.yaml" in page
    assert '<a href="/teacher/review?deck=nordkorea-russland">3</a>' in page


def test_deck_page_filters_by_status_kind_and_tag(teacher, client):
    def shown(query: str) -> set[str]:
        page = client.get(f"/teacher/decks/nordkorea-russland{query}").get_data(as_text=True)
        return set(re.findall(r'<article class="card teacher-item" id="q-([^"]+)"', page))

    assert shown("?status=draft") == set(DRAFTS)
    assert shown("?status=draft&kind=zahl") == {"nkru-grenze-laenge", "nkru-putin-besuch-jahre"}
    assert shown("?status=draft&tag=geografie") == {"nkru-grenze-laenge", "nkru-grenzfluss-tumen"}
    assert len(shown("")) == 22


def test_items_are_rendered_as_students_see_them(teacher, client):
    page = client.get("/teacher/decks/nordkorea-russland?tag=geografie").get_data(as_text=True)
    assert 'seit <input class="gap"' not in page
    assert 'einmal <input class="gap" type="text" disabled size="6" placeholder="Zahl"' in page
    assert '<li class="right-option">Tumen</li>' in page and "<li>Ussuri</li>" in page


def test_review_queue_lists_the_drafts(teacher, client):
    page = client.get("/teacher/review").get_data(as_text=True)
    assert re.findall(r'class="card review-item" tabindex="0" id="q-([^"]+)"', page) == DRAFTS


def test_approve_changes_one_line_and_students_see_the_item(app, teacher, client, forms, deck_file):
    before = deck_file.read_bytes()
    response = forms.post(f"/teacher/questions/{DRAFTS[0]}/status", page="/teacher/review",
                          data={"status": "approved", "content_hash": content_hash(app, DRAFTS[0]),
                                "next": "/teacher/review?pos=0"})
    assert response.status_code == 302 and response.headers["Location"] == "/teacher/review?pos=0"
    assert changed_lines(before, deck_file.read_bytes()) == ["-    status: draft", "+    status: approved"]
    with app.app_context():
        assert db.session.get(Question, DRAFTS[0]).status == "approved"


def test_retire_hides_the_item(app, teacher, forms, deck_file):
    forms.post(f"/teacher/questions/{DRAFTS[1]}/status", page="/teacher/review",
               data={"status": "retired", "content_hash": content_hash(app, DRAFTS[1])})
    assert "status: retired" in deck_file.read_text()
    with app.app_context():
        assert db.session.get(Question, DRAFTS[1]).status == "retired"


def test_approving_an_item_changed_on_disk_is_refused(app, teacher, client, forms, deck_file):
    seen = content_hash(app, DRAFTS[0])
    changed = deck_file.read_text().replace("{{c1::17::Zahl}} Kilometer", "{{c1::17::Zahl}} km")
    deck_file.write_text(changed)
    response = forms.post(f"/teacher/questions/{DRAFTS[0]}/status", page="/teacher/review",
                          data={"status": "approved", "content_hash": seen}, follow_redirects=True)
    assert "was changed in its file since this page was loaded" in response.get_data(as_text=True)
    assert deck_file.read_text() == changed


def test_show_drafts_is_written_to_the_deck_block(app, teacher, client, forms, auth, create_user, deck_file):
    before = deck_file.read_bytes()
    forms.post("/teacher/decks/nordkorea-russland/show-drafts", {"show_drafts": "true"},
               page="/teacher/decks/nordkorea-russland")
    assert changed_lines(before, deck_file.read_bytes()) == ["+  show_drafts: true"]
    assert "Students see approved and draft items." in client.get(
        "/teacher/decks/nordkorea-russland").get_data(as_text=True)
    auth.logout()
    create_user("schueler")
    auth.login("schueler")
    assert re.search(r"\b22 (questions|Fragen)", client.get("/").get_data(as_text=True))  # 19 + 3 drafts
