"""Spaced-repetition state per learner and question (FSRS card, serialised)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db
from quizapp.models.time import utcnow


class ReviewCard(db.Model):
    """Where one learner stands with one question: FSRS state and when it is due."""

    __tablename__ = "review_cards"
    __table_args__ = (UniqueConstraint("user_id", "question_id", name="uq_review_user_question"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False, index=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"), nullable=False, index=True)
    state: Mapped[str] = mapped_column(String(16), nullable=False, default="new")
    due: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow, index=True)
    fsrs_card: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    reps: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    lapses: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_review: Mapped[dt.datetime | None] = mapped_column(DateTime)
