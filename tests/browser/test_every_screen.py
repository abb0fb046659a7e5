"""Every page, as a student and as a teacher, in German and English, on a 390 px phone and a 1280 px screen:
no sideways scrolling, chart labels of at least 11 px, no axe-core violations; a screenshot of each in
tests/artifacts/. One browser, one tab per user and language, each page loaded once for both sizes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import Deck, Question, QuizRun, SchoolClass, User
from quizapp.models.time import utcnow
from quizapp.operations.assignments import assign_deck

from quizapp.bank.write import read_bank, set_question_fields

from tests.browser.test_progress_pages import DECK, class_history  # noqa: F401  (the fixture)

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "axe" / "axe.min.js"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
LANGS = {"de": ("de-DE", "Frage", "von"), "en": ("en-US", "Question", "of")}
PASSWORD = "geheim123"
FROZEN_DECK = Path(__file__).resolve().parents[1] / "fixtures" / "banks" / f"{DECK}.yaml"


@pytest.fixture
def questions_dir(tmp_path) -> Path:
    """The frozen seed deck with its last two items a draft and a retired one, so the review queue and the
    item analysis's retired toggle have something to show."""
    target = tmp_path / "questions"
    target.mkdir()
    text, _ = read_bank(FROZEN_DECK)
    ids = re.findall(r"^  - id: (\S+)$", text, flags=re.M)
    text = set_question_fields(text, ids[-1], {"status": "draft"})
    text = set_question_fields(text, ids[-2], {"status": "retired"})
    (target / f"{DECK}.yaml").write_text(text, encoding="utf-8")
    return target

