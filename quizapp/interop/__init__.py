"""Decks in and out of other tools: Moodle XML, GIFT and QTI 2.1 exports; Quizlet, CSV and Anki imports.

One module per format, no Flask. Exporters take a deck's title and language and its items (bank
`QuestionItem`s or `Question` rows: anything with the bank's item attributes); importers turn a file into
`Card`s, which `quizapp.interop.bankfile` writes as a new deck of drafts. What each format keeps and what
it loses: docs/interop.md.
"""

from quizapp.interop.cards import Card, ImportFailed, ImportProblem

EXPORT_FORMATS = ("moodle", "gift", "qti")
IMPORT_FORMATS = ("quizlet", "csv", "apkg")

__all__ = ["Card", "EXPORT_FORMATS", "IMPORT_FORMATS", "ImportFailed", "ImportProblem"]
