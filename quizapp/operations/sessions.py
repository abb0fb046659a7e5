"""Study sessions in the database: start one (ending the learner's unfinished one), find the one to resume."""

from __future__ import annotations

import datetime as dt

from flask import current_app
from sqlalchemy import and_, func, select

from quizapp.analytics.days import today_bounds
from quizapp.bank.schema import derived_fact_key
from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question, QuizRun, ReviewCard, User
from quizapp.models.time import utcnow
from quizapp.operations.quiz import RunState, note_finished, run_state, start_run
from quizapp.operations.reviews import visible_to_students
from quizapp.scheduling.sessions import Candidate, plan_session


def session_candidates(user: User, deck: Deck) -> list[Candidate]:
    """The deck's visible items with the learner's card and latest verdict on each (two queries)."""
    rows = db.session.execute(
        select(Question.id, Question.fact_key, Question.source_sentence, Question.answer, Question.type,
               Question.position, ReviewCard.due, ReviewCard.last_review)
        .join(Deck, Question.deck_id == Deck.id)
        .outerjoin(ReviewCard, and_(ReviewCard.question_id == Question.id, ReviewCard.user_id == user.id))
        .where(Question.deck_id == deck.id, visible_to_students())
    ).all()
    latest = select(func.max(Attempt.id)).join(Question, Attempt.question_id == Question.id) \
        .where(Attempt.user_id == user.id, Question.deck_id == deck.id).group_by(Attempt.question_id)
    verdicts = dict(db.session.execute(
        select(Attempt.question_id, Attempt.verdict).where(Attempt.id.in_(latest))).all())
    return [Candidate(id=qid, fact=fact or derived_fact_key(sentence, answer),
                      sentence=" ".join(sentence.split()), type=qtype, position=position, due=due,
                      last_review=last, last_verdict=verdicts.get(qid))
            for qid, fact, sentence, answer, qtype, position, due, last in rows]


def start_session(user: User, deck: Deck, length: int | None,
                  now: dt.datetime | None = None) -> QuizRun | None:
    """A new session on the deck (None when nothing can be asked today); the learner's unfinished runs end.

    The order is seeded by the learner and the number of runs they have started, so it differs from one
    session to the next and is the same when a test replays the same history."""
    now = now or utcnow()
    day_start, _end = today_bounds(now, current_app.config["TIMEZONE"])
    started = db.session.scalar(select(func.count(QuizRun.id)).where(QuizRun.user_id == user.id)) or 0
    ids = plan_session(session_candidates(user, deck), now, day_start, length, seed=f"{user.id}:{started}")
    if not ids:
        return None
    return start_run(user, deck, ids, mode="deck" if length is not None else "all", now=now)


def resumable(user: User) -> tuple[QuizRun, RunState] | None:
    """The learner's latest unfinished run with questions still open, and where it stands."""
    run = db.session.scalar(select(QuizRun).where(QuizRun.user_id == user.id, QuizRun.finished_at.is_(None))
                            .order_by(QuizRun.id.desc()).limit(1))
    if run is None:
        return None
    state = run_state(run)
    if note_finished(run, state):  # everything answered (or hidden since): nothing to resume
        db.session.commit()
        return None
    return run, state
