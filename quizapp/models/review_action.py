"""Status changes a teacher made in the review queue or the deck list, kept so that they can be undone."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db
from quizapp.models.time import utcnow


class ReviewAction(db.Model):
    """One approve / retire / back-to-draft, of one item or many, in one deck or
    several; `changes` maps question id -> [status before, status after]."""

    __tablename__ = "review_actions"
    __table_args__ = (Index("ix_review_actions_user", "user_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False)
    changes: Mapped[dict] = mapped_column(JSON, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
