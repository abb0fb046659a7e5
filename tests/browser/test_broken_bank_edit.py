"""Saving an item of a file with a YAML syntax error, in a browser: a message and the way to fix it."""

from __future__ import annotations

import contextlib

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from quizapp.extensions import db
from tests.test_bank_limits import REFUSE_ZWEITES

from .test_teacher_review import DECK_FILE, log_in, questions_dir  # noqa: F401  the fixture, too

pytestmark = pytest.mark.browser

ITEM_URL = "/teacher/questions/nkru-grenzfluss-tumen/edit"
MESSAGES = {
    "de": ("Nicht gespeichert: nordkorea-russland.yaml enthält Fehler.", "Ganze Datei bearbeiten"),
    "en": ("Not saved: nordkorea-russland.yaml has errors.", "Edit the whole file"),
}


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_saving_into_a_broken_file_says_what_to_fix(app, live_server, browser, create_user, questions_dir,
                                                    artifacts, language, viewport):
    app.config["BANK_RELOAD_SECONDS"] = 0
    create_user("lehrerin", teacher=True)
    with teacher_page(browser, live_server, language, viewport) as page:
        path = questions_dir / DECK_FILE
        before = path.read_text(encoding="utf-8").replace("    answer: Tumen\n", "    answer: [Tumen\n", 1)
        path.write_text(before, encoding="utf-8")  # someone broke the file in a text editor
        page.goto(live_server + ITEM_URL)  # the form shows the item's last loaded version
        page.locator("#explanation").fill("Der Tumen ist der Grenzfluss.")
        page.locator("input[type=submit].primary").click()
        message, link = MESSAGES[language]
        alert = page.get_by_role("alert").filter(has_text=message)
        expect(alert).to_be_visible()
        expect(alert).to_contain_text("YAML syntax error")
        name = f"broken-bank-item-save-{language}-{viewport[0]}.png"
        page.screenshot(path=str(artifacts / name), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]  # no sideways scrolling
        assert path.read_text(encoding="utf-8") == before
        alert.get_by_role("link", name=link).click()
        expect(page.locator("textarea")).to_contain_text("answer: [Tumen")


@contextlib.contextmanager
def teacher_page(browser, server: str, language: str, viewport: tuple[int, int]):
    """A teacher logged in, in a browser speaking `language`, at the given window size."""
    context = browser.new_context(locale={"de": "de-DE", "en": "en-GB"}[language],
                                  viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        log_in(page, server, "lehrerin") if language == "de" else _log_in_en(page, server)
        yield page
    finally:
        context.close()


def _log_in_en(page, server: str) -> None:
    page.goto(server + "/auth/login")
    page.locator("#username").fill("lehrerin")
    page.locator("#password").fill("geheim123")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Decks")).to_be_visible()


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_a_save_the_database_refuses_says_saved_but_not_loaded(app, live_server, browser, create_user,
                                                               questions_dir, artifacts, language, viewport):
    app.config["BANK_RELOAD_SECONDS"] = 0
    with app.app_context():
        for statement in REFUSE_ZWEITES["sqlite"]:
            db.session.execute(sa.text(statement))
        db.session.commit()
    create_user("lehrerin", teacher=True)
    with teacher_page(browser, live_server, language, viewport) as page:
        page.goto(live_server + "/teacher/decks/nordkorea-russland/yaml")
        area = page.locator("textarea")
        area.fill(area.input_value().replace("  id: nordkorea-russland\n", "  id: zweites\n", 1))
        page.locator("input[type=submit][name=save]").click()
        heading = {"de": "Gespeichert, aber nicht geladen", "en": "Saved, but not loaded"}[language]
        expect(page.get_by_role("alert").filter(has_text=heading)).to_contain_text("the database refused")
        page.screenshot(path=str(artifacts / f"deck-saved-not-loaded-{language}-{viewport[0]}.png"),
                        full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]
