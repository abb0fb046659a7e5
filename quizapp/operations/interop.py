"""Decks out of the database for the Moodle, GIFT and QTI exports; imported decks loaded into it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.interop.exporting import ExportedDeck, exported_items
from quizapp.models import Deck, Question
from quizapp.operations.bank_errors import sync_and_record


def exported_deck(deck: Deck, include_drafts: bool = False) -> ExportedDeck:
    """A deck's questions still in its file, in file order: approved ones, drafts when asked."""
    questions = db.session.scalars(select(Question).where(Question.deck_id == deck.id, Question.in_file.is_(True))
                                   .order_by(Question.position))
    return ExportedDeck(deck.id, deck.title, deck.language, exported_items(questions, include_drafts))


def load_imported(questions_dir: str | Path) -> list[str]:
    """Load the new deck files now (the app would on its next sync); the load's errors per file."""
    report = sync_and_record(questions_dir)
    db.session.commit()
    return [str(e) for errors in report.errors.values() for e in errors]