# The smallest on-screen size of a chart's text: its font size times the SVG's scale.
SMALLEST_CHART_TEXT = """() => {
  let smallest = Infinity;
  for (const svg of document.querySelectorAll('svg.chart')) {
    const box = svg.getBoundingClientRect();
    if (!box.width) continue;  // the variant for the other screen size is not shown
    const scale = box.width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll('text')) {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
  }
  return smallest;
}"""

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} -> ` +
    v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


def log_in(page, server: str, username: str, heading: str) -> None:
    page.goto(server + "/auth/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.locator("#password").press("Enter")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()


class Walk:
    """Checks the page a tab shows at each size and keeps every problem, so one run lists them all."""

    def __init__(self, artifacts: Path, lang: str):
        self.artifacts, self.lang, self.problems, self.seen = artifacts, lang, [], 0

    def check(self, page, name: str) -> None:
        self.seen += 1
        for size, viewport in SIZES.items():
            page.set_viewport_size(viewport)
            where = f"{name} [{self.lang}, {size}]"
            scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if scroll > inner:
                self.problems.append(f"{where}: scrolls sideways ({scroll} px wide in {inner} px)")
            smallest = page.evaluate(SMALLEST_CHART_TEXT)
            if smallest < 11:
                self.problems.append(f"{where}: chart text only {smallest:.1f} px")
            self.problems += [f"{where}: {v}" for v in page.evaluate(AXE_RUN)]
            shot = self.artifacts / f"screen-{name}-{self.lang}-{size}.png"
            page.screenshot(path=str(shot), full_page=True)


def cloze_then_mcq(app, page) -> None:
    """Make the run just started ask a cloze item, then a multiple-choice one, so both pages are walked
    (a session asks multiple choice first where a fact has it)."""
    with app.app_context():
        run = db.session.scalars(db.select(QuizRun).order_by(QuizRun.id.desc())).first()
        first = {kind: db.session.scalars(db.select(Question.id).where(
            Question.deck_id == DECK, Question.type == kind, Question.status == "approved")
            .order_by(Question.position)).first() for kind in ("cloze", "mcq")}
        run.question_ids = [first["cloze"], first["mcq"]]
        db.session.commit()
    page.reload()


def new_deck_jobs() -> tuple[str, str]:
    """A new-deck job waiting for a worker and one that failed, for their pages (no worker runs them)."""
    from quizapp.operations.jobs import queue_job

    waiting = queue_job("new_deck", "Der Bodensee ist groß.\n", "Der Bodensee", None, "de")
    failed = queue_job("new_deck", "Le lac est grand.\n", "Le lac", None, "de")
    failed.state, failed.error, failed.retryable = "failed", "seeds/le-lac.txt: unsupported language", False
    db.session.commit()
    return waiting.id, failed.id


def visible_title(page) -> str:
    """The tab title as it reads: without the invisible isolate marks around user text (FSI, PDI)."""
    return page.title().replace("\u2068", "").replace("\u2069", "")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_page_fits_a_phone_and_passes_axe(app, live_server, browser, class_history,  # noqa: F811
                                                 artifacts, lang):
    locale, question_word, of_word = LANGS[lang]
    walk = Walk(artifacts, lang)
    with app.app_context():
        lena = db.session.scalar(db.select(User).filter_by(username="lena")).id
        db.session.scalar(db.select(User).filter_by(username="lehrerin")).is_admin = True  # the admin pages
        school_class = db.session.scalar(db.select(SchoolClass))  # everyone's, from create_user
        assign_deck(school_class, db.session.get(Deck, DECK), utcnow() - dt.timedelta(days=1), 15)  # overdue
        db.session.commit()
        class_id = school_class.id
        jobs = new_deck_jobs()
    decks_heading = "Decks"
    contexts = []

    def tab():
        context = browser.new_context(locale=locale, viewport=SIZES["desktop"])
        context.add_init_script(path=str(AXE))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    try:
        visitor = tab()
        for name, path in [("login", "/auth/login"), ("register", "/auth/register"),
                           ("not-found", "/nowhere")]:
            visitor.goto(live_server + path)
            walk.check(visitor, name)

        student = tab()
        log_in(student, live_server, "mia", decks_heading)
        walk.check(student, "decks")
        student.locator("form[action$='/start'] button").first.click()
        expect(student.locator("#answer-form")).to_be_visible()
        cloze_then_mcq(app, student)
        assert re.match(rf"{question_word} 1 {of_word} \d+ ", visible_title(student)), student.title()
        walk.check(student, "question-cloze")
        student.locator("input.gap").first.fill("falsch")
        student.locator("#answer-form #submit").click()
        expect(student.locator("#next")).to_be_visible()
        walk.check(student, "feedback")
        student.locator("#next").click()
        expect(student.locator("fieldset.options")).to_be_visible()
        assert re.match(rf"{question_word} 2 {of_word} \d+ ", visible_title(student)), student.title()
        walk.check(student, "question-mcq")
        student.goto(student.url + "/summary")
        walk.check(student, "summary")
        student.goto(f"{live_server}/progress/decks/{DECK}")
        walk.check(student, "dashboard")
        for name, path in [("account", "/auth/account"), ("password", "/auth/password"),
                           ("delete-account", "/auth/account/delete"), ("join-class", "/classes/join")]:
            student.goto(live_server + path)
            walk.check(student, name)

        teacher = tab()
        log_in(teacher, live_server, "lehrerin", decks_heading)
        for name, path in [
            ("bank", "/teacher/"), ("bank-deck", f"/teacher/decks/{DECK}"), ("review", "/teacher/review"),
            ("edit-question", "/teacher/questions/nkru-grenze-laenge/edit"),
            ("edit-file", f"/teacher/decks/{DECK}/yaml"), ("new-deck", "/teacher/decks/new"),
            ("import", "/teacher/import"),
            ("new-cloze", f"/teacher/decks/{DECK}/questions/new?type=cloze"),
            ("new-mcq", f"/teacher/decks/{DECK}/questions/new?type=mcq"),
            ("retire-question", "/teacher/questions/nkru-grenze-laenge/delete"),
            ("deck-settings", f"/teacher/decks/{DECK}/settings"), ("delete-deck", f"/teacher/decks/{DECK}/delete"),
            ("class", "/progress/class"), ("student", f"/progress/class/students/{lena}"),
            ("student-deck", f"/progress/class/students/{lena}/decks/{DECK}"),
            ("items", f"/progress/class/decks/{DECK}/items?retired=1"), ("privacy", "/progress/privacy"),
            ("admin-teachers", "/admin/teachers"), ("classes", "/classes/"), ("class-page", f"/classes/{class_id}"),
            ("job-waiting", f"/teacher/jobs/{jobs[0]}"), ("job-failed", f"/teacher/jobs/{jobs[1]}"),
        ]:
            response = teacher.goto(live_server + path)
            assert response.status == 200, path
            walk.check(teacher, name)
        teacher.goto(f"{live_server}/progress/class/students/{lena}")
        teacher.locator(f"form[action$='/students/{lena}/reset-password'] button").click()
        expect(teacher.locator(".one-time-code")).to_be_visible()
        walk.check(teacher, "one-time-code")
    finally:
        for context in contexts:
            context.close()
    assert walk.seen == 36
    assert not walk.problems, "\n".join(walk.problems)


CONTRAST = """() => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ring = getComputedStyle(document.activeElement).outlineColor;
  let node = document.activeElement.parentElement, background = 'rgba(0, 0, 0, 0)';
  while (node && /rgba\\(.*, 0\\)/.test(background)) { background = getComputedStyle(node).backgroundColor;
    node = node.parentElement; }
  const [a, b] = [lum(ring), lum(background)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_ring_stands_out_from_what_is_behind_it(live_server, browser, scheme):
    context = browser.new_context(locale="de-DE", color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(live_server + "/auth/login")
        for _ in range(3):  # the brand link in the top bar, a link in it, then the form
            page.keyboard.press("Tab")
            assert page.evaluate(CONTRAST) >= 3, page.evaluate("document.activeElement.outerHTML")
    finally:
        context.close()


def test_keyboard_hints_only_where_there_is_a_keyboard(app, live_server, browser, create_user):
    create_user("mia")
    create_user("lehrerin", teacher=True)
    shown = {}
    for device, options in {"touch": {"has_touch": True, "is_mobile": True, "viewport": SIZES["phone"]},
                            "desktop": {"viewport": SIZES["desktop"]}}.items():
        context = browser.new_context(locale="de-DE", **options)
        try:
            page = context.new_page()
            log_in(page, live_server, "mia", "Decks")
            page.locator("form[action$='/start'] button").first.click()
            cloze_then_mcq(app, page)
            page.locator("input.gap").first.fill("falsch")
            page.locator("#answer-form #submit").click()
            expect(page.locator("#next")).to_be_visible()
            shown[device] = [page.locator(".keys-hint").is_visible()]  # "Press Enter to continue."
            page.context.clear_cookies()
            log_in(page, live_server, "lehrerin", "Decks")
            page.goto(live_server + "/teacher/review")  # "Keys: j / k ...", and a key on each button
            shown[device] += [page.locator(".keys-hint").is_visible(), page.locator("kbd").first.is_visible()]
        finally:
            context.close()
    assert shown == {"touch": [False, False, False], "desktop": [True, True, True]}
