"""Accounts in a real browser: a student changes the password; a teacher's one-time code forces a new one at the
next login; a student deletes the account and the item analysis stays the same. Screenshots in tests/artifacts/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_progress_pages import DECK, class_history  # noqa: F401  (the fixture)

pytestmark = pytest.mark.browser

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}


def tab(browser, viewport, locale="de-DE"):
    context = browser.new_context(locale=locale, viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


def log_in(page, server: str, username: str, password: str = "geheim123") -> None:
    page.goto(server + "/auth/login")
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    page.locator("#password").press("Enter")


def test_a_student_changes_the_password_on_the_account_page(live_server, browser, create_user, artifacts):
    create_user("anna")
    page = tab(browser, PHONE)
    try:
        log_in(page, live_server, "anna")
        expect(page.get_by_role("heading", name="Decks")).to_be_visible()
        page.get_by_role("link", name="anna").click()
        page.get_by_role("link", name="Passwort ändern").click()
        page.get_by_label("Bisheriges Passwort").fill("falsch-geraten")
        page.get_by_label("Neues Passwort", exact=True).fill("Flusspferd-im-Juli")
        page.get_by_label("Neues Passwort wiederholen").fill("Flusspferd-im-Juli")
        page.get_by_role("button", name="Passwort ändern").click()
        expect(page.get_by_text("Das ist nicht dein bisheriges Passwort.")).to_be_visible()
        page.screenshot(path=str(artifacts / "password-wrong-de-phone.png"), full_page=True)
        page.get_by_label("Bisheriges Passwort").fill("geheim123")
        page.get_by_label("Neues Passwort", exact=True).fill("Flusspferd-im-Juli")
        page.get_by_label("Neues Passwort wiederholen").fill("Flusspferd-im-Juli")
        page.get_by_role("button", name="Passwort ändern").click()
        expect(page.get_by_text("Dein Passwort ist geändert.")).to_be_visible()
        page.get_by_role("button", name="Abmelden", exact=True).click()
        log_in(page, live_server, "anna")
        expect(page.get_by_text("Falscher Benutzername oder falsches Passwort.")).to_be_visible()
        log_in(page, live_server, "anna", "Flusspferd-im-Juli")
        expect(page.get_by_role("heading", name="Decks")).to_be_visible()
    finally:
        page.context.close()


def test_a_teachers_one_time_code_forces_a_new_password_at_the_next_login(live_server, browser, create_user,
                                                                           artifacts):
    create_user("anna")
    create_user("lehrerin", teacher=True)
    teacher, student = tab(browser, DESKTOP), tab(browser, PHONE)
    try:
        log_in(student, live_server, "anna")  # logged in in the classroom when the teacher resets
        expect(student.get_by_role("heading", name="Decks")).to_be_visible()
        log_in(teacher, live_server, "lehrerin")
        teacher.get_by_role("link", name="Klassenergebnisse").click()
        teacher.get_by_role("link", name="anna").first.click()
        teacher.get_by_role("button", name="Passwort zurücksetzen: Einmalcode erzeugen").click()
        code = teacher.locator(".one-time-code").inner_text().strip()
        assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
        teacher.screenshot(path=str(artifacts / "one-time-code-de-desktop.png"), full_page=True)

        student.reload()
        expect(student.get_by_role("heading", name="Anmelden")).to_be_visible()  # the reset ended her login
        log_in(student, live_server, "anna")
        expect(student.get_by_text("Falscher Benutzername oder falsches Passwort.")).to_be_visible()
        log_in(student, live_server, "anna", code.lower())  # as typed off the slip of paper
        expect(student.get_by_role("heading", name="Wähle ein neues Passwort")).to_be_visible()
        expect(student.get_by_label("Bisheriges Passwort")).to_have_count(0)
        student.screenshot(path=str(artifacts / "forced-password-de-phone.png"), full_page=True)
        student.goto(live_server + "/")  # nothing else until a password is chosen
        expect(student.get_by_role("heading", name="Wähle ein neues Passwort")).to_be_visible()
        student.get_by_label("Neues Passwort", exact=True).fill("Flusspferd-im-Juli")
        student.get_by_label("Neues Passwort wiederholen").fill("Flusspferd-im-Juli")
        student.get_by_role("button", name="Passwort ändern").click()
        expect(student.get_by_text("Dein neues Passwort ist gesetzt.")).to_be_visible()
        expect(student.get_by_role("heading", name="Decks")).to_be_visible()
        student.get_by_role("button", name="Abmelden", exact=True).click()
        log_in(student, live_server, "anna", code)  # used up
        expect(student.get_by_text("Falscher Benutzername oder falsches Passwort.")).to_be_visible()
        log_in(student, live_server, "anna", "Flusspferd-im-Juli")
        expect(student.get_by_role("heading", name="Decks")).to_be_visible()
    finally:
        teacher.context.close()
        student.context.close()


def test_a_student_deletes_the_account_and_the_item_analysis_stays(live_server, browser, class_history,  # noqa: F811
                                                                    artifacts):
    teacher, student = tab(browser, DESKTOP, "en-GB"), tab(browser, PHONE)
    try:
        log_in(teacher, live_server, "lehrerin")
        teacher.goto(f"{live_server}/progress/class/decks/{DECK}/items?sort=position")
        table = teacher.locator("table.item-table")
        before = table.inner_text()
        assert re.search(r"\b6\b", before)  # six students' first attempts

        log_in(student, live_server, "mia")
        student.goto(live_server + "/auth/account")
        student.get_by_role("link", name="Mein Konto löschen …").click()
        expect(student.get_by_role("heading", name="Konto löschen")).to_be_visible()
        student.get_by_label("Dein Passwort").fill("geheim123")
        student.screenshot(path=str(artifacts / "delete-account-de-phone.png"), full_page=True)
        student.get_by_role("button", name="Mein Konto endgültig löschen").click()
        expect(student.get_by_text("Dein Konto ist gelöscht.")).to_be_visible()
        log_in(student, live_server, "mia")
        expect(student.get_by_text("Falscher Benutzername oder falsches Passwort.")).to_be_visible()

        teacher.reload()
        assert table.inner_text() == before  # same learners, facility, discrimination, answers
        teacher.goto(live_server + "/progress/class")
        expect(teacher.get_by_role("link", name="lena")).to_be_visible()
        expect(teacher.get_by_role("link", name="mia")).to_have_count(0)
        expect(teacher.get_by_text("#deleted")).to_have_count(0)
        teacher.screenshot(path=str(artifacts / "class-after-deletion-en-desktop.png"), full_page=True)
    finally:
        teacher.context.close()
        student.context.close()
