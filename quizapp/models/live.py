"""Live quiz games: the game a teacher runs on the projector, its players and their answers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.time import utcnow


class LiveGame(db.Model):
    """One game: which questions, how long each, and where the teacher has got to.

    `version` goes up with every change (a player joins or answers, the teacher moves on); open pages
    learn of it through the fan-out and fetch the game again. `pin` is unique among games not ended.
    """

    __tablename__ = "live_games"
    __table_args__ = (Index("ix_live_games_pin_state", "pin", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pin: Mapped[str] = mapped_column(String(6), nullable=False)
    host_id: Mapped[int] = mapped_column(ForeignKey("users.id"), nullable=False, index=True)
    deck_id: Mapped[str] = mapped_column(ForeignKey("decks.id"), nullable=False, index=True)
    question_ids: Mapped[list] = mapped_column(JSON, nullable=False)
    seconds: Mapped[int] = mapped_column(Integer, nullable=False)
    allow_guests: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False, default="lobby")
    current: Mapped[int] = mapped_column(Integer, nullable=False, default=-1)  # index into question_ids
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # of the current question
    ends_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # of the current question's countdown
    paused_ms: Mapped[int | None] = mapped_column(Integer)  # countdown left when paused
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    deck: Mapped["Deck"] = relationship()  # noqa: F821


class LivePlayer(db.Model):
    """A nickname in one game: a signed-in student (linked to the account) or a guest known by a token
    kept in their browser's session, so a phone that reconnects is the same player."""

    __tablename__ = "live_players"
    __table_args__ = (UniqueConstraint("game_id", "nickname_key", name="uq_live_player_nickname"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    game_id: Mapped[int] = mapped_column(ForeignKey("live_games.id"), nullable=False, index=True)
    nickname: Mapped[str] = mapped_column(String(24), nullable=False)
    nickname_key: Mapped[str] = mapped_column(String(96), nullable=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    token: Mapped[str] = mapped_column(String(64), nullable=False)
    quiz_run_id: Mapped[int | None] = mapped_column(ForeignKey("quiz_runs.id"))  # the student's history
    kicked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    joined_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class LiveAnswer(db.Model):
    """A player's answer to question `position` of the game: at most one (the unique key decides when a
    phone sends twice)."""

    __tablename__ = "live_answers"
    __table_args__ = (UniqueConstraint("player_id", "position", name="uq_live_answer_player_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    game_id: Mapped[int] = mapped_column(ForeignKey("live_games.id"), nullable=False, index=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("live_players.id"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    question_id: Mapped[str] = mapped_column(ForeignKey("questions.id"), nullable=False)
    answer_given: Mapped[str] = mapped_column(Text, nullable=False)
    verdict: Mapped[str] = mapped_column(String(8), nullable=False)
    time_ms: Mapped[int] = mapped_column(Integer, nullable=False)
    points: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    player: Mapped[LivePlayer] = relationship()
