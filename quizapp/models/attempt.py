"""Quiz runs and the attempts made in them: every answer a learner gives is kept."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.time import utcnow


class QuizRun(db.Model):
    """One pass through a list of questions; progress is derived from its attempts."""

    __tablename__ = "quiz_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False, index=True)
    deck_id: Mapped[str | None] = mapped_column(ForeignKey("decks.id"), index=True)
    mode: Mapped[str] = mapped_column(String(16), nullable=False, default="deck")
    question_ids: Mapped[list] = mapped_column(JSON, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    shown_question_id: Mapped[str | None] = mapped_column(String(128))
    shown_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    attempts: Mapped[list[Attempt]] = relationship(back_populates="quiz_run", order_by="Attempt.id")
    deck: Mapped["Deck | None"] = relationship()  # noqa: F821  None for a review across decks


class Attempt(db.Model):
    """One answer: who, which question, what was typed or chosen, the verdict and how long it took."""

    __tablename__ = "attempts"
    __table_args__ = (
        UniqueConstraint("quiz_run_id", "question_id", name="uq_attempt_run_question"),
        Index("ix_attempts_user_created", "user_id", "created_at"),  # a learner's history, by time
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False, index=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"), nullable=False, index=True)
    quiz_run_id: Mapped[int | None] = mapped_column(ForeignKey("quiz_runs.id"), index=True)
    answer_given: Mapped[str] = mapped_column(Text, nullable=False)
    verdict: Mapped[str] = mapped_column(String(8), nullable=False)
    time_taken_ms: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow, index=True)

    quiz_run: Mapped[QuizRun | None] = relationship(back_populates="attempts")
