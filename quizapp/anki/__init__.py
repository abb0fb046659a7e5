"""Anki export without Flask: decks of plain items in, a reproducible .apkg file out."""

from quizapp.anki.items import ExportDeck, ExportItem, deck_from_bank, select_items
from quizapp.anki.notes import item_note
from quizapp.anki.notetypes import CLOZE_MODEL, CLOZE_MODEL_ID, MCQ_MODEL, MCQ_MODEL_ID, anki_deck_id
from quizapp.anki.package import ExportError, build_package, package_timestamp, write_package

__all__ = [
    "CLOZE_MODEL",
    "CLOZE_MODEL_ID",
    "MCQ_MODEL",
    "MCQ_MODEL_ID",
    "ExportDeck",
    "ExportError",
    "ExportItem",
    "anki_deck_id",
    "build_package",
    "deck_from_bank",
    "item_note",
    "package_timestamp",
    "select_items",
    "write_package",
]
