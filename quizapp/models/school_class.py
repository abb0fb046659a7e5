"""Classes: a teacher's group of students, joined with a short code; assignments of decks to a class."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.time import utcnow

class_teachers = Table(
    "class_teachers", db.metadata,
    Column("class_id", ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class SchoolClass(db.Model):
    """A class ("7b Geschichte"): its teachers (owner and co-teachers) see its students, and only them."""

    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    # what students type to join; a new one (rotate) stops the old code and link from working
    join_code: Mapped[str] = mapped_column(String(16), unique=True, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    teachers: Mapped[list["User"]] = relationship(  # noqa: F821
        secondary=class_teachers, order_by="User.username")
    memberships: Mapped[list[ClassMembership]] = relationship(back_populates="school_class",
                                                              cascade="all, delete-orphan")
    assignments: Mapped[list[Assignment]] = relationship(back_populates="school_class",
                                                         cascade="all, delete-orphan",
                                                         order_by="Assignment.id")

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


class ClassMembership(db.Model):
    """A student in a class; a student may be in several."""

    __tablename__ = "class_members"
    __table_args__ = (UniqueConstraint("class_id", "user_id", name="uq_class_member"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), nullable=False, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    joined_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    school_class: Mapped[SchoolClass] = relationship(back_populates="memberships")
    user: Mapped["User"] = relationship()  # noqa: F821


class Assignment(db.Model):
    """A deck set for a class, with an optional due date (UTC) and target (None: every approved item)."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("class_id", "deck_id", name="uq_assignment_class_deck"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), nullable=False, index=True)
    deck_id: Mapped[str] = mapped_column(ForeignKey("decks.id"), nullable=False, index=True)
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    target: Mapped[int | None] = mapped_column(Integer)  # items to answer; None: all the deck's items
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    school_class: Mapped[SchoolClass] = relationship(back_populates="assignments")
    deck: Mapped["Deck"] = relationship()  # noqa: F821

