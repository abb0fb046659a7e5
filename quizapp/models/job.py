"""Long work (a deck generated from an article) done outside the web request, and what came of it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import db
from quizapp.models.time import utcnow

JOB_STATES = ("queued", "running", "done", "failed")


class Job(db.Model):
    """One piece of queued work; its row is the truth every app server and worker reads (Redis only carries
    the job's id), so a job survives restarts, shows the same on every worker and can be retried."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random hex: not guessable, not counted
    kind: Mapped[str] = mapped_column(String(40), nullable=False)  # "new_deck"
    state: Mapped[str] = mapped_column(String(20), nullable=False, default="queued")
    stage: Mapped[str | None] = mapped_column(String(40))  # what a running job is doing now
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    locale: Mapped[str] = mapped_column(String(10), nullable=False, default="de")  # of its messages
    title: Mapped[str | None] = mapped_column(String(300))
    article: Mapped[str] = mapped_column(Text, nullable=False)  # the input, kept until the job is done
    result: Mapped[str | None] = mapped_column(String(200))  # the new deck's id
    error: Mapped[str | None] = mapped_column(Text)
    retryable: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)  # False: the input's fault
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")
