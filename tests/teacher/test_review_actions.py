"""Review actions: one item or many, answered in place (JSON) or by a new page, undo, and a hand edit of
the file meanwhile: the file stays the source of truth, only status words change, nothing is lost."""

from __future__ import annotations

import re

from quizapp.bank.write import read_bank
from quizapp.extensions import db
from quizapp.models import Deck, Question

from .conftest import DRAFTS
from .test_teacher_review import changed_lines

JSON = {"Accept": "application/json"}
REVIEW = "/teacher/review"
DECK_PAGE = "/teacher/decks/nordkorea-russland"


def statuses(app, ids=DRAFTS) -> list[str]:
    with app.app_context():
        return [db.session.get(Question, qid).status for qid in ids]


def shown_items(app, ids=DRAFTS) -> str:
    """The bulk form's list of what the page showed: "id:content_hash ..."."""
    with app.app_context():
        return " ".join(f"{qid}:{db.session.get(Question, qid).content_hash}" for qid in ids)


def approve(app, forms, qid: str, status: str = "approved", **kwargs):
    with app.app_context():
        digest = db.session.get(Question, qid).content_hash
    return forms.post(f"/teacher/questions/{qid}/status", {"status": status, "content_hash": digest,
                                                            "next": REVIEW}, page=REVIEW, **kwargs)


def test_approve_in_place_answers_with_the_question_and_its_new_status(app, teacher, forms, deck_file):
    before = deck_file.read_bytes()
    answer = approve(app, forms, DRAFTS[0], headers=JSON)
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["ok"] and body["statuses"] == {DRAFTS[0]: {"status": "approved", "label": "approved"}}
    assert body["message"] == "Approved: “Nordkorea und Russland teilen sich eine gerade einmal … Kilometer lange…”"
    assert DRAFTS[0] not in body["message"]
    assert body["undo"] == body["message"]
    assert changed_lines(before, deck_file.read_bytes()) == ["-    status: draft", "+    status: approved"]
    with app.app_context():  # the database has the file's new version: no reload of the bank needed
        assert db.session.get(Deck, "nordkorea-russland").file_sha256 == read_bank(deck_file)[1]
    assert statuses(app) == ["approved", "draft", "draft"]


def test_without_javascript_the_flash_message_names_the_question(app, teacher, forms):
    page = approve(app, forms, DRAFTS[1], status="retired", follow_redirects=True).get_data(as_text=True)
    assert "Retired: “Eine rostige, eingleisige Eisenbahnbrücke aus Sowjetzeiten spannt sich über den…”" in page
    assert f'id="q-{DRAFTS[1]}"' not in page  # it left the queue
    assert 'id="undo-what">Retired: “Eine rostige' in page


def test_bulk_approves_the_ticked_items_only(app, teacher, forms, deck_file):
    before = deck_file.read_bytes()
    answer = forms.post("/teacher/review/bulk", {"action": "approved:selected", "items": shown_items(app),
                                                 "selected": [DRAFTS[0], DRAFTS[2]], "next": REVIEW},
                        page=REVIEW, follow_redirects=True)
    assert "2 items approved." in answer.get_data(as_text=True)
    assert statuses(app) == ["approved", "draft", "approved"]
    assert changed_lines(before, deck_file.read_bytes()) == ["-    status: draft", "+    status: approved"] * 2


def test_bulk_retires_everything_the_filter_shows_and_undo_puts_it_back(app, teacher, client, forms, deck_file):
    before = deck_file.read_bytes()
    page = client.get(f"{DECK_PAGE}?status=draft&kind=zahl").get_data(as_text=True)
    shown = re.search(r'name="items" value="([^"]*)"', page).group(1).split()
    assert [entry.split(":")[0] for entry in shown] == [DRAFTS[0], DRAFTS[2]]
    answer = forms.post("/teacher/review/bulk", {"action": "retired:shown", "items": " ".join(shown),
                                                 "next": f"{DECK_PAGE}?status=draft&kind=zahl"},
                        page=DECK_PAGE, headers=JSON).get_json()
    assert answer["message"] == "2 items retired." and answer["undo"] == "2 items retired."
    assert statuses(app) == ["retired", "draft", "retired"]

    undone = forms.post("/teacher/review/undo", {"next": DECK_PAGE}, page=DECK_PAGE, follow_redirects=True)
    assert "Undone: 2 items have their previous status again." in undone.get_data(as_text=True)
    assert statuses(app) == ["draft", "draft", "draft"]
    assert deck_file.read_bytes() == before
    nothing = forms.post("/teacher/review/undo", {"next": DECK_PAGE}, page=DECK_PAGE, headers=JSON)
    assert nothing.status_code == 409 and nothing.get_json()["message"] == "There is nothing to undo."


