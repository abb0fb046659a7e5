"""The editors in a browser: the item editor's live preview and "mark the gap" button, the whole-file
editor's line numbers and problem links; both pages still work without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_broken_bank_edit import teacher_page
from .test_every_screen import AXE, AXE_RUN
from .test_teacher_review import DECK_FILE, questions_dir  # noqa: F401  the fixture

pytestmark = pytest.mark.browser

DECK = "nordkorea-russland"
SENTENCE = "Es ist die kürzeste internationale Grenze, die Russland hat."
SIZES = [(1280, 800), (390, 844)]


def fits_and_passes_axe(page) -> None:
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "scrolls sideways"
    assert page.evaluate(AXE_RUN) == []  # axe comes with every page (init script: the CSP allows no inline one)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("viewport", SIZES, ids=["desktop", "phone"])
def test_mark_the_gap_and_the_preview_follows_the_typing(app, live_server, browser, create_user, questions_dir,
                                                         artifacts, language, viewport):
    create_user("lehrerin", teacher=True)
    with teacher_page(browser, live_server, language, viewport) as page:
        page.context.add_init_script(path=str(AXE))
        page.goto(f"{live_server}/teacher/decks/{DECK}/questions/new?type=cloze")
        text = page.locator("#text")
        text.fill(SENTENCE)
        start = SENTENCE.index("kürzeste")
        text.evaluate(f"t => t.setSelectionRange({start}, {start + len('kürzeste')})")
        page.locator("#mark-gap").click()
        expect(text).to_have_value(SENTENCE.replace("kürzeste", "{{c1::kürzeste}}"))
        preview = page.locator("#live-preview")
        expect(preview.locator("input.gap")).to_have_count(1)
        expect(preview).to_contain_text("kürzeste")  # the answer line under the sentence
        expect(preview.locator(".stem")).not_to_contain_text("{{")
        page.locator("#accept").fill("kuerzeste")
        expect(preview).to_contain_text("kuerzeste")
        page.screenshot(path=str(artifacts / f"editor-new-cloze-typed-{language}-{viewport[0]}.png"), full_page=True)
        fits_and_passes_axe(page)
        page.get_by_role("button", name={"de": "Speichern", "en": "Save"}[language]).click()
        expect(page.locator(".flash-success")).to_contain_text("[kürzeste]")
    assert "{{c1::kürzeste}} internationale" in (questions_dir / DECK_FILE).read_text()


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("viewport", SIZES, ids=["desktop", "phone"])
def test_whole_file_problems_are_at_their_numbered_lines(app, live_server, browser, create_user, questions_dir,
                                                         artifacts, language, viewport):
    create_user("lehrerin", teacher=True)
    with teacher_page(browser, live_server, language, viewport) as page:
        page.context.add_init_script(path=str(AXE))
        page.goto(f"{live_server}/teacher/decks/{DECK}/yaml")
        text = page.locator("textarea#text")
        expect(page.locator(".code-editor .gutter")).to_contain_text("1\n2\n3")
        broken = text.input_value().replace("    answer: Tumen\n", "    answer: Amur\n")
        line = broken.splitlines().index("      - Amur") + 1
        text.fill(broken)
        page.get_by_role("button", name={"de": "Prüfen und Vorschau", "en": "Check and preview"}[language]).click()
        link = page.locator(f".problem-link[data-line='{line}']")
        expect(link).to_have_text({"de": f"Zeile {line}, Spalte 9", "en": f"Line {line}, column 9"}[language])
        expect(page.locator(".gutter-error")).to_have_text(str(line))
        link.click()
        selected = text.evaluate("t => t.value.slice(t.selectionStart, t.selectionEnd)")
        assert selected == "Amur" and text.evaluate("t => document.activeElement === t")
        page.screenshot(path=str(artifacts / f"editor-file-problems-{language}-{viewport[0]}.png"), full_page=True)
        fits_and_passes_axe(page)


def test_without_javascript_both_editors_are_plain_forms(app, live_server, browser, create_user, questions_dir):
    create_user("lehrerin", teacher=True)
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server + "/auth/login")
        page.locator("#username").fill("lehrerin")
        page.locator("#password").fill("geheim123")
        page.get_by_role("button", name="Anmelden").click()
        page.goto(f"{live_server}/teacher/questions/nkru-grenze-laenge/edit")
        expect(page.locator("#live-preview input.gap")).to_have_count(1)  # the saved item, rendered by the server
        expect(page.locator("#mark-gap")).to_have_count(0)
        page.goto(f"{live_server}/teacher/decks/{DECK}/yaml")
        expect(page.locator("textarea#text")).to_be_visible()
        expect(page.locator(".gutter")).to_have_count(0)
    finally:
        context.close()
