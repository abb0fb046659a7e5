"""Quiz runs: which question comes next, and recording each answer exactly once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import bindparam, case, func, select, update
from sqlalchemy.orm import joinedload, make_transient_to_detached

from quizapp.bank import cloze_answer_text, cloze_gaps
from quizapp.checking import CheckResult, Verdict, check_answer
from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question, QuizRun, ReviewCard, User
from quizapp.models.time import utcnow
from quizapp.operations.reviews import update_review, visible_to_students
from quizapp.operations.statements import insert_returning_id


def visible_questions(deck: Deck) -> list[Question]:
    """The questions students may see in this deck, in file order."""
    return list(db.session.scalars(
        select(Question)
        .where(Question.deck_id == deck.id, Question.in_file.is_(True),
               Question.status.in_(deck.visible_statuses()))
        .order_by(Question.position)
    ))


def visible_counts() -> dict[str, int]:
    """How many questions students may see in each deck, in one query (decks without any are missing)."""
    return dict(db.session.execute(
        select(Question.deck_id, func.count(Question.id)).join(Deck, Question.deck_id == Deck.id)
        .where(visible_to_students()).group_by(Question.deck_id)
    ).all())


def start_run(user: User, deck: Deck | None, question_ids: list[str] | None = None,
              mode: str = "deck", now: dt.datetime | None = None) -> QuizRun:
    """A new pass through the deck, or through the given questions (the ones missed, a review); the
    learner's unfinished run ends, so only one is ever offered to resume."""
    now = now or utcnow()
    ids = question_ids if question_ids is not None else [q.id for q in visible_questions(deck)]
    run = QuizRun(user_id=user.id, deck_id=deck.id if deck else None, mode=mode, question_ids=list(ids),
                  created_at=now)
    db.session.add(run)
    db.session.flush()
    end_unfinished(user, now, keep=run.id)
    return run


def end_unfinished(user: User, now: dt.datetime, keep: int) -> None:
    """Close the learner's other runs not finished yet: their answers stay, they are no longer offered."""
    db.session.execute(update(QuizRun).where(QuizRun.user_id == user.id, QuizRun.finished_at.is_(None),
                                             QuizRun.id != keep)
                       .values(finished_at=now).execution_options(synchronize_session=False))


@dataclass(frozen=True)
class RunState:
    """Where a run stands: how many of its questions are answered, and which can still be asked, in order."""

    total: int
    answered: int
    open_ids: tuple[str, ...]

    @property
    def finished(self) -> bool:
        return not self.open_ids


QUESTIONS, ATTEMPTS, DECKS = Question.__table__.c, Attempt.__table__.c, Deck.__table__.c
RUN_QUESTIONS = select(
    QUESTIONS.id,
    visible_to_students(),
    select(ATTEMPTS.id).where(ATTEMPTS.quiz_run_id == bindparam("run_id"), ATTEMPTS.question_id == QUESTIONS.id)
    .exists(),
).join_from(Question.__table__, Deck.__table__, QUESTIONS.deck_id == DECKS.id) \
    .where(QUESTIONS.id.in_(bindparam("ids", expanding=True)))


def run_state(run: QuizRun) -> RunState:
    """The run's answered and open questions in one query, however long the run. A question students may
    no longer see (set back to draft, retired, gone from the file) is never asked, and not counted.

    Plain Core on the tables (attempts are written with Core too, so nothing is waiting in the session)."""
    rows = db.session.execute(RUN_QUESTIONS, {"run_id": run.id, "ids": list(run.question_ids)}).all()
    done = {qid for qid, _visible, is_answered in rows if is_answered}
    askable = {qid for qid, visible, _ in rows if visible}
    open_ids = tuple(qid for qid in run.question_ids if qid in askable and qid not in done)
    return RunState(total=len(done) + len(open_ids), answered=len(done), open_ids=open_ids)


def still_visible(question_ids: list[str]) -> list[str]:
    """The given questions students may still see, in the given order (one query)."""
    visible = set(db.session.scalars(
        select(Question.id).join(Deck, Question.deck_id == Deck.id)
        .where(Question.id.in_(question_ids), visible_to_students())))
    return [qid for qid in question_ids if qid in visible]


def load_question(question_id: str) -> Question | None:
    """A question with its deck, in one query."""
    return db.session.get(Question, question_id, options=[joinedload(Question.deck)])


