"""Study sessions in a real browser, on a desktop and a phone: a 15-question walk with no sibling pair and no
same-sentence neighbours, "Weiß ich nicht", Enter on an empty gap, the counts on every page, a resume after
closing the browser, and recognition before recall over two (simulated) days.
Screenshots in tests/artifacts/."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import Attempt, Question, QuizRun, ReviewCard

from tests.browser.test_quiz_keyboard import wait_until_ready
from tests.browser.test_teacher_review import log_in

pytestmark = pytest.mark.browser

DECK = "nordkorea-russland"
TUMEN_MCQ, TUMEN_CLOZE = "nkru-grenzfluss-tumen", "nkru-grenzfluss-tumen-cloze"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(VIEWPORTS))
def device(request, browser):
    """A fresh browser (own cookies) for the viewport; `open()` makes another one, as after closing it."""
    contexts = []

    def open_browser(locale: str = "de-DE"):
        context = browser.new_context(locale=locale, viewport=VIEWPORTS[request.param])
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        expect.set_options(timeout=30_000)
        return page

    yield request.param, open_browser
    for context in contexts:
        context.close()


def items(app) -> dict[str, tuple[str, str, str]]:
    with app.app_context():
        return {q.id: (q.type, q.answer, " ".join(q.source_sentence.split()))
                for q in db.session.query(Question)}


def start_session(page, length: str | None = None) -> None:
    if length:
        page.locator("select.length").select_option(length)
    page.get_by_role("button", name="Quiz starten").click()


def answer_shown(page, known: dict, right: bool = True) -> str:
    """Answer the question on the page (as a learner who knows it) and go on to the feedback page."""
    wait_until_ready(page)
    qid = page.locator("input[name=question_id]").input_value()
    kind, answer, _sentence = known[qid]
    if kind == "mcq":
        labels = [t.strip() for t in page.locator(".option span:not(.key)").all_inner_texts()]
        page.locator(".option").nth(labels.index(answer) - (0 if right else 1)).click()
    else:
        for i, gap in enumerate(answer.split(" … ")):
            page.locator("input.gap").nth(i).fill(gap if right else "völlig falsch")
    page.get_by_role("button", name="Prüfen").click()
    expect(page.locator(".verdict")).to_be_visible()
    return qid


def test_a_session_walk_with_skip_empty_enter_and_agreeing_counts(app, live_server, device, create_user,
                                                                 artifacts):
    name, open_browser = device
    create_user("lena")
    known = items(app)
    page = open_browser()
    log_in(page, live_server, "lena")
    page.screenshot(path=str(artifacts / f"sessions-home-{name}.png"), full_page=True)
    start_session(page)
    served, skipped, emptied = [], False, False
    for number in range(1, 16):
        expect(page.locator(".step")).to_have_text(f"Frage {number} von 15")
        wait_until_ready(page)
        qid = page.locator("input[name=question_id]").input_value()
        if known[qid][0] == "cloze" and not emptied:  # Enter on an empty gap: asked again, nothing stored
            page.locator("input.gap").first.focus()
            page.keyboard.press("Enter")
            expect(page.get_by_role("alert")).to_have_text(
                "Gib eine Antwort ein oder drücke „Weiß ich nicht“.")
            expect(page.locator(".step")).to_have_text(f"Frage {number} von 15")
            assert page.locator("input[name=question_id]").input_value() == qid
            page.screenshot(path=str(artifacts / f"sessions-empty-{name}.png"), full_page=True)
            emptied = True
        if number == 4:
            page.get_by_role("button", name="Weiß ich nicht").click()
            expect(page.locator(".verdict")).to_have_text("Übersprungen: zählt als „Nochmal“")
            page.screenshot(path=str(artifacts / f"sessions-skipped-{name}.png"), full_page=True)
            skipped = True
        else:
            answer_shown(page, known)
            expect(page.locator(".verdict")).to_have_text("Richtig!")
        served.append(qid)
        page.locator("#next").click()
    assert skipped and emptied
    assert len(set(served)) == 15 and not {TUMEN_MCQ, TUMEN_CLOZE} <= set(served)
    sentences = [known[qid][2] for qid in served]
    assert all(a != b for a, b in zip(sentences, sentences[1:]))
    expect(page.get_by_role("heading", name=re.compile("Dein Ergebnis"))).to_have_text(
        "Dein Ergebnis: 14 von 15")
    page.screenshot(path=str(artifacts / f"sessions-summary-{name}.png"), full_page=True)
    with app.app_context():
        assert db.session.query(Attempt).count() == 15

    page.goto(live_server + "/")
    card = page.locator("li.deck")
    expect(card).to_contain_text("Beim ersten Versuch richtig: 14 von 15")
    due = re.search(r"Heute fällig: (\d+) · neu: 7", card.inner_text()).group(1)
    expect(page.locator("#start-review")).to_have_text(f"Wiederholen ({due} fällig)")
    page.screenshot(path=str(artifacts / f"sessions-home-after-{name}.png"), full_page=True)
    page.get_by_role("link", name="Mein Fortschritt").click()
    expect(page.locator("#count-due")).to_have_text(due)
    expect(page.locator("#count-new")).to_have_text("7")
    expect(page.locator("#first-right")).to_have_text("14 von 15")
    page.screenshot(path=str(artifacts / f"sessions-dashboard-{name}.png"), full_page=True)


def test_resume_after_closing_the_browser(app, live_server, device, create_user, artifacts):
    name, open_browser = device
    create_user("lena")
    known = items(app)
    page = open_browser()
    log_in(page, live_server, "lena")
    start_session(page)
    for _ in range(5):
        answer_shown(page, known)
        page.locator("#next").click()
    expect(page.locator(".step")).to_have_text("Frage 6 von 15")
    page.context.close()  # the browser is closed mid-session

    page = open_browser()  # later, maybe on another device
    log_in(page, live_server, "lena")
    resume = page.locator("#resume")
    expect(resume).to_have_text("Weiter: Frage 6 von 15")
    page.screenshot(path=str(artifacts / f"sessions-resume-{name}.png"), full_page=True)
    resume.click()
    expect(page.locator(".step")).to_have_text("Frage 6 von 15")
    page.goto(live_server + "/")
    start_session(page, "10")  # a new session ends the old one cleanly
    expect(page.locator(".step")).to_have_text("Frage 1 von 10")
    page.goto(live_server + "/")
    expect(page.locator("#resume")).to_have_text("Weiter: Frage 1 von 10")
    with app.app_context():
        runs = db.session.query(QuizRun).order_by(QuizRun.id).all()
        assert runs[0].finished_at is not None and runs[1].finished_at is None
        assert db.session.query(Attempt).count() == 5


def a_day_passes(app) -> None:
    """Simulated time: every answer and card of the learner moves one day into the past."""
    day = dt.timedelta(days=1)
    with app.app_context():
        for attempt in db.session.query(Attempt):
            attempt.created_at -= day
        for card in db.session.query(ReviewCard):
            card.due, card.first_seen = card.due - day, card.first_seen - day
            card.last_review -= day
        db.session.commit()


def test_recognition_before_recall_over_two_days(app, live_server, device, create_user, artifacts):
    name, open_browser = device
    create_user("lena")
    known = items(app)
    page = open_browser()
    log_in(page, live_server, "lena")
    start_session(page, "all")
    total = int(re.search(r"von (\d+)", page.locator(".step").inner_text()).group(1))
    day1 = []
    for _ in range(total):
        day1.append(answer_shown(page, known))
        page.locator("#next").click()
    assert TUMEN_MCQ in day1 and TUMEN_CLOZE not in day1  # recognition first

    page.goto(live_server + "/")
    start_session(page, "30")  # the same day: the recognised fact's cloze sibling is buried
    later_today = []
    while page.locator(".step").count():
        later_today.append(answer_shown(page, known))
        page.locator("#next").click()
    assert TUMEN_CLOZE not in later_today and TUMEN_MCQ not in later_today

    a_day_passes(app)
    page.goto(live_server + "/")
    start_session(page, "30")
    wait_until_ready(page)
    day2 = []
    while page.locator(".step").count():
        qid = page.locator("input[name=question_id]").input_value()
        if qid == TUMEN_CLOZE:
            page.screenshot(path=str(artifacts / f"sessions-recall-{name}.png"), full_page=True)
        day2.append(answer_shown(page, known))
        page.locator("#next").click()
    assert TUMEN_CLOZE in day2 and TUMEN_MCQ not in day2  # recall once recognised


def test_in_english(app, live_server, device, create_user, artifacts):
    name, open_browser = device
    create_user("lena")
    page = open_browser("en-GB")
    page.goto(live_server + "/auth/login")
    page.locator("#username").fill("lena")
    page.locator("#password").fill("geheim123")
    page.locator("#password").press("Enter")
    page.locator("select.length").select_option("10")
    page.get_by_role("button", name="Start quiz").click()
    expect(page.locator(".step")).to_have_text("Question 1 of 10")
    page.screenshot(path=str(artifacts / f"sessions-question-en-{name}.png"), full_page=True)
    page.get_by_role("button", name="I don't know").click()
    expect(page.locator(".verdict")).to_have_text("Skipped: counts as “Again”")
    page.goto(live_server + "/")
    expect(page.locator("#resume")).to_have_text("Continue: question 2 of 10")
    expect(page.locator("li.deck")).to_contain_text("Right the first time: 0 of 1 · almost right: 0")
    page.screenshot(path=str(artifacts / f"sessions-home-en-{name}.png"), full_page=True)
