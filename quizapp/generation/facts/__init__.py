"""Facts: answer candidates found in the article's sentences, one small strategy per kind."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..text import Sentence

HINTS = {
    "zahl": "Zahl",
    "jahr": "Jahr",
    "datum": "Datum",
    "person": "Person",
    "ort": "Ort",
    "organisation": "Organisation",
    "name": "Name",
    "begriff": "Begriff",
    "monat": "Monat",
}
HINTS_EN = {
    "zahl": "Number",
    "jahr": "Year",
    "datum": "Date",
    "monat": "Month",
    "person": "Person",
    "ort": "Place",
    "organisation": "Organisation",
    "name": "Name",
    "begriff": "Term",
}


@dataclass(frozen=True)
class Fact:
    """An answer: tokens first..last (exclusive) of a sentence, its kind and what we know of its class."""

    kind: str
    sentence: Sentence
    first: int
    last: int
    cls: str | None = None  # e.g. "fluss", "land", "stadt", "präsident", "monat"
    value: float | None = None  # numbers and years
    lemma: str | None = None  # nouns

    @property
    def start(self) -> int:
        return self.sentence.tokens[self.first].start

    @property
    def end(self) -> int:
        return self.sentence.tokens[self.last - 1].end

    @property
    def answer(self) -> str:
        """The answer as written, with single spaces where the article had white space."""
        tokens = self.sentence.tokens
        return "".join(
            token.text + (" " if i + 1 < self.last and tokens[i + 1].start > token.end else "")
            for i, token in enumerate(tokens[self.first : self.last], self.first)
        )

    @property
    def hint(self) -> str:
        """The cloze hint in the article's language: "Zahl", "Monat", "Person", "Number", ..."""
        kind = "monat" if self.kind == "datum" and self.cls == "monat" else self.kind
        return (HINTS_EN if self.sentence.language == "en" else HINTS).get(kind, HINTS["begriff"])


class FactFinder(Protocol):
    """Finds one kind of fact in an article's sentences."""

    def find(self, sentences: Sequence[Sentence]) -> list[Fact]: ...


def find_facts(sentences: Sequence[Sentence]) -> list[Fact]:
    """Facts of all kinds, in article order; a token belongs to at most one fact."""
    from .dates import DateFinder
    from .names import NameFinder
    from .numbers import NumberFinder
    from .terms import TermFinder

    taken: set[tuple[int, int]] = set()
    facts: list[Fact] = []
    for finder in (DateFinder(), NumberFinder(), NameFinder(), TermFinder()):
        for fact in finder.find(sentences):
            cells = {(fact.sentence.index, i) for i in range(fact.first, fact.last)}
            if not cells & taken:
                taken |= cells
                facts.append(fact)
    return sorted(facts, key=lambda fact: (fact.sentence.index, fact.first))
