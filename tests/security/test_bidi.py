"""Right-to-left text that people typed never reorders a page or a CSV (issue 12, finding 17).

A username, a typed answer or a deck title holding U+202E (right-to-left override) or Arabic letters would
otherwise flip the order of what stands beside it: in a teacher's table the numbers after a name swap places.
Every page shows such text inside <bdi> (or an element with dir=) and without its bidi controls (an override
would make "neb" read as "ben"), and the CSV files carry no bidi controls either.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from quizapp.extensions import db
from quizapp.models import Question, QuizRun, User
from quizapp.operations.quiz import mark_answer, record_attempt
from quizapp.operations.users import create_user
from tests.conftest import FROZEN_BANKS, put_into_class
from tests.security.conftest import log_in
from tests.security.support import BIDI_CONTROLS, build_url, methods_of, unisolated_bidi

RLO = "\u202e"
TYPED = f"{RLO}=HYPERLINK(1)"  # reversed on screen, and a formula in a spreadsheet
TITLE_PREFIX = f"{RLO}ثلاثة "
OVERRIDES = "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides; isolates may be used to isolate
# the YAML editor shows the file as it is, and the deck settings' text fields the title as it is (to be fixed)
TEXTAREA = re.compile(r"<textarea.*?</textarea>|<input [^>]*type=\"text\"[^>]*>", re.DOTALL)


@pytest.fixture
def questions_dir(tmp_path):
    target = tmp_path / "questions"
    target.mkdir()
    for bank in FROZEN_BANKS.glob("*.yaml"):
        text = bank.read_text(encoding="utf-8").replace("  title: '", f"  title: '{TITLE_PREFIX}", 1)
        (target / bank.name).write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def app_config(app_config):
    return {**app_config, "ITEM_ANALYSIS_MIN_LEARNERS": 1}  # the teacher's item page lists wrong answers


@pytest.fixture
def rtl_world(app, world):
    """ben is now called "‮neb" (an account from before usernames were checked), a student "سارة" joined tina's class,
    and anna and ben both typed TYPED into a cloze gap of their run."""
    with app.app_context():
        for run_id in (world.other_run_id, world.own_run_id):
            run = db.session.get(QuizRun, run_id)
            user = db.session.get(User, run.user_id)
            cloze = db.session.scalars(db.select(Question).where(Question.id.in_(run.question_ids),
                                                                 Question.type == "cloze")).first()
            record_attempt(run, user, cloze, mark_answer(cloze, "de", gap_answers=[TYPED]))
        db.session.get(User, world.other_user_id).username = f"{RLO}neb"
        put_into_class(create_user("سارة", "geheim123"), "Klasse A")  # tina's class, as anna and ben
        db.session.commit()
    return world


def pages(app, world, role: str) -> list[str]:
    """Every GET page of the URL map for the role, and the student's own feedback and summary."""
    urls = [build_url(app, rule, world) for rule in app.url_map.iter_rules()
            if "GET" in methods_of(rule) and rule.endpoint != "static"]
    if role == "student":
        urls += [f"/runs/{world.own_run_id}/summary"]
        with app.app_context():
            for qid in db.session.get(QuizRun, world.own_run_id).question_ids:
                urls.append(f"/runs/{world.own_run_id}/questions/{qid}")
    return urls


@pytest.mark.parametrize("role", ["student", "teacher"])
def test_right_to_left_text_is_isolated_on_every_page(app, rtl_world, forms, client, role):
    log_in(forms, {"student": "anna", "teacher": "tina"}[role])
    wrong, shown = [], 0
    for url in pages(app, rtl_world, role):
        response = client.get(url)
        if response.mimetype != "text/html" or response.status_code != 200:
            continue
        html = response.get_data(as_text=True)
        shown += "ثلاثة" in html or "سارة" in html
        wrong += [f"{url}: {finding}" for finding in unisolated_bidi(html)]
        if any(ch in TEXTAREA.sub("", html) for ch in OVERRIDES):
            wrong.append(f"{url}: shows a bidi embedding or override character")
    assert shown >= 3, "the test pages should show the right-to-left names, answers and titles"
    assert not wrong, f"as {role}, right-to-left text not isolated:\n" + "\n".join(wrong)


def test_the_teachers_item_page_shows_the_typed_answer_isolated(app, rtl_world, forms, client):
    log_in(forms, "tina")
    html = client.get(f"/progress/class/decks/{rtl_world.deck_id}/items").get_data(as_text=True)
    assert "<bdi>=HYPERLINK(1)</bdi>" in html  # as the students typed it, without the override


@pytest.mark.parametrize("url", ["/progress/history.csv", "/progress/class/results.csv"])
def test_csv_files_carry_no_bidi_controls_and_no_formulas(app, rtl_world, forms, client, url):
    log_in(forms, "tina" if "/class/" in url else "anna")
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert not any(ch in text for ch in BIDI_CONTROLS)
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    if url.endswith("history.csv"):
        assert "'=HYPERLINK(1)" in cells  # the answer, kept as text
    else:
        assert "neb" in cells and "سارة" in cells


def test_safe_cell_strips_bidi_controls_before_the_formula_check():
    from quizapp.analytics.csvfile import safe_cell

    assert safe_cell(f"{RLO}=1+1") == "'=1+1"
    assert safe_cell("\u2067abc\u2069") == "abc"
    assert safe_cell("آنا") == "آنا"  # right-to-left letters are text, not controls


def test_the_welcome_message_isolates_a_right_to_left_name(app, auth, client):
    """"Willkommen, سارة!": without isolation the "!" and the comma would be drawn inside the Arabic name."""
    response = auth.register("سارة", "Wolkenkratzer42")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Willkommen, \u2068سارة\u2069!" in page
