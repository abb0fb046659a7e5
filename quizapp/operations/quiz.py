"""Quiz runs: which question comes next, and recording each answer exactly once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quizapp.bank import cloze_gaps
from quizapp.checking import CheckResult, Verdict, check_answer
from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question, QuizRun, User
from quizapp.models.time import utcnow
from quizapp.operations.reviews import update_review


def visible_questions(deck: Deck) -> list[Question]:
    """The questions students may see in this deck, in file order."""
    return list(db.session.scalars(
        select(Question)
        .where(Question.deck_id == deck.id, Question.in_file.is_(True),
               Question.status.in_(deck.visible_statuses()))
        .order_by(Question.position)
    ))


def start_run(user: User, deck: Deck | None, question_ids: list[str] | None = None,
              mode: str = "deck") -> QuizRun:
    """A new pass through the deck, or through the given questions (the ones missed, a review)."""
    ids = question_ids if question_ids is not None else [q.id for q in visible_questions(deck)]
    run = QuizRun(user_id=user.id, deck_id=deck.id if deck else None, mode=mode, question_ids=list(ids))
    db.session.add(run)
    db.session.flush()
    return run


def answered_ids(run: QuizRun) -> set[str]:
    return set(db.session.scalars(select(Attempt.question_id).where(Attempt.quiz_run_id == run.id)))


def next_question(run: QuizRun) -> Question | None:
    """The first question of the run not answered yet (hidden ones are skipped)."""
    done = answered_ids(run)
    for qid in run.question_ids:
        if qid in done:
            continue
        question = db.session.get(Question, qid)
        if question is not None and question.in_file and question.status != "retired":
            return question
    return None


def mark_shown(run: QuizRun, question: Question, now: dt.datetime | None = None) -> None:
    """Remember when a question was first shown, to measure the time taken to answer it."""
    if run.shown_question_id != question.id:
        run.shown_question_id = question.id
        run.shown_at = now or utcnow()


@dataclass(frozen=True)
class Marking:
    """The verdict on a whole item and the text stored as the answer given."""

    verdict: Verdict
    answer_given: str
    gap_results: tuple[CheckResult, ...] = ()


def mark_answer(question: Question, language: str, choice: str | None = None,
                gap_answers: list[str] | None = None) -> Marking:
    """Mark an mcq choice or the typed gaps of a cloze item."""
    if question.type == "mcq":
        given = (choice or "").strip()
        return Marking(Verdict.RIGHT if given == question.answer else Verdict.WRONG, given)
    gaps = cloze_gaps(question.text)
    typed = list(gap_answers or [])
    typed += [""] * (len(gaps) - len(typed))
    results = []
    for gap, given in zip(gaps, typed):
        accept = question.accept_by_gap.get(f"c{gap.number}") or (question.accept if len(gaps) == 1 else [])
        results.append(check_answer(given, gap.answer, accept, language=language))
    verdicts = {r.verdict for r in results}
    if verdicts == {Verdict.RIGHT}:
        verdict = Verdict.RIGHT
    elif Verdict.WRONG in verdicts:
        verdict = Verdict.WRONG
    else:
        verdict = Verdict.ALMOST
    return Marking(verdict, " | ".join(t.strip() for t in typed[: len(gaps)]), tuple(results))


def record_attempt(run: QuizRun, user: User, question: Question, marking: Marking,
                   now: dt.datetime | None = None) -> tuple[Attempt, bool]:
    """Store the attempt once per run and question; a repeated submit returns the stored one."""
    existing = find_attempt(run, question)
    if existing is not None:
        return existing, False
    now = now or utcnow()
    taken = None
    if run.shown_question_id == question.id and run.shown_at is not None:
        taken = max(0, int((now - run.shown_at).total_seconds() * 1000))
    attempt = Attempt(user_id=user.id, question_id=question.id, quiz_run_id=run.id,
                      answer_given=marking.answer_given[:2000], verdict=marking.verdict.value,
                      time_taken_ms=taken, created_at=now)
    try:
        with db.session.begin_nested():
            db.session.add(attempt)
    except IntegrityError:  # the same form arrived twice at once on two workers
        return find_attempt(run, question), False
    update_review(attempt, question, now)  # every new attempt moves the learner's FSRS card on
    if next_question(run) is None and run.finished_at is None:
        run.finished_at = now
    db.session.flush()
    return attempt, True


def find_attempt(run: QuizRun, question: Question) -> Attempt | None:
    return db.session.scalar(
        select(Attempt).where(Attempt.quiz_run_id == run.id, Attempt.question_id == question.id)
    )


@dataclass(frozen=True)
class DeckProgress:
    """A learner's own figures on one deck, for the home page."""

    answered: int
    correct: int
    last_practised: dt.datetime | None


def deck_progress(user: User) -> dict[str, DeckProgress]:
    """Answered and correct distinct questions and last practice time per deck, in one query."""
    rows = db.session.execute(
        select(
            Question.deck_id,
            func.count(func.distinct(Attempt.question_id)),
            func.max(Attempt.created_at),
        )
        .join(Question, Attempt.question_id == Question.id)
        .where(Attempt.user_id == user.id)
        .group_by(Question.deck_id)
    ).all()
    correct = dict(db.session.execute(
        select(Question.deck_id, func.count(func.distinct(Attempt.question_id)))
        .join(Question, Attempt.question_id == Question.id)
        .where(Attempt.user_id == user.id, Attempt.verdict == Verdict.RIGHT.value)
        .group_by(Question.deck_id)
    ).all())
    return {deck_id: DeckProgress(n, correct.get(deck_id, 0), last) for deck_id, n, last in rows}
