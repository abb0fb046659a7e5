"""Security tests: SQLite only (access rules do not depend on the database), three people and a run."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from quizapp.extensions import db


@pytest.fixture(params=["sqlite"])
def database_url(request, tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'security.sqlite'}"


@dataclass(frozen=True)
class World:
    """Real ids to put into URLs: a deck, a question, and another student's run and account."""

    deck_id: str
    question_id: str
    other_run_id: int
    other_user_id: int
    own_run_id: int
    job_id: str = ""  # a teacher's failed new-deck job



@pytest.fixture
def world(app, create_user) -> World:
    """Students 'anna' and 'ben', teacher 'tina'; ben and anna each have a run with one answer."""
    from quizapp.models import Deck, User
    from quizapp.operations.quiz import mark_answer, record_attempt, start_run, visible_questions

    create_user("anna")
    create_user("ben")
    create_user("tina", teacher=True)
    with app.app_context():
        deck = db.session.scalars(db.select(Deck).order_by(Deck.id)).first()
        assert deck is not None, "the security tests need a deck in questions/"
        question = visible_questions(deck)[0]
        runs = {}
        for name in ("anna", "ben"):
            user = db.session.scalar(db.select(User).where(User.username == name))
            run = start_run(user, deck)
            record_attempt(run, user, question, mark_answer(question, deck.language, choice="x",
                                                            gap_answers=["x"]))
            runs[name] = (run.id, user.id)
        from quizapp.operations.jobs import queue_job

        job = queue_job("new_deck", "Le lac est grand.\n", "Le lac", None, "de")
        job.state, job.error, job.retryable = "failed", "seeds/le-lac.txt: unsupported language", False
        db.session.commit()
        return World(deck.id, question.id, runs["ben"][0], runs["ben"][1], runs["anna"][0], job.id)


def log_in(forms, username: str, password: str = "geheim123") -> None:
    response = forms.post("/auth/login", {"username": username, "password": password})
    assert response.status_code == 302, f"{username} could not log in"
