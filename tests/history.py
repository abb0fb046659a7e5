"""A student's history on a question, made directly: what bank loads must never lose."""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Attempt, QuizRun, ReviewCard


def record_answer(app, user_id: int, question_id: str, deck_id: str, review: bool = False) -> None:
    """One quiz run with one right answer ("Kursk"), and with `review` a review card after one rep."""
    with app.app_context():
        run = QuizRun(user_id=user_id, deck_id=deck_id, question_ids=[question_id])
        db.session.add(run)
        db.session.flush()
        db.session.add(Attempt(user_id=user_id, question_id=question_id, quiz_run_id=run.id,
                               answer_given="Kursk", verdict="right"))
        if review:
            db.session.add(ReviewCard(user_id=user_id, question_id=question_id, reps=1))
        db.session.commit()