def next_question(run: QuizRun, state: RunState | None = None) -> Question | None:
    """The first question of the run not answered yet (hidden ones are skipped)."""
    state = state or run_state(run)
    return load_question(state.open_ids[0]) if state.open_ids else None


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
        after = cloze_answer_text(question.text[gap.end:])  # its unit may be typed into the gap too
        results.append(check_answer(given, gap.answer, accept, language=language, kind=question.kind,
                                    after=after))
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
    """Store the attempt once per run and question; a repeated submit returns the stored one.

    The unique constraint on (run, question) decides, also for the same form arriving twice at once on two
    workers: the second insert does nothing and the stored attempt is returned.
    """
    now = now or utcnow()
    taken = None
    if run.shown_question_id == question.id and run.shown_at is not None:
        taken = max(0, int((now - run.shown_at).total_seconds() * 1000))
    attempt = Attempt(user_id=user.id, question_id=question.id, quiz_run_id=run.id,
                      answer_given=marking.answer_given[:2000], verdict=marking.verdict.value,
                      time_taken_ms=taken, created_at=now)
    if not insert_once(attempt):
        return find_attempt(run, question), False
    update_review(attempt, question, now)  # every new attempt moves the learner's FSRS card on
    db.session.flush()
    return attempt, True


LAST_ANSWER_AT = select(func.max(ATTEMPTS.created_at)).where(ATTEMPTS.quiz_run_id == bindparam("run_id"))


def note_finished(run: QuizRun, state: RunState) -> bool:
    """Stamp a finished run with the time of its last answer, once; True if it was stamped now.

    The feedback and summary pages work out the run's state anyway, so the
    answer POST itself does not."""
    if not state.finished or run.finished_at is not None:
        return False
    run.finished_at = db.session.execute(LAST_ANSWER_AT, {"run_id": run.id}).scalar() or utcnow()
    return True


def insert_once(attempt: Attempt) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING on (run, question), one statement; the attempt joins the session
    as stored if it was inserted. False if that run already had an attempt at that question."""
    values = {column.key: getattr(attempt, column.key) for column in Attempt.__table__.columns
              if column.key != "id"}
    new_id = insert_returning_id(Attempt.__table__, ("quiz_run_id", "question_id"), values)
    if new_id is None:
        return False
    attempt.id = new_id
    make_transient_to_detached(attempt)  # known to be in the database: no reload needed
    db.session.add(attempt)
    return True


def find_attempt(run: QuizRun, question: Question) -> Attempt | None:
    return db.session.scalar(
        select(Attempt).where(Attempt.quiz_run_id == run.id, Attempt.question_id == question.id)
    )


@dataclass(frozen=True)
class DeckProgress:
    """A learner's figures on one deck, the same definitions as the dashboard's (docs/scheduling.md).

    `due_today`: cards due before the end of the local day; `answered`: items answered at least once;
    `right`, `almost`: of those, the ones whose first answer was right, almost right (counted apart)."""

    answered: int
    right: int
    almost: int
    due_today: int
    next_due: dt.datetime | None
    last_practised: dt.datetime | None


def deck_progress(user: User, end_of_today: dt.datetime) -> dict[str, DeckProgress]:
    """The learner's figures per deck over the items students may see, in one query."""
    cards = ReviewCard.__table__.c
    rows = db.session.execute(
        select(
            Question.deck_id,
            func.count(cards.id),
            func.sum(case((cards.first_verdict == Verdict.RIGHT.value, 1), else_=0)),
            func.sum(case((cards.first_verdict == Verdict.ALMOST.value, 1), else_=0)),
            func.sum(case((cards.due < end_of_today, 1), else_=0)),
            func.min(case((cards.due >= end_of_today, cards.due), else_=None)),
            func.max(cards.last_review),
        )
        .select_from(ReviewCard.__table__)
        .join(Question, cards.question_id == Question.id).join(Deck, Question.deck_id == Deck.id)
        .where(cards.user_id == user.id, visible_to_students())
        .group_by(Question.deck_id)
    ).all()
    return {deck_id: DeckProgress(n, right or 0, almost or 0, due or 0, nxt, last)
            for deck_id, n, right, almost, due, nxt, last in rows}
