"""Assignments: a deck set for a class, and how each student stands with theirs (home page, class page)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Assignment, ClassMembership, Deck, Question, ReviewCard, SchoolClass, User
from quizapp.operations.deck_access import has_approved_items
from quizapp.operations.reviews import visible_to_students

@dataclass(frozen=True)
class StudentAssignment:
    """One assignment as the student sees it: how far they are, and whether it is overdue."""

    assignment: Assignment
    class_name: str
    deck: Deck
    answered: int
    goal: int

    @property
    def done(self) -> bool:
        return self.goal > 0 and self.answered >= self.goal

    def overdue(self, now: dt.datetime) -> bool:
        return not self.done and self.assignment.due_at is not None and self.assignment.due_at < now


def student_assignments(user: User) -> list[StudentAssignment]:
    """The student's assignments in their open classes on published decks: open ones first, soonest due
    first; progress is the deck's items answered at least once, against the target (or all items)."""
    rows = db.session.execute(
        select(Assignment, SchoolClass.name, Deck)
        .join(SchoolClass, SchoolClass.id == Assignment.class_id)
        .join(ClassMembership, ClassMembership.class_id == Assignment.class_id)
        .join(Deck, Deck.id == Assignment.deck_id)
        .where(ClassMembership.user_id == user.id, SchoolClass.archived_at.is_(None), Deck.in_files.is_(True),
               Deck.published.is_(True), Deck.archived.is_(False), has_approved_items())
    ).all()
    if not rows:
        return []
    deck_ids = {deck.id for _a, _n, deck in rows}
    totals = dict(db.session.execute(
        select(Question.deck_id, func.count(Question.id)).join(Deck, Question.deck_id == Deck.id)
        .where(Question.deck_id.in_(deck_ids), visible_to_students()).group_by(Question.deck_id)).all())
    answered = dict(db.session.execute(
        select(Question.deck_id, func.count(ReviewCard.id)).join(Question, ReviewCard.question_id == Question.id)
        .join(Deck, Question.deck_id == Deck.id)
        .where(ReviewCard.user_id == user.id, Question.deck_id.in_(deck_ids), visible_to_students())
        .group_by(Question.deck_id)).all())
    items = []
    for assignment, class_name, deck in rows:
        total = totals.get(deck.id, 0)
        goal = min(assignment.target, total) if assignment.target else total
        items.append(StudentAssignment(assignment, class_name, deck, min(answered.get(deck.id, 0), goal), goal))
    far_future = dt.datetime.max
    return sorted(items, key=lambda s: (s.done, s.assignment.due_at or far_future, s.deck.title))


def assign_deck(school_class: SchoolClass, deck: Deck, due_at: dt.datetime | None,
                target: int | None) -> Assignment:
    """Assign the deck to the class, or change the due date and target of its assignment."""
    assignment = db.session.scalar(select(Assignment).where(Assignment.class_id == school_class.id,
                                                            Assignment.deck_id == deck.id))
    if assignment is None:
        assignment = Assignment(class_id=school_class.id, deck_id=deck.id)
        db.session.add(assignment)
    assignment.due_at, assignment.target = due_at, target
    db.session.flush()
    return assignment


def class_assignment_progress(school_class: SchoolClass, student_ids: list[int]) -> dict[tuple[int, str], int]:
    """(student id, deck id) -> items of the assigned deck answered at least once, in one query."""
    deck_ids = [a.deck_id for a in school_class.assignments]
    if not deck_ids or not student_ids:
        return {}
    return {(uid, deck): n for uid, deck, n in db.session.execute(
        select(ReviewCard.user_id, Question.deck_id, func.count(ReviewCard.id))
        .join(Question, ReviewCard.question_id == Question.id).join(Deck, Question.deck_id == Deck.id)
        .where(ReviewCard.user_id.in_(student_ids), Question.deck_id.in_(deck_ids), visible_to_students())
        .group_by(ReviewCard.user_id, Question.deck_id))}
