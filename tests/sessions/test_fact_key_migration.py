"""Migration 0006 adds the fact keys to the questions already loaded and keeps every answer and card."""

from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select

from quizapp.bank.schema import derived_fact_key
from quizapp.checking import Verdict
from quizapp.extensions import db
from quizapp.models import Attempt, Question, QuizRun, ReviewCard, User
from quizapp.operations.quiz import Marking, record_attempt


def test_history_survives_and_fact_keys_are_filled(app, create_user):
    create_user("anna")
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "anna"))
        run = QuizRun(user_id=user.id, deck_id="nordkorea-russland", mode="deck",
                      question_ids=["nkru-grenzfluss-tumen", "nkru-grenze-laenge"])
        db.session.add(run)
        db.session.flush()
        for qid in run.question_ids:
            record_attempt(run, user, db.session.get(Question, qid), Marking(Verdict.RIGHT, "x"))
        db.session.commit()
        before = [(c.question_id, c.reps, c.due, c.fsrs_card) for c in
                  db.session.scalars(select(ReviewCard).order_by(ReviewCard.question_id))]
        db.session.remove()
        downgrade(revision="0005_auth_usernames_sessions")
        upgrade()
        db.session.remove()
        assert db.session.scalar(select(func.count(Attempt.id))) == 2
        assert [(c.question_id, c.reps, c.due, c.fsrs_card) for c in
                db.session.scalars(select(ReviewCard).order_by(ReviewCard.question_id))] == before
        questions = db.session.scalars(select(Question)).all()
        assert len(questions) == 22
        assert all(q.fact_key == derived_fact_key(q.source_sentence, q.answer) for q in questions)
        tumen = {q.fact_key for q in questions if q.id.startswith("nkru-grenzfluss-tumen")}
        assert len(tumen) == 1
        db.session.remove()
