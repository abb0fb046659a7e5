"""Fixtures for progress pages: a tiny extra deck, answers given at chosen times, a clock."""

from __future__ import annotations

import datetime as dt

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Question, User
from quizapp.operations.reviews import update_review

TEST_DECK = """\
deck:
  id: testdeck
  title: Testdeck
  language: de
  source:
    path: seeds/testdeck.txt
questions:
  - id: t-fluss
    type: mcq
    text: Der Grenzfluss heißt ____.
    answer: Amur
    distractors: [Jalu, Ussuri]
    source:
      sentence: Der Grenzfluss heißt Amur.
    status: approved
  - id: t-grenze
    type: mcq
    text: Die Grenze ist ____ Kilometer lang.
    answer: "17"
    distractors: ["12", "30"]
    source:
      sentence: Die Grenze ist 17 Kilometer lang.
    status: approved
  - id: t-bruecke
    type: cloze
    text: Die Brücke spannt sich über den {{c1::Tumen}}.
    source:
      sentence: Die Brücke spannt sich über den Tumen.
    status: approved
"""

NEIGHBOURS = "deck:\n  id: nachbarn\n  title: Nachbarn\n  language: de\n  source:\n    path: seeds/nachbarn.txt\n" \
    "questions:\n" + "".join(
        f"  - id: n-{i:02d}\n    type: mcq\n    text: Land {i} grenzt an ____.\n    answer: Russland\n"
        f"    distractors: [China, Japan]\n    source:\n      sentence: Land {i} grenzt an Russland.\n"
        f"    status: approved\n" for i in range(1, 13))
NOW = dt.datetime(2025, 3, 20, 12, 0)  # naive UTC, 13:00 in Berlin


@pytest.fixture
def questions_dir(tmp_path):
    """Two decks of our own, so the tests do not change when the project's decks do: Nachbarn (12 mcq
    items n-01..n-12) and the three-item Testdeck."""
    target = tmp_path / "questions"
    target.mkdir()
    (target / "nachbarn.yaml").write_text(NEIGHBOURS, encoding="utf-8")
    (target / "testdeck.yaml").write_text(TEST_DECK, encoding="utf-8")
    return target


@pytest.fixture
def app_config(app_config):
    return dict(app_config, BABEL_DEFAULT_LOCALE="en", REVIEW_FUZZ=False, TIMEZONE="Europe/Berlin", ITEM_ANALYSIS_MIN_LEARNERS=5)


@pytest.fixture
def answer(app):
    """Builder: answer('anna', 't-fluss', 'right', 'Amur', when=NOW, taken=3000) as record_attempt does."""

    def give(username: str, question_id: str, verdict: str, given: str = "", when: dt.datetime = NOW,
             taken: int | None = None) -> None:
        with app.app_context():
            user = db.session.scalar(db.select(User).filter_by(username=username))
            question = db.session.get(Question, question_id)
            attempt = Attempt(user_id=user.id, question_id=question.id, answer_given=given, verdict=verdict,
                              time_taken_ms=taken, created_at=when)
            db.session.add(attempt)
            db.session.flush()
            update_review(attempt, question, when)
            db.session.commit()

    return give
