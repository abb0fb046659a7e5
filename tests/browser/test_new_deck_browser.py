"""A teacher pastes an article and lands in the review queue of the new deck: with JavaScript the job page
polls, without it the page refreshes itself; either way no request waits for the generator."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_every_screen import PASSWORD, log_in
from tests.teacher.test_new_deck import ARTICLE

pytestmark = pytest.mark.browser
HEADLINE = "Der Bodensee: Größter See Deutschlands"


@pytest.fixture
def app_config(app_config, tmp_path):
    """A project root of this test's own: the new article lands in tmp_path/seeds, not the repository's."""
    (tmp_path / "seeds").mkdir()
    return dict(app_config, PROJECT_ROOT=str(tmp_path), JOB_RUNNER="process")  # as in production


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_pasted_article_becomes_a_deck_through_the_job_page(app, live_server, browser, create_user, artifacts,
                                                             tmp_path, javascript):
    create_user("lehrerin", PASSWORD, teacher=True)
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844},
                                  java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        log_in(page, live_server, "lehrerin", "Decks")
        page.goto(live_server + "/teacher/decks/new")
        box = page.locator("#text").bounding_box()
        assert box["height"] >= 300, box  # room to see the article pasted
        page.fill("#text", f"{HEADLINE}\n{ARTICLE}")
        page.get_by_role("button", name="Entwürfe erzeugen").click()
        page.wait_for_url("**/teacher/review?deck=der-bodensee-groesster-see-deutschlands", timeout=120_000)
        expect(page.locator(".flash-success")).to_be_visible()
        expect(page.locator(".review-item").first).to_be_visible()
        page.screenshot(path=str(artifacts / f"new-deck-done-{'js' if javascript else 'nojs'}.png"))
        assert (tmp_path / "seeds" / "der-bodensee-groesster-see-deutschlands.txt").exists()
    finally:
        context.close()
