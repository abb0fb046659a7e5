"""What an importer reads from a file: cards with the line they came from, and the problems it found."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizapp.bank.cloze import CLOZE_RE
from quizapp.bank.limits import KIND_CHARS, unstorable_character

TEXT_MAX_CHARS = 5000  # a card's text, answer or option: what the item editor's fields allow


@dataclass(frozen=True)
class ImportProblem:
    """One problem of an import file: where (file, line, field) and what."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ImportFailed(Exception):
    """The file cannot be imported; `problems` lists every problem found, nothing was written."""

    def __init__(self, problems: list[ImportProblem]):
        super().__init__("; ".join(str(p) for p in problems[:3]))
        self.problems = problems


@dataclass(frozen=True)
class Card:
    """One question read from an import file, before it becomes a bank item.

    `text` is the cloze text with its gaps (`{{c1::answer}}`) for a cloze card, the stem for an mcq card.
    """

    type: str
    text: str
    line: int
    answer: str = ""
    distractors: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    explanation: str | None = None
    source_sentence: str | None = None
    source_context: str | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()


@dataclass
class CardReader:
    """Collects the cards and problems of one file; the format modules share its field checks."""

    file: str
    cards: list[Card] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def problem(self, line: int, field_name: str, message: str) -> None:
        self.problems.append(ImportProblem(self.file, line, field_name, message))

    def plain(self, value: str | None, line: int, field_name: str, required: bool = True,
              gaps_allowed: bool = False) -> str | None:
        """A field's text, stripped; None with a problem when it is empty (and required) or unusable."""
        value = (value or "").strip()
        if not value:
            if required:
                self.problem(line, field_name, "is empty")
            return None
        bad = unstorable_character(value)
        if bad is not None:
            self.problem(line, field_name, f"contains the character {bad}, which cannot be stored; remove it")
            return None
        if len(value) > TEXT_MAX_CHARS:
            self.problem(line, field_name, f"is {len(value):,} characters long, at most {TEXT_MAX_CHARS:,} "
                                           "are allowed")
            return None
        if not gaps_allowed and ("{{" in value or "}}" in value):
            self.problem(line, field_name, "contains '{{' or '}}', which quizapp reads as a cloze gap")
            return None
        return value

    def add_basic(self, line: int, prompt: str, answer: str, **extra) -> None:
        """A prompt and its answer (Quizlet term/definition, Anki front/back): a cloze card whose gap is the
        answer, after the prompt."""
        if "::" in answer:
            self.problem(line, extra.pop("answer_field", "answer"), "contains '::', which ends a cloze gap")
            return
        extra.pop("answer_field", None)
        sep = " " if prompt[-1] in "?!:.…" else ": "
        self.cards.append(Card("cloze", f"{prompt}{sep}{{{{c1::{answer}}}}}", line, **extra))

    def kind(self, value: str | None, line: int) -> str | None:
        value = (value or "").strip() or None
        if value is not None and len(value) > KIND_CHARS:
            self.problem(line, "kind", f"is longer than {KIND_CHARS} characters")
            return None
        return value

    def finish(self) -> list[Card]:
        if self.problems:
            raise ImportFailed(self.problems)
        if not self.cards:
            raise ImportFailed([ImportProblem(self.file, 0, "", "holds no cards")])
        return self.cards


def has_gaps(text: str) -> bool:
    return CLOZE_RE.search(text) is not None
