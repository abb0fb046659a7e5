"""A class from start to finish in the browser: a teacher publishes a deck and creates a class, a student
joins with its code on a phone, the teacher assigns the deck with a due date, the student completes it; the
teacher sees it in that class, a second teacher sees nothing of it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_every_screen import SIZES, log_in
from tests.browser.test_sessions_browser import answer_shown, items

pytestmark = pytest.mark.browser

DECK = "nordkorea-russland"
PHONE = {"viewport": SIZES["phone"], "is_mobile": True, "has_touch": True}


@pytest.fixture
def app_config(app_config):
    return dict(app_config, REGISTRATION="code", PUBLISH_NEW_DECKS=False)


def test_class_assignment_from_creation_to_completion(app, live_server, browser, create_user, artifacts):
    create_user("tina", teacher=True, school_class=None)
    create_user("otto", teacher=True, school_class=None)
    known = items(app)
    contexts = [browser.new_context(locale="de-DE", viewport=SIZES["desktop"]) for _ in range(2)]
    contexts.append(browser.new_context(locale="de-DE", **PHONE))
    teacher, other, student = (context.new_page() for context in contexts)
    try:
        log_in(teacher, live_server, "tina", "Decks")
        teacher.goto(f"{live_server}/teacher/decks/{DECK}")
        teacher.locator("#publish").click()
        expect(teacher.locator(".flash:visible")).to_contain_text("ist veröffentlicht")
        teacher.goto(f"{live_server}/classes/")
        teacher.fill("#name", "7b Geschichte")
        teacher.get_by_role("button", name="Klasse anlegen").click()
        expect(teacher.get_by_role("heading", name="7b Geschichte", exact=True)).to_be_visible()
        code = teacher.locator("#join-code").inner_text().strip()
        class_url = teacher.url

        student.goto(f"{live_server}/auth/register")
        student.fill("#username", "anna")
        student.fill("#password", "Flusspferd-im-Juli")
        student.fill("#password2", "Flusspferd-im-Juli")
        student.fill("#code", code.lower())  # as typed on a phone
        student.get_by_role("button", name="Registrieren").click()
        expect(student.get_by_role("heading", name="Decks", exact=True)).to_be_visible()
        expect(student.locator(".flash", has_text="Du bist jetzt in")).to_contain_text("7b Geschichte")
        expect(student.locator("ul.decks li")).to_have_count(0)  # published, but not assigned, not open

        due = (dt.date.today() + dt.timedelta(days=7)).isoformat()
        teacher.select_option("#deck_id", DECK)
        teacher.fill("#due_date", due)
        teacher.fill("#due_time", "18:00")
        teacher.select_option("#target", "15")
        teacher.get_by_role("button", name="Zuweisen").click()
        expect(teacher.locator(".flash:visible")).to_contain_text("zugewiesen")

        student.reload()
        assignment = student.locator(".assignment")
        expect(assignment).to_contain_text("0 von 15 Fragen beantwortet")
        expect(assignment).to_contain_text(re.compile(r"fällig \d\d\.\d\d\.\d\d, 18:00"))
        student.screenshot(path=str(artifacts / "classes-journey-assignment-phone.png"), full_page=True)
        assignment.get_by_role("button", name="Starten").click()
        for _ in range(15):
            answer_shown(student, known)
            student.locator("#next").click()
        expect(student.get_by_role("heading", name=re.compile("Dein Ergebnis"))).to_be_visible()
        student.goto(live_server + "/")
        expect(assignment).to_contain_text("15 von 15 Fragen beantwortet")
        expect(assignment.locator(".done")).to_have_text("erledigt")
        scroll, inner = student.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner

        teacher.goto(class_url)
        row = teacher.locator("table.class-members tbody tr", has_text="anna")
        expect(row).to_contain_text("erledigt")
        expect(row).to_contain_text("15 von 15")
        teacher.get_by_role("link", name="Fortschritt und Ergebnisse dieser Klasse").click()
        expect(teacher.locator("table.class-table")).to_contain_text("anna")

        log_in(other, live_server, "otto", "Decks")
        other.goto(f"{live_server}/classes/")
        expect(other.locator("main")).to_contain_text("Noch keine Klassen")
        other.goto(f"{live_server}/progress/class")
        expect(other.locator("main")).not_to_contain_text("anna")
        assert other.goto(class_url).status == 404
        results = other.request.get(f"{live_server}/progress/class/results.csv").text()
        assert "anna" not in results
    finally:
        for context in contexts:
            context.close()
