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
    class_id: int = 0  # anna's and ben's class, taught by tina
    assignment_id: int = 0  # the deck assigned to that class
    join_code: str = ""
    game_id: int = 0  # a live game hosted by tina, with ben as its only player
    pin: str = ""
    player_id: int = 0
    job_id: str = ""  # a teacher's failed new-deck job


@pytest.fixture
def world(app, create_user) -> World:
    """Students 'anna' and 'ben' in tina's class "Klasse A" (the deck assigned to it), 'olga' in otto's
    "Klasse B", admin 'ada' (where accounts give an admin role); ben and anna each have a run with one answer."""
    from quizapp.models import Deck, SchoolClass, User
    from quizapp.operations.assignments import assign_deck
    from quizapp.operations.quiz import mark_answer, record_attempt, start_run, visible_questions

    create_user("anna", school_class="Klasse A")
    create_user("ben", school_class="Klasse A")
    create_user("tina", teacher=True, school_class="Klasse A")
    create_user("olga", school_class="Klasse B")
    create_user("otto", teacher=True, school_class="Klasse B")
    create_user("ada", teacher=True, school_class=None)
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
        if hasattr(User, "is_admin"):  # the admin role of the accounts work
            db.session.scalar(db.select(User).where(User.username == "ada")).is_admin = True
        school_class = db.session.scalar(db.select(SchoolClass).where(SchoolClass.name == "Klasse A"))
        assignment = assign_deck(school_class, deck, None, None)
        from quizapp.operations.jobs import queue_job
        from quizapp.operations.live import create_game, join

        tina = db.session.scalar(db.select(User).where(User.username == "tina"))
        game = create_game(tina, deck, 5, 20, allow_guests=False)
        player = join(game, "Ben", db.session.get(User, runs["ben"][1]))
        job = queue_job("new_deck", "Le lac est grand.\n", "Le lac", None, "de")
        job.state, job.error, job.retryable = "failed", "seeds/le-lac.txt: unsupported language", False
        db.session.commit()
        return World(deck.id, question.id, runs["ben"][0], runs["ben"][1], runs["anna"][0],
                     school_class.id, assignment.id, school_class.join_code, game.id, game.pin, player.id, job.id)


def log_in(forms, username: str, password: str = "geheim123") -> None:
    response = forms.post("/auth/login", {"username": username, "password": password})
    assert response.status_code == 302, f"{username} could not log in"