def test_undo_goes_back_one_action_at_a_time(app, teacher, forms):
    forms.post("/teacher/review/bulk", {"action": "approved:shown", "items": shown_items(app), "next": REVIEW},
               page=REVIEW)
    approve(app, forms, DRAFTS[1], status="retired", headers=JSON)  # a stray "r"
    first = forms.post("/teacher/review/undo", {"next": REVIEW}, page=REVIEW, headers=JSON).get_json()
    assert first["message"].startswith("Undone: “Eine rostige") and first["message"].endswith("is approved again.")
    assert first["undo"] == "3 items approved."  # the action before it is next
    assert statuses(app) == ["approved", "approved", "approved"]
    forms.post("/teacher/review/undo", {"next": REVIEW}, page=REVIEW)
    assert statuses(app) == ["draft", "draft", "draft"]


def test_undo_skips_what_the_file_changed_meanwhile(app, teacher, forms, deck_file):
    forms.post("/teacher/review/bulk", {"action": "approved:shown", "items": shown_items(app), "next": REVIEW},
               page=REVIEW)
    text = deck_file.read_text()  # a hand edit: the second item is retired in an editor
    start = text.index(f"- id: {DRAFTS[1]}")
    deck_file.write_text(text[:start] + text[start:].replace("status: approved", "status: retired", 1))
    undo = forms.post("/teacher/review/undo", {"next": REVIEW}, page=REVIEW, headers=JSON).get_json()
    assert undo["message"] == ("Undone: 2 items have their previous status again. "
                               "1 item was left as it is: it was changed since.")
    assert statuses(app) == ["draft", "retired", "draft"]


def test_a_valid_hand_edit_meanwhile_is_kept(app, teacher, forms, deck_file):
    text = deck_file.read_text()  # a teacher's comments, one beside the status that changes
    edited = text.replace(f"  - id: {DRAFTS[0]}\n", f"  # geprüft am Montag\n  - id: {DRAFTS[0]}\n")
    start = edited.index(f"- id: {DRAFTS[0]}")
    edited = edited[:start] + edited[start:].replace("status: draft\n", "status: draft  # noch prüfen\n", 1)
    deck_file.write_text(edited)
    answer = approve(app, forms, DRAFTS[0], headers=JSON)
    assert answer.status_code == 200, answer.get_json()
    assert changed_lines(edited.encode(), deck_file.read_bytes()) == ["-    status: draft  # noch prüfen",
                                                                       "+    status: approved  # noch prüfen"]


def test_a_hand_edit_that_breaks_the_file_refuses_the_action_and_keeps_the_file(app, teacher, forms, deck_file):
    broken = deck_file.read_text().replace("questions:", "questions: [", 1)
    deck_file.write_text(broken)
    answer = approve(app, forms, DRAFTS[0], headers=JSON)
    assert answer.status_code == 409
    assert answer.get_json()["message"].startswith("The bank file was changed on disk meanwhile or has errors")
    assert deck_file.read_text() == broken
    assert statuses(app) == ["draft", "draft", "draft"]


def test_an_item_changed_in_the_file_since_the_page_is_refused_by_name(app, teacher, forms, deck_file):
    with app.app_context():
        seen = db.session.get(Question, DRAFTS[0]).content_hash
    changed = deck_file.read_text().replace("{{c1::17::Zahl}} Kilometer", "{{c1::17::Zahl}} km")
    deck_file.write_text(changed)
    answer = forms.post(f"/teacher/questions/{DRAFTS[0]}/status",
                        {"status": "approved", "content_hash": seen}, page=REVIEW, headers=JSON)
    assert answer.status_code == 409
    assert answer.get_json()["message"] == ("“Nordkorea und Russland teilen sich eine gerade einmal … km lange "
                                            "Landgrenze.” was changed in its file since this page was loaded: nothing was saved. "
                                            "Please look at it again.")
    assert deck_file.read_text() == changed


def test_deck_page_approves_and_sends_back_to_draft_in_its_list(app, teacher, client, forms, deck_file):
    page = client.get(f"{DECK_PAGE}?tag=geografie").get_data(as_text=True)
    article = page[page.index(f'id="q-{DRAFTS[0]}"'):]
    article = article[: article.index("</article>")]
    assert re.findall(r'data-status="(\w+)"( hidden)?', article) == [("approved", ""), ("retired", ""),
                                                                      ("draft", " hidden")]
    with app.app_context():
        digest = db.session.get(Question, DRAFTS[0]).content_hash
    back = f"{DECK_PAGE}?tag=geografie"
    response = forms.post(f"/teacher/questions/{DRAFTS[0]}/status",
                          {"status": "approved", "content_hash": digest, "next": back}, page=DECK_PAGE)
    assert response.headers["Location"] == back
    forms.post(f"/teacher/questions/{DRAFTS[0]}/status",
               {"status": "draft", "content_hash": digest, "next": back}, page=DECK_PAGE)
    assert statuses(app, [DRAFTS[0]]) == ["draft"]
    assert "Back to draft: “Nordkorea und Russland" in client.get(back).get_data(as_text=True)


def test_a_german_teacher_reads_the_messages_in_german(app, teacher, forms):
    forms.post("/language/de", page="/")
    answer = approve(app, forms, DRAFTS[0], headers=JSON).get_json()
    assert answer["message"] == "Freigegeben: „Nordkorea und Russland teilen sich eine gerade einmal … Kilometer lange…“"
    assert answer["statuses"][DRAFTS[0]]["label"] == "freigegeben"
