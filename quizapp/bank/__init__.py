"""The question bank: YAML decks in questions/, loaded and validated without Flask."""

from quizapp.bank.cloze import ClozeGap, cloze_gaps, cloze_answer_text, render_cloze
from quizapp.bank.errors import BankError, BankLoadFailed
from quizapp.bank.load import load_bank_file, load_bank_text
from quizapp.bank.schema import QUESTION_STATUSES, QUESTION_TYPES, Bank, DeckInfo, QuestionItem

__all__ = [
    "Bank",
    "BankError",
    "BankLoadFailed",
    "ClozeGap",
    "DeckInfo",
    "QUESTION_STATUSES",
    "QUESTION_TYPES",
    "QuestionItem",
    "cloze_answer_text",
    "cloze_gaps",
    "load_bank_file",
    "load_bank_text",
    "render_cloze",
]
