"""The feedback page says why a typed answer counted, in German and English, on a desktop and a phone."""

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import Question

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
WORDS = {
    "de": {"locale": "de-DE", "start": "Quiz starten", "right": "Richtig!", "wrong": "Falsch",
           "almost": "Fast: Tippfehler", "spelling": "Fast: Man schreibt",
           "reason": "Wir haben „die“ ignoriert: Das gehört nicht in die Lücke."},
    "en": {"locale": "en-GB", "start": "Start quiz", "right": "Right!", "wrong": "Wrong",
           "almost": "Almost: a typo", "spelling": "Almost: the spelling is",
           "reason": "We ignored “die”: the gap does not contain it."},
}


def answer_until_cloze(page, answers: dict[str, str | None], typed, wanted=lambda answer: True) -> None:
    """Answer other questions (the first option, or a wrong word) until a one-gap cloze item with a wanted
    answer comes; type typed(its answer) into it and press Enter."""
    while True:
        expect(page.locator("input[name=question_id]")).to_have_count(1)
        answer = answers[page.locator("input[name=question_id]").input_value()]
        if page.locator("input.gap").count() == 1 and wanted(answer):
            break
        if page.locator("input.gap").count():
            page.locator("input.gap").first.fill("Hamburg")
        else:
            page.locator(".option").first.click()
        page.locator("#answer-form #submit").click()
        page.locator("#next").click()
    page.locator("input.gap").fill(typed(answer))
    page.locator("input.gap").press("Enter")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", WORDS)
def test_reason_and_verdict_on_the_feedback_page(app, live_server, browser, artifacts, language, size):
    words = WORDS[language]
    context = browser.new_context(locale=words["locale"], viewport=SIZES[size])
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(live_server + "/auth/register")
    page.locator("#username").fill("lena")
    page.locator("#password").fill("geheim123")
    page.locator("#password2").fill("geheim123")
    page.locator("#password2").press("Enter")
    page.get_by_role("button", name=words["start"]).first.click()
    with app.app_context():
        answers = {q.id: q.answer for q in db.session.query(Question)}

    # The gap's answer after an article it does not contain: right, and the page says what was ignored.
    answer_until_cloze(page, answers, lambda answer: "die " + answer)
    expect(page.locator(".verdict")).to_have_text(words["right"])
    expect(page.locator(".reason")).to_have_text(words["reason"])
    page.screenshot(path=str(artifacts / f"marking-reason-{language}-{size}.png"), full_page=True)
    box = page.locator(".reason").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size]["width"]  # no sideways scrolling

    page.locator("#next").click()
    answer_until_cloze(page, answers, lambda answer: "Hamburg Altona")
    expect(page.locator(".verdict")).to_have_text(words["wrong"])
    expect(page.locator(".reason")).to_have_count(0)
    page.screenshot(path=str(artifacts / f"marking-wrong-{language}-{size}.png"), full_page=True)

    # One letter missing from a long word: almost, and the page gives the spelling.
    page.locator("#next").click()
    answer_until_cloze(page, answers, lambda answer: answer[:-1],
                       wanted=lambda answer: answer.isalpha() and len(answer) >= 8)
    expect(page.locator(".verdict")).to_have_text(words["almost"])
    expect(page.locator(".reason")).to_contain_text(words["spelling"])
    page.screenshot(path=str(artifacts / f"marking-almost-{language}-{size}.png"), full_page=True)
    context.close()
