"""A teacher downloads a deck for Moodle/QTI from the deck page and imports a Quizlet file through the
import page, in German and English, on a phone and a desktop screen (screenshots in tests/artifacts/)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM_ARGS  # noqa: F401  (the browser fixture uses them)

pytestmark = pytest.mark.browser

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DECK = "nordkorea-russland"
TEXT = {"de": ("de-DE", "Anmelden", "Benutzername", "Passwort", "Herunterladen", "mit Entwürfen",
               "Karten importieren", "Als Entwürfe importieren", "Nichts wurde importiert",
               "Karten als Entwürfe importiert"),
        "en": ("en-US", "Log in", "Username", "Password", "Download", "with drafts", "Import cards",
               "Import as drafts", "Nothing was imported", "cards imported as drafts")}
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture
def app_config(app_config, tmp_path) -> dict:
    shutil.copytree(PROJECT_ROOT / "seeds", tmp_path / "seeds")
    return dict(app_config, PROJECT_ROOT=str(tmp_path), BANK_RELOAD_SECONDS=0)


def shoot(page, artifacts: Path, name: str) -> None:
    """A screenshot at each size; the page must not scroll sideways on the phone."""
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        page.screenshot(path=str(artifacts / f"interop-{name}-{size}.png"), full_page=size == "desktop")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{name} {size}"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_teacher_exports_and_imports_in_the_browser(app, create_user, live_server, browser, artifacts, tmp_path,
                                                    lang):
    locale, log_in, user, password, download, drafts, nav, submit, failed, done = TEXT[lang]
    create_user("lehrerin", teacher=True)
    context = browser.new_context(locale=locale, viewport=SIZES["desktop"], accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(live_server + "/auth/login")
        page.get_by_label(user).fill("lehrerin")
        page.get_by_label(password).fill("geheim123")
        page.get_by_role("button", name=log_in).click()

        page.goto(f"{live_server}/teacher/decks/{DECK}")
        form = page.locator("#lms-export")
        form.locator("select").select_option("qti")
        form.get_by_label(drafts).check()
        shoot(page, artifacts, f"deck-{lang}")
        with page.expect_download() as info:
            form.get_by_role("button", name=download).click()
        assert info.value.suggested_filename == f"{DECK}-drafts-qti21.zip"
        info.value.save_as(tmp_path / "qti.zip")
        assert "imsmanifest.xml" in zipfile.ZipFile(tmp_path / "qti.zip").namelist()

        page.get_by_role("link", name=nav).click()
        bad = tmp_path / "fehler.txt"
        bad.write_text("Haus\thouse\nBaum tree\n", encoding="utf-8")
        page.locator("#upload").set_input_files(str(bad))
        page.get_by_role("button", name=submit).click()
        expect(page.locator("#import-problems")).to_contain_text(failed)
        expect(page.locator("#import-problems")).to_contain_text("fehler.txt:2: no tab between term and definition")
        shoot(page, artifacts, f"import-problems-{lang}")

        good = tmp_path / f"Vokabeln {lang}.txt"
        good.write_text("Haus\thouse\nBäume\t\"trees\", also: wood\nStraße\tstreet\n", encoding="utf-8")
        page.locator("#upload").set_input_files(str(good))
        page.get_by_role("button", name=submit).click()
        expect(page.get_by_text(done)).to_be_visible()
        expect(page.get_by_text("Straße:").first).to_be_visible()
        shoot(page, artifacts, f"import-done-{lang}")
    finally:
        context.close()
