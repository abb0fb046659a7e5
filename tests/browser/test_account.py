"""Accounts in a real browser: "log out on all other devices" from home ends the classroom login, and the
registration form says beside each field what is wrong; screenshots in tests/artifacts/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def log_in(page, server: str, username: str, remember: bool = False) -> None:
    page.goto(server + "/auth/login")
    page.locator("#username").fill(username)
    page.locator("#password").fill("geheim123")
    if remember:
        page.locator("#remember").check()
    page.locator("#password").press("Enter")
    expect(page.get_by_role("heading", name="Decks")).to_be_visible()


def test_log_out_on_all_other_devices_ends_the_classroom_login(live_server, browser, create_user, artifacts):
    create_user("anna")
    classroom = browser.new_context(locale="de-DE", viewport=SIZES["desktop"])
    home = browser.new_context(locale="de-DE", viewport=SIZES["phone"])
    try:
        school_page, home_page = classroom.new_page(), home.new_page()
        log_in(school_page, live_server, "anna", remember=True)
        log_in(home_page, live_server, "anna")
        home_page.get_by_role("link", name="anna").click()
        expect(home_page.get_by_role("heading", name="Dein Konto")).to_be_visible()
        home_page.screenshot(path=str(artifacts / "account-de-phone.png"), full_page=True)
        home_page.get_by_role("button", name="Auf allen anderen Geräten abmelden").click()
        expect(home_page.get_by_text("Du bist auf allen anderen Geräten abgemeldet.")).to_be_visible()
        home_page.screenshot(path=str(artifacts / "account-done-de-phone.png"), full_page=True)
        school_page.reload()
        expect(school_page.get_by_role("heading", name="Anmelden")).to_be_visible()
        home_page.goto(live_server + "/")
        expect(home_page.get_by_role("heading", name="Decks")).to_be_visible()  # still logged in here
    finally:
        classroom.close()
        home.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("locale, texts", [
    ("de-DE", ("Verwende Buchstaben aus nur einem Alphabet", "Dieses Passwort gehört zu den häufigsten",
               "Dein Konto")),
    ("en-GB", ("Use letters of one alphabet only", "This password is one of the most common ones",
               "Your account")),
])
def test_registration_errors_and_account_page_read_well(live_server, browser, artifacts, create_user,
                                                        size, locale, texts):
    create_user("anna")
    context = browser.new_context(locale=locale, viewport=SIZES[size])
    try:
        page = context.new_page()
        page.goto(live_server + "/auth/register")
        page.locator("#username").fill("pаypal")  # a Cyrillic "а"
        page.locator("#password").fill("12345678")
        page.locator("#password2").fill("12345678")
        page.locator("#password2").press("Enter")
        expect(page.locator(".field.has-error")).to_have_count(2)
        expect(page.locator(".field", has=page.locator("#username")).locator(".error")).to_contain_text(texts[0])
        expect(page.locator(".field", has=page.locator("#password")).locator(".error")).to_contain_text(texts[1])
        page.screenshot(path=str(artifacts / f"register-errors-{locale[:2]}-{size}.png"), full_page=True)
        log_in(page, live_server, "anna")
        page.get_by_role("link", name="anna").click()
        expect(page.get_by_role("heading", name=texts[2])).to_be_visible()
        page.screenshot(path=str(artifacts / f"account-{locale[:2]}-{size}.png"), full_page=True)
    finally:
        context.close()
