"""Reading the class's progress for teachers: overview, one student, item analysis, results CSV."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import case, func, or_, select, text

from quizapp.analytics.dashboard import MASTERED_DAYS
from quizapp.analytics.item_analysis import ItemInfo, ItemStats, Sums, analyse
from quizapp.extensions import db
from quizapp.models import Deck, Question, ReviewCard, User
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


def student_count() -> int:
    return db.session.scalar(select(func.count(User.id)).where(User.is_teacher.is_(False))) or 0


def students(offset: int = 0, limit: int | None = None) -> list[User]:
    query = select(User).where(User.is_teacher.is_(False)).order_by(func.lower(User.username), User.id)
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


def results_rows() -> list[tuple]:
    """Class results, one row per student and deck (students without answers included)."""
    decks, counts, table = live_decks(), visible_counts(), standings()
    rows = []
    for student in students():
        for deck in decks:
            s = table.get((student.id, deck.id)) or DeckStanding(0, 0, 0, 0, None)
            rows.append((student.username, deck.id, s.seen, counts.get(deck.id, 0), s.answers, s.right,
                         round(100 * s.accuracy, 1) if s.accuracy is not None else None, s.mastered,
                         s.last_active.isoformat(timespec="seconds") if s.last_active else None))
    return rows


# Per item of a deck, over students' first attempts: the sums of `Sums`, computed where the data is.
# mark x: right 1, almost 0.5, wrong 0; rest r: the student's total on the deck minus x. For the sorted
# pairing, marks take only the values 0, 0.5 and 1: the n1 largest rest scores pair with the 1s and the
# next nh with the halves.
ITEM_SUMS_SQL = text("""
WITH m AS (
  SELECT rc.user_id, rc.question_id,
         CASE rc.first_verdict WHEN 'right' THEN 1.0 WHEN 'almost' THEN 0.5 ELSE 0.0 END AS x
  FROM review_cards rc
  JOIN questions q ON q.id = rc.question_id
  JOIN users u ON u.id = rc.user_id
  WHERE q.deck_id = :deck_id AND u.is_teacher = false AND rc.first_verdict IS NOT NULL
), t AS (
  SELECT user_id, SUM(x) AS total FROM m GROUP BY user_id
), w AS (
  SELECT m.question_id, m.x, t.total - m.x AS r,
         ROW_NUMBER() OVER (PARTITION BY m.question_id ORDER BY t.total - m.x DESC) AS rk,
         SUM(CASE WHEN m.x = 1.0 THEN 1 ELSE 0 END) OVER (PARTITION BY m.question_id) AS n1,
         SUM(CASE WHEN m.x = 0.5 THEN 1 ELSE 0 END) OVER (PARTITION BY m.question_id) AS nh
  FROM m JOIN t ON t.user_id = m.user_id
)
SELECT question_id, COUNT(*), SUM(x), SUM(x * x), SUM(r), SUM(r * r), SUM(x * r),
       SUM(CASE WHEN rk <= n1 THEN r WHEN rk <= n1 + nh THEN 0.5 * r ELSE 0.0 END)
FROM w GROUP BY question_id
""")


def first_attempt_figures(deck_id: str) -> tuple[dict[str, Sums], dict[str, Counter]]:
    """Sums and first-answer counts per item, cached per app until the next first attempt anywhere.

    Like Moodle's cached quiz statistics, but never stale: a first attempt is the only thing that changes
    these figures, and it always adds a review card, so the largest review card id is the cache key.
    (Making a student a teacher is the one exception; it shows after the next first attempt.)
    """
    marker = db.session.scalar(select(func.max(ReviewCard.id))) or 0
    cache = current_app.extensions.setdefault("quizapp.item_figures", {})
    hit = cache.get(deck_id)
    if hit is not None and hit[0] == marker:
        return hit[1], hit[2]
    sums = {qid: Sums(n, *(float(v or 0) for v in rest))
            for qid, n, *rest in db.session.execute(ITEM_SUMS_SQL, {"deck_id": deck_id})}
    answers: dict[str, Counter] = defaultdict(Counter)
    grouped = (
        select(ReviewCard.question_id, Question.type, ReviewCard.first_answer, func.count(ReviewCard.id))
        .join(Question, ReviewCard.question_id == Question.id).join(User, ReviewCard.user_id == User.id)
        .where(Question.deck_id == deck_id, User.is_teacher.is_(False), ReviewCard.first_verdict.is_not(None),
               or_(Question.type == "mcq", ReviewCard.first_verdict != "right"))
        .group_by(ReviewCard.question_id, Question.type, ReviewCard.first_answer)
    )
    for qid, kind, given, count in db.session.execute(grouped):
        key = given or ""
        if kind != "mcq":
            key = " ".join(key.split()).casefold()  # typed answers: the same words count together
        answers[qid][key] += count
    cache[deck_id] = (marker, sums, answers)
    return sums, answers


def item_analysis(deck: Deck, min_learners: int) -> list[tuple[Question, ItemStats]]:
    """Moodle-style statistics per question of the deck on students' first attempts."""
    questions = list(db.session.scalars(
        select(Question).where(Question.deck_id == deck.id).order_by(Question.position, Question.id)))
    sums, answers = first_attempt_figures(deck.id)
    items = [ItemInfo(q.id, q.type, q.answer, tuple(q.distractors or ())) for q in questions]
    return list(zip(questions, analyse(items, sums, answers, min_learners=min_learners)))
