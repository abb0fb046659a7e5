"""A student does a whole quiz with the keyboard only, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import Attempt, Question

pytestmark = pytest.mark.browser


def wait_until_ready(page) -> None:
    """Like a person, type only once the page has loaded and its keyboard shortcuts are live."""
    page.wait_for_selector("html[data-keys=ready]", state="attached")


def test_whole_quiz_by_keyboard(app, live_server, page, artifacts):
    page.goto(live_server + "/auth/register")
    expect(page.locator("#username")).to_be_focused()  # autofocus has landed
    page.keyboard.type("lena")  # the username field has focus
    page.keyboard.press("Tab")
    page.keyboard.type("geheim123")
    page.keyboard.press("Tab")
    page.keyboard.type("geheim123")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Decks")).to_be_visible()

    page.get_by_role("button", name="Quiz starten").focus()
    page.keyboard.press("Enter")
    total = 15  # a session's default length
    with app.app_context():
        answers = {q.id: (q.type, q.answer) for q in db.session.query(Question)}

    screenshot_taken = {"mcq": False, "cloze": False}
    for number in range(1, total + 1):
        expect(page.locator(".step")).to_contain_text(f"Frage {number} von {total}")
        wait_until_ready(page)
        qid = page.locator("input[name=question_id]").input_value()
        kind, answer = answers[qid]
        if kind == "mcq":
            labels = page.locator(".option span:not(.key)").all_inner_texts()
            page.keyboard.press(str(labels.index(answer) + 1))
            expect(page.locator("input[type=radio]").nth(labels.index(answer))).to_be_checked()
        else:
            expect(page.locator("input.gap").first).to_be_focused()
            for i, gap in enumerate(answer.split(" … ")):
                if i:
                    page.keyboard.press("Tab")
                page.keyboard.type(gap)
        if not screenshot_taken[kind]:
            page.screenshot(path=str(artifacts / f"quiz-{kind}.png"), full_page=True)
            screenshot_taken[kind] = True
        page.keyboard.press("Enter")
        expect(page.locator(".verdict")).to_have_text("Richtig!")
        wait_until_ready(page)
        expect(page.locator("#next")).to_be_focused()
        if number == 1:
            page.screenshot(path=str(artifacts / "quiz-feedback.png"), full_page=True)
        page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name=re.compile("Dein Ergebnis"))).to_have_text(
        f"Dein Ergebnis: {total} von {total}")
    page.screenshot(path=str(artifacts / "quiz-summary.png"), full_page=True)
    with app.app_context():
        assert db.session.query(Attempt).filter_by(verdict="right").count() == total
