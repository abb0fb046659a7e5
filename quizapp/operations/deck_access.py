"""Which decks a student may reach: published with an approved item, and assigned to one of their open
classes or open for self-study. SQL conditions on Deck, shared by the home page, the quiz and the review."""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import aliased

from quizapp.extensions import db
from quizapp.models import Assignment, ClassMembership, Deck, Question, SchoolClass, User


def has_approved_items():
    """SQL condition on Deck: at least one approved item in its file (its own alias of the questions, so that
    a query over questions can use it too)."""
    item = aliased(Question)
    return select(item.id).where(item.deck_id == Deck.id, item.in_file.is_(True), item.status == "approved") \
        .correlate_except(item).exists()


def assigned_to(user_id: int):
    """SQL condition on Deck: assigned to an open class the student is in."""
    return select(Assignment.id).where(
        Assignment.deck_id == Deck.id, ClassMembership.class_id == Assignment.class_id,
        ClassMembership.user_id == user_id, SchoolClass.id == Assignment.class_id,
        SchoolClass.archived_at.is_(None)).correlate(Deck).exists()


def reachable_by(user: User):
    """SQL condition on Deck: the deck is published with an approved item and, for a student, assigned to
    one of their classes or open for self-study; never an archived deck. Teachers reach every published deck not
    archived (they still export archived ones: export/routes.py)."""
    shown = and_(Deck.in_files.is_(True), Deck.published.is_(True), Deck.archived.is_(False), has_approved_items())
    if user.is_teacher:
        return shown
    return and_(shown, or_(Deck.self_study.is_(True), assigned_to(user.id)))


def reachable_decks(user: User) -> list[Deck]:
    return list(db.session.scalars(select(Deck).where(reachable_by(user)).order_by(Deck.title, Deck.id)))


def may_reach(user: User, deck_id: str) -> bool:
    return db.session.scalar(select(Deck.id).where(Deck.id == deck_id, reachable_by(user))) is not None
