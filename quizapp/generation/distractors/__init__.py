"""Distractors: wrong options of the same kind and form as the answer, one strategy per fact kind."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..facts import Fact

COUNT = 3


@dataclass(frozen=True)
class KnownNames:
    """Names answered in the other decks of questions/: every person, and names by their class tag
    (`class::fluss`, `class::partei`...), for classes the gazetteers know little or nothing of."""

    persons: tuple[str, ...] = ()
    by_class: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Pool:
    """Names known beyond the gazetteers: the article's own facts and other decks' answers."""

    facts: tuple[Fact, ...] = ()
    known: KnownNames = field(default_factory=KnownNames)
    article_date: str | None = None

    def other_decks(self, cls: str | None) -> tuple[str, ...]:
        """Other decks' names of this class."""
        return self.known.by_class.get(cls or "", ())


def normalise(text: str) -> str:
    """Case, accents and punctuation folded, for comparing options.

    >>> normalise("Kim Jong-Un"), normalise("15.000")
    ('kimjongun', '15000')
    """
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", "", "".join(c for c in text if not unicodedata.combining(c)))


def stable_order(key: str, options: Iterable[str]) -> list[str]:
    """Options in an order that depends only on key and the options themselves."""
    return sorted(options, key=lambda option: hashlib.sha256(f"{key}\x1f{option}".encode()).hexdigest())


def choose(fact: Fact, candidates: Iterable[str], count: int = COUNT, avoid: str | None = None) -> list[str]:
    """The first count acceptable candidates: not the answer in any form, not part of it, no repeats, and
    (but for numbers) not named in the sentence or in the context shown with it (avoid)."""
    answer = normalise(fact.answer)
    sentence = normalise(fact.sentence.text + " " + (avoid or ""))
    numbers = {normalise(token.text) for token in fact.sentence.tokens if token.tag == "CARD"}
    chosen: list[str] = []
    seen = {answer}
    for candidate in candidates:
        key = normalise(candidate)
        if not key or key in seen or key in answer or answer in key:
            continue
        if fact.kind not in ("zahl", "jahr") and key in sentence:  # "im März" rules out "März"
            continue
        if fact.kind in ("zahl", "jahr") and key in numbers:  # "Real (24 Punkte) ... (30)" rules out 30
            continue
        seen.add(key)
        chosen.append(candidate)
        if len(chosen) == count:
            return chosen
    return chosen


def distractors(fact: Fact, pool: Pool, avoid: str | None = None) -> list[str]:
    """Three distractors for the fact, or fewer if not enough good ones exist."""
    from .dates import date_candidates
    from .names import name_candidates
    from .numbers import number_candidates
    from .terms import term_candidates

    strategies: dict[str, Callable[[Fact, Pool], Iterable[str]]] = {
        "zahl": number_candidates,
        "jahr": date_candidates,
        "datum": date_candidates,
        "person": name_candidates,
        "ort": name_candidates,
        "organisation": name_candidates,
        "name": name_candidates,
        "begriff": term_candidates,
    }
    return choose(fact, strategies[fact.kind](fact, pool), avoid=avoid)
