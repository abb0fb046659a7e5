"""A live quiz in one Playwright run: the projector (1280 px) and two phones (390 px) follow the game without
reloading, in German and English; every screen fits the phone and passes axe-core; screenshots in
tests/artifacts/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_every_screen import AXE, SIZES, Walk, log_in

pytestmark = pytest.mark.browser

TEXT = {
    "de": {"locale": "de-DE", "decks": "Decks", "new": "Live-Quiz starten", "open": "Spiel eröffnen",
           "join": "Mitspielen", "in": "Du bist dabei!", "start": "Starten", "board": "Bestenliste",
           "end": "Spiel beenden", "podium": "Siegertreppchen", "over": "Spiel vorbei", "sent": "Antwort gesendet"},
    "en": {"locale": "en-US", "decks": "Decks", "new": "Start a live quiz", "open": "Open the game",
           "join": "Join", "in": "You are in!", "start": "Start", "board": "Leaderboard",
           "end": "End the game", "podium": "Podium", "over": "Game over", "sent": "Answer sent"},
}


@pytest.fixture
def app_config(app_config):
    return {**app_config, "LIVE_STREAM_SECONDS": 30, "LIVE_RECHECK_SECONDS": 1.0}


def not_reloaded(page) -> None:
    """Mark the page: the mark survives only as long as the page is not loaded again."""
    page.evaluate("window.__stillHere = true")


def still_here(page) -> bool:
    return page.evaluate("window.__stillHere === true")


def answer(page, sent: str) -> None:
    """Press the first tile, or type into the gaps and send."""
    page.wait_for_selector(".tile, input.gap")
    if page.locator("button.tile").count():
        page.locator("button.tile").first.click()
    else:
        for gap in page.locator("input.gap").all():
            gap.fill("Moskau")
        page.locator("input.gap").last.press("Enter")
    # "answer sent", or the verdict at once when this was the last answer the game waited for
    expect(page.get_by_text(sent).or_(page.locator(".verdict"))).to_be_visible()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_projector_and_phones_follow_a_game_without_reloading(app, live_server, browser, create_user, artifacts,
                                                              lang):
    text = TEXT[lang]
    create_user("tina", teacher=True)
    create_user("anna")
    create_user("ben")
    walk = Walk(artifacts, lang)
    contexts = []

    def tab(size: str):
        context = browser.new_context(locale=text["locale"], viewport=SIZES[size])
        context.add_init_script(path=str(AXE))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    try:
        projector = tab("desktop")
        log_in(projector, live_server, "tina", text["decks"])
        projector.goto(live_server + "/live/new")
        expect(projector.get_by_role("heading", name=text["new"])).to_be_visible()
        walk.check(projector, "live-new")
        projector.select_option("#count", "5")
        projector.get_by_role("button", name=text["open"]).click()
        pin = re.sub(r"\D", "", projector.locator(".pin").inner_text())
        assert len(pin) == 6
        expect(projector.locator("svg.qr")).to_be_visible()
        not_reloaded(projector)

        phones = []
        for name in ("anna", "ben"):
            phone = tab("phone")
            log_in(phone, live_server, name, text["decks"])
            phone.goto(f"{live_server}/live/?pin={pin}")
            if name == "anna":
                walk.check(phone, "live-join")
            phone.get_by_role("button", name=text["join"], exact=True).click()
            expect(phone.get_by_role("heading", name=text["in"])).to_be_visible()
            not_reloaded(phone)
            phones.append(phone)
            expect(projector.locator(".players")).to_contain_text(name)  # the projector heard of it
        walk.check(projector, "live-lobby")
        walk.check(phones[0], "live-waiting")

        projector.get_by_role("button", name=text["start"], exact=True).click()
        for phone in phones:
            expect(phone.locator(".tile, input.gap").first).to_be_visible()  # the question came by itself
        walk.check(phones[0], "live-question")
        walk.check(projector, "live-question-projector")
        for phone in phones:
            answer(phone, text["sent"])
        expect(projector.get_by_role("heading", name=text["board"])).to_be_visible()  # all answered: reveal
        for phone in phones:
            expect(phone.locator(".verdict")).to_be_visible()
        walk.check(projector, "live-reveal")
        walk.check(phones[0], "live-verdict")

        projector.get_by_role("button", name=text["end"]).click()
        expect(projector.get_by_role("heading", name=text["podium"])).to_be_visible()
        for phone in phones:
            expect(phone.get_by_role("heading", name=text["over"])).to_be_visible()
        walk.check(projector, "live-podium")
        walk.check(phones[0], "live-over")
        assert all(still_here(phone) for phone in phones), "a phone reloaded instead of following the game"
    finally:
        for context in contexts:
            context.close()
    assert not walk.problems, "\n".join(walk.problems)
