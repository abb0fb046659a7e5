"""Decks and questions as loaded from the bank files (the files stay the source of truth)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import false as sa_false
from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.bank import limits
from quizapp.extensions import db
from quizapp.models.time import utcnow


class Deck(db.Model):
    """One bank file, i.e. one article."""

    __tablename__ = "decks"

    id: Mapped[str] = mapped_column(String(limits.DECK_ID_CHARS), primary_key=True)
    title: Mapped[str] = mapped_column(String(limits.DECK_TITLE_CHARS), nullable=False)
    language: Mapped[str] = mapped_column(String(limits.LANGUAGE_CHARS), nullable=False)
    source_path: Mapped[str] = mapped_column(String(limits.SOURCE_PATH_CHARS), nullable=False)
    source_date: Mapped[str | None] = mapped_column(String(limits.SOURCE_DATE_CHARS))
    show_drafts: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # where the article comes from, shown to students with the deck and in feedback
    source_url: Mapped[str | None] = mapped_column(String(limits.SOURCE_URL_CHARS))
    source_attribution: Mapped[str | None] = mapped_column(String(limits.ATTRIBUTION_CHARS))
    source_licence: Mapped[str | None] = mapped_column(String(limits.LICENCE_CHARS))
    archived: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)  # hidden from students
    file_name: Mapped[str] = mapped_column(String(limits.FILE_NAME_CHARS), nullable=False)
    file_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    in_files: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    # a teacher's choices, kept in the database (the bank file does not carry them): students see a deck
    # only once published; one not assigned to their class only when also open for self-study
    published: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=sa_false())
    self_study: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=sa_false())

    questions: Mapped[list[Question]] = relationship(
        back_populates="deck", order_by="Question.position", cascade="save-update, merge"
    )

    @property
    def credit(self) -> str | None:
        """The source line shown to students: publisher and licence, e.g. "DER STANDARD, CC BY-NC-SA"."""
        return ", ".join(part for part in (self.source_attribution, self.source_licence) if part) or None

    def visible_statuses(self) -> tuple[str, ...]:
        """Statuses students see in this deck."""
        return ("approved", "draft") if self.show_drafts else ("approved",)


class Question(db.Model):
    """One item; `in_file` is false once it disappears from its bank, and its attempts stay."""

    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_deck_fact", "deck_id", "fact_key"),)

    id: Mapped[str] = mapped_column(String(limits.QUESTION_ID_CHARS), primary_key=True)
    deck_id: Mapped[str] = mapped_column(ForeignKey("decks.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    type: Mapped[str] = mapped_column(String(limits.QUESTION_TYPE_CHARS), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    answer: Mapped[str] = mapped_column(Text, nullable=False)
    distractors: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    accept: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    accept_by_gap: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    explanation: Mapped[str | None] = mapped_column(Text)
    source_sentence: Mapped[str] = mapped_column(Text, nullable=False)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    source_context: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(limits.KIND_CHARS))
    # siblings (the cloze and the mcq of one gap) share it: the bank's `fact`, or derived from
    # source sentence and answer
    fact_key: Mapped[str | None] = mapped_column(String(limits.FACT_KEY_CHARS))
    tags: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    status: Mapped[str] = mapped_column(String(limits.QUESTION_STATUS_CHARS), nullable=False)
    in_file: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    content_changed_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    deck: Mapped[Deck] = relationship(back_populates="questions")

    def is_visible_to_students(self) -> bool:
        return self.in_file and self.status in self.deck.visible_statuses()
