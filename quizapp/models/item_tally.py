"""Students' first attempts tallied per question, so item analysis reads a few rows per item, not every card."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db


class FirstVerdictLearners(db.Model):
    """The students whose first attempt at a question got this verdict: their user ids, space-separated.

    A copy of the review cards' first verdicts, one row per question and verdict instead of one per
    student and question; a first attempt appends its student's id in the same transaction.
    """

    __tablename__ = "item_first_verdicts"

    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"), primary_key=True)
    verdict: Mapped[str] = mapped_column(String(8), primary_key=True)
    learners: Mapped[str] = mapped_column(Text, nullable=False)


class FirstAnswerCount(db.Model):
    """How many students gave this answer, with this verdict, at their first attempt at a question."""

    __tablename__ = "item_first_answers"

    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"), primary_key=True)
    verdict: Mapped[str] = mapped_column(String(8), primary_key=True)
    answer_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # answers outgrow an index entry
    answer: Mapped[str] = mapped_column(Text, nullable=False)
    count: Mapped[int] = mapped_column(Integer, nullable=False)
