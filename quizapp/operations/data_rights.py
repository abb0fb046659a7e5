"""A student's data rights (DSGVO Art. 15, 17, 20): everything stored about them, and deleting the account.

Deleting keeps the answers, without a name, so that item statistics stay right: the account row stays as
"#deleted-<id>" with no password and no way to log in, and nothing links it to the person any more
(docs/data-protection.md).
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import QuizRun, ReviewCard, User
from quizapp.models.time import utcnow
from quizapp.operations.progress import HISTORY_HEADER, history_rows

CARDS_HEADER = ["question_id", "state", "due_utc", "reps", "lapses", "correct_count", "scheduled_days",
                "first_seen_utc", "first_verdict", "first_answer", "last_review_utc"]
RUNS_HEADER = ["run_id", "deck", "mode", "questions", "started_utc", "finished_utc"]


def iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def card_rows(user: User) -> list[tuple]:
    """The learner's spaced-repetition state per question (CARDS_HEADER), times in ISO 8601 UTC."""
    cards = db.session.scalars(select(ReviewCard).where(ReviewCard.user_id == user.id)
                               .order_by(ReviewCard.question_id))
    return [(c.question_id, c.state, iso(c.due), c.reps, c.lapses, c.correct_count, c.scheduled_days,
             iso(c.first_seen), c.first_verdict, c.first_answer, iso(c.last_review)) for c in cards]


def run_rows(user: User) -> list[tuple]:
    """The learner's quiz runs (RUNS_HEADER): which deck, which mode, how many questions, when."""
    runs = db.session.scalars(select(QuizRun).where(QuizRun.user_id == user.id).order_by(QuizRun.id))
    return [(r.id, r.deck_id, r.mode, len(r.question_ids or ()), iso(r.created_at), iso(r.finished_at))
            for r in runs]


def personal_data(user: User) -> dict:
    """Everything stored about the account, as one JSON-ready mapping (the password only as "set")."""
    return {
        "account": {
            "username": user.username,
            "role": "admin" if user.is_admin else "teacher" if user.is_teacher else "student",
            "created_utc": iso(user.created_at),
            "password": "stored as a salted scrypt hash only",
            "must_change_password": user.must_change_password,
            "one_time_code_valid_until_utc": iso(user.reset_code_expires_at),
        },
        "answers": [dict(zip(HISTORY_HEADER, row)) for row in history_rows(user)],
        "review_cards": [dict(zip(CARDS_HEADER, row)) for row in card_rows(user)],
        "quiz_runs": [dict(zip(RUNS_HEADER, row)) for row in run_rows(user)],
    }


def delete_account(user: User, now: dt.datetime | None = None) -> None:
    """Remove the person from the account: name, password, roles, codes, logins. The answers, cards and
    runs stay with the nameless row, so item statistics and the first-attempt tallies stay right."""
    anonymous = f"#deleted-{user.id}"  # "#" cannot occur in a registered name
    user.username = user.username_key = anonymous
    user.set_password(secrets.token_urlsafe(32))  # nobody knows it; every login ends
    user.is_teacher = user.is_admin = user.must_change_password = False
    user.reset_code_hash = user.reset_code_expires_at = None
    user.deleted_at = now or utcnow()
