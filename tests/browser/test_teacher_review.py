"""A teacher reviews drafts with the keyboard in a real browser; the student then sees exactly the approved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from quizapp.bank.write import read_bank, set_question_fields
from quizapp.extensions import db
from quizapp.models import Question, QuizRun

pytestmark = pytest.mark.browser

DECK_FILE = "nordkorea-russland.yaml"
FIXED_DECK = Path(__file__).resolve().parents[1] / "fixtures" / "banks" / DECK_FILE
DRAFTS = ["nkru-grenze-laenge", "nkru-grenzfluss-tumen", "nkru-putin-besuch-jahre"]


@pytest.fixture
def questions_dir(tmp_path) -> Path:
    """questions/ with the frozen hand-written seed deck, three of its items drafts again."""
    target = tmp_path / "questions"
    target.mkdir()
    path = target / DECK_FILE
    shutil.copy(FIXED_DECK, path)
    text, _ = read_bank(path)
    for qid in DRAFTS:
        text = set_question_fields(text, qid, {"status": "draft"})
    path.write_text(text, encoding="utf-8")
    return target


def log_in(page, server: str, username: str) -> None:
    page.goto(server + "/auth/login")
    expect(page.locator("#username")).to_be_focused()  # autofocus has landed
    page.keyboard.type(username)  # the username field has focus
    page.keyboard.press("Tab")
    page.keyboard.type("geheim123")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Decks")).to_be_visible()


def test_teacher_approves_two_drafts_by_keyboard_and_edits_one(app, live_server, page, browser, create_user,
                                                              questions_dir, artifacts):
    create_user("lehrerin", teacher=True)
    create_user("schueler")
    log_in(page, live_server, "lehrerin")
    page.goto(live_server + "/teacher/review")
    items = page.locator(".review-item:visible")  # an approved item leaves the queue in place
    expect(items).to_have_count(3)
    expect(page.locator(".review-item.selected")).to_have_attribute("data-id", DRAFTS[0])
    page.screenshot(path=str(artifacts / "teacher-review.png"), full_page=True)

    page.keyboard.press("a")  # approve the first draft
    expect(items).to_have_count(2)
    expect(page.locator(".review-item.selected")).to_have_attribute("data-id", DRAFTS[1])
    page.keyboard.press("j")  # skip to the next one
    expect(page.locator(".review-item.selected")).to_have_attribute("data-id", DRAFTS[2])
    page.keyboard.press("k")
    expect(page.locator(".review-item.selected")).to_have_attribute("data-id", DRAFTS[1])
    page.keyboard.press("j")
    page.keyboard.press("a")  # approve the third
    expect(items).to_have_count(1)
    expect(page.locator(".review-item.selected")).to_have_attribute("data-id", DRAFTS[1])

    page.keyboard.press("e")  # edit the one left: it stays a draft
    expect(page.locator("textarea[name=text]")).to_be_focused()
    page.locator("textarea[name=text]").fill(
        "Eine rostige, eingleisige Eisenbahnbrücke spannt sich über den Grenzfluss ____.")
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator(".review-item")).to_have_count(1)  # a new page: the approved ones are gone
    expect(page.locator(".review-item .stem")).to_have_text(
        "Eine rostige, eingleisige Eisenbahnbrücke spannt sich über den Grenzfluss ____.")

    bank = (questions_dir / DECK_FILE).read_text()
    assert "spannt sich über den Grenzfluss ____." in bank
    approved = [block.split("\n", 1)[0] for block in bank.split("  - id: ")[1:] if "status: approved" in block]
    assert DRAFTS[0] in approved and DRAFTS[2] in approved and DRAFTS[1] not in approved

    page.context.clear_cookies()
    log_in(page, live_server, "schueler")
    page.locator("select.length").select_option("all")  # every fact of the deck once
    page.get_by_role("button", name="Quiz starten").click()
    with app.app_context():
        facts = {q.id: q.fact_key for q in db.session.scalars(db.select(Question))}
    approved_facts = {facts[qid] for qid in approved}
    expect(page.locator(".step")).to_contain_text(f"Frage 1 von {len(approved_facts)}")
    with app.app_context():
        run = db.session.scalars(db.select(QuizRun).order_by(QuizRun.id.desc())).first()
        assert set(run.question_ids) <= set(approved)  # approved items only, the drafts are not asked
        assert {facts[qid] for qid in run.question_ids} == approved_facts


def test_review_actions_update_the_page_in_place_and_undo(app, live_server, page, create_user, questions_dir,
                                                          artifacts):
    create_user("lehrerin", teacher=True)
    log_in(page, live_server, "lehrerin")
    page.goto(live_server + "/teacher/review")
    page.evaluate("window.samePage = true")  # gone if anything reloads the page
    visible = page.locator(".review-item:visible")
    status, last_change = page.locator("#action-status"), page.locator("#undo-what")

    page.keyboard.press("a")
    expect(visible).to_have_count(2)
    expect(last_change).to_have_text("Freigegeben: „Nordkorea und Russland teilen sich eine gerade einmal … Kilometer lange…“")
    expect(page.locator(".review-item.selected")).to_have_attribute("data-id", DRAFTS[1])
    page.keyboard.press("u")  # a stray key undone
    expect(visible).to_have_count(3)
    expect(status).to_contain_text("Rückgängig gemacht: „Nordkorea und Russland")
    for qid in DRAFTS[:2]:
        page.locator(f"#q-{qid} input[name=selected]").check()
    page.locator("#bulk-form button[value='retired:selected']").click()
    expect(visible).to_have_count(1)
    expect(last_change).to_have_text("2 Fragen zurückgezogen.")
    expect(page.locator("#bulk-form .shown-count")).to_have_text("1")
    page.screenshot(path=str(artifacts / "teacher-review-in-place.png"), full_page=True)
    page.locator("#bulk-form button[value='approved:shown']").click()
    expect(visible).to_have_count(0)
    expect(page.get_by_text("Keine Entwürfe zur Durchsicht.")).to_be_visible()
    page.get_by_role("button", name="Rückgängig").click()  # the last bulk action
    expect(visible).to_have_count(1)
    page.get_by_role("button", name="Rückgängig").click()  # and the one before it
    expect(visible).to_have_count(3)
    assert page.evaluate("window.samePage") is True
    with app.app_context():
        assert [db.session.get(Question, qid).status for qid in DRAFTS] == ["draft"] * 3

    page.goto(live_server + "/teacher/decks/nordkorea-russland?status=draft")
    page.evaluate("window.samePage = true")
    item = page.locator(f"#q-{DRAFTS[2]}")
    item.get_by_role("button", name="Freigeben").click()
    expect(item.locator(".status")).to_have_text("freigegeben")
    expect(item.get_by_role("button", name="Wieder Entwurf")).to_be_visible()
    expect(item.get_by_role("button", name="Freigeben")).to_be_hidden()
    page.locator("#bulk-form button[value='approved:shown']").click()
    expect(page.locator("#undo-what")).to_have_text("2 Fragen freigegeben.")
    assert page.evaluate("window.samePage") is True
    with app.app_context():
        assert [db.session.get(Question, qid).status for qid in DRAFTS] == ["approved"] * 3


def test_without_javascript_each_action_is_a_new_page(browser, live_server, create_user, questions_dir):
    create_user("lehrerin", teacher=True)
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server + "/auth/login")
        page.locator("#username").fill("lehrerin")
        page.locator("#password").fill("geheim123")
        page.locator("#password").press("Enter")
        page.goto(live_server + "/teacher/review")
        page.locator(f"#q-{DRAFTS[1]}").get_by_role("button", name="Zurückziehen").click()
        expect(page.locator(".flash-success")).to_have_text(
            "Zurückgezogen: „Eine rostige, eingleisige Eisenbahnbrücke aus Sowjetzeiten spannt sich über den…“")
        expect(page.locator(".review-item")).to_have_count(2)
        page.get_by_role("button", name="Rückgängig").click()
        expect(page.locator(".review-item")).to_have_count(3)
        page.locator("#bulk-form button[value='approved:shown']").click()
        expect(page.locator(".flash-success")).to_have_text("3 Fragen freigegeben.")
        expect(page.locator(".review-item")).to_have_count(0)
    finally:
        context.close()
