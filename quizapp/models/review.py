"""Spaced-repetition state per learner and question (FSRS card, serialised)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db
from quizapp.models.time import utcnow


class ReviewCard(db.Model):
    """Where one learner stands with one question: FSRS state, when it is due, and running totals.

    `first_*` keep the learner's first attempt (what item analysis reads); `reps` counts every answer
    and `correct_count` the right ones, so the progress pages never scan all attempts.
    """

    __tablename__ = "review_cards"
    __table_args__ = (
        UniqueConstraint("user_id", "question_id", name="uq_review_user_question"),
        Index("ix_review_cards_user_due", "user_id", "due"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False, index=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"), nullable=False, index=True)
    state: Mapped[str] = mapped_column(String(16), nullable=False, default="new")
    due: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow, index=True)
    fsrs_card: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    reps: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    lapses: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_review: Mapped[dt.datetime | None] = mapped_column(DateTime)
    scheduled_days: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    correct_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    first_seen: Mapped[dt.datetime | None] = mapped_column(DateTime)
    first_verdict: Mapped[str | None] = mapped_column(String(8))
    first_answer: Mapped[str | None] = mapped_column(Text)
