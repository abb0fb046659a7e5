"""Reading the class's progress for teachers: overview, one student, item analysis, results CSV."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select

from quizapp.analytics.dashboard import MASTERED_DAYS
from quizapp.analytics.item_analysis import ItemInfo, ItemStats, analyse
from quizapp.extensions import db
from quizapp.models import Deck, Question, ReviewCard, User
from quizapp.operations.item_tallies import first_attempt_figures
from quizapp.operations.reviews import visible_to_students


@dataclass(frozen=True)
class DeckStanding:
    """One student on one deck: items answered, answers, right answers, mastered items, last activity."""

    seen: int
    answers: int
    right: int
    mastered: int
    last_active: dt.datetime | None

    @property
    def accuracy(self) -> float | None:
        return self.right / self.answers if self.answers else None


def live_decks() -> list[Deck]:
    return list(db.session.scalars(select(Deck).where(Deck.in_files.is_(True)).order_by(Deck.title)))


def visible_counts() -> dict[str, int]:
    """Visible items per deck, in one query."""
    return dict(db.session.execute(
        select(Question.deck_id, func.count(Question.id)).join(Deck, Question.deck_id == Deck.id)
        .where(visible_to_students()).group_by(Question.deck_id)
    ).all())


def listed_student():
    """Students, without deleted accounts (their answers count in item statistics; they are nobody's)."""
    return User.is_teacher.is_(False) & User.deleted_at.is_(None)


def student_count(scope) -> int:
    """How many students `scope` holds (a select of user ids: the classes a teacher teaches, or one)."""
    return db.session.scalar(select(func.count(User.id)).where(listed_student(), User.id.in_(scope))) or 0


def students(scope, offset: int = 0, limit: int | None = None) -> list[User]:
    query = select(User).where(listed_student(), User.id.in_(scope)) \
        .order_by(func.lower(User.username), User.id)
    return list(db.session.scalars(query.offset(offset).limit(limit)))


def standings(user_ids: list[int] | None = None) -> dict[tuple[int, str], DeckStanding]:
    """(student id, deck id) -> standing from the review cards, in one grouped query."""
    mastered = case((ReviewCard.state == "review", case((ReviewCard.scheduled_days >= MASTERED_DAYS, 1),
                                                        else_=0)), else_=0)
    query = (
        select(ReviewCard.user_id, Question.deck_id, func.count(ReviewCard.id), func.sum(ReviewCard.reps),
               func.sum(ReviewCard.correct_count), func.sum(mastered), func.max(ReviewCard.last_review))
        .join(Question, ReviewCard.question_id == Question.id).join(Deck, Question.deck_id == Deck.id)
        .where(visible_to_students())
        .group_by(ReviewCard.user_id, Question.deck_id)
    )
    if user_ids is not None:
        query = query.where(ReviewCard.user_id.in_(user_ids))
    return {(uid, deck): DeckStanding(seen, answers or 0, right or 0, mast or 0, last)
            for uid, deck, seen, answers, right, mast, last in db.session.execute(query)}


RESULTS_HEADER = ["student", "deck", "items_answered", "items_in_deck", "answers", "right", "accuracy_percent",
                  "mastered", "last_active_utc"]


def results_table(scope) -> list[tuple]:
    """Class results of the students in `scope`, one row per student and deck (students without answers
    included), as plain values:
    accuracy a share (0..1) or None, last activity a naive UTC datetime or None."""
    people = students(scope)
    decks, counts, table = live_decks(), visible_counts(), standings([s.id for s in people])
    rows = []
    for student in people:
        for deck in decks:
            s = table.get((student.id, deck.id)) or DeckStanding(0, 0, 0, 0, None)
            rows.append((student.username, deck.id, s.seen, counts.get(deck.id, 0), s.answers, s.right,
                         s.accuracy, s.mastered, s.last_active))
    return rows


def results_rows(scope) -> list[tuple]:
    """The class results as the CSV has them (RESULTS_HEADER): accuracy in percent, times in ISO 8601 UTC."""
    return [(*row[:6], round(100 * row[6], 1) if row[6] is not None else None, row[7],
             row[8].isoformat(timespec="seconds") if row[8] else None) for row in results_table(scope)]


def item_analysis(deck: Deck, min_learners: int, scope=None) -> list[tuple[Question, ItemStats]]:
    """Moodle-style statistics per question of the deck on first attempts of the students in `scope`."""
    questions = list(db.session.scalars(
        select(Question).where(Question.deck_id == deck.id).order_by(Question.position, Question.id)))
    sums, answers, almost = first_attempt_figures(deck.id, scope)
    items = [ItemInfo(q.id, q.type, q.answer, tuple(q.distractors or ())) for q in questions]
    return list(zip(questions, analyse(items, sums, answers, min_learners=min_learners, almost_counts=almost)))
