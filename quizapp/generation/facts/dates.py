"""Dates and years: "Juni 2024", "im Mai", "12. März 2015", "seit 2014"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import Sentence
from . import Fact

MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_NAMES = {"de": MONTHS, "en": MONTHS_EN}
MONTH_ALIASES = (
    {"Jänner": 0, "Feber": 1}
    | {name: i for i, name in enumerate(MONTHS)}
    | {name: i for i, name in enumerate(MONTHS_EN)}
)
YEAR = re.compile(r"^(1[89]|20)\d\d$")
YEAR_WORDS = frozenset(
    {"seit", "im", "bis", "ab", "jahr", "jahre", "jahres", "anno", "saison", "since", "in"}
)
DAY = re.compile(r"^([1-9]|[12]\d|3[01])\.$")


class DateFinder:
    """Months with or without year and day, and years standing alone."""

    def find(self, sentences: Sequence[Sentence]) -> list[Fact]:
        facts = []
        for sentence in sentences:
            tokens = sentence.tokens
            i = 0
            while i < len(tokens):
                token = tokens[i]
                if token.text in MONTH_ALIASES and i > 0 and sentence.language == "en":
                    fact = english_date(sentence, i)
                    if fact:
                        facts.append(fact)
                    i = fact.last if fact else i + 1
                    continue
                if token.text in MONTH_ALIASES and i > 0:
                    first = i - 1 if DAY.match(tokens[i - 1].text) else i
                    last = i + 1
                    if last < len(tokens) and YEAR.match(tokens[last].text):
                        last += 1
                    cls = "monat" if last - first == 1 else ("tag" if first < i else "monat-jahr")
                    year = int(tokens[last - 1].text) if last - i == 2 else None
                    facts.append(Fact("datum", sentence, first, last, cls=cls, value=year))
                    i = last
                    continue
                year_like = YEAR.match(token.text) and token.tag == "CARD"
                english_year = sentence.language == "en" and i > 0 and tokens[i - 1].tag in ("ART", "PPOSAT")
                if year_like and (is_year(tokens, i) or not _counts(tokens, i + 1) or english_year):
                    facts.append(Fact("jahr", sentence, i, i + 1, value=int(token.text)))
                i += 1
        return facts


def is_year(tokens, position: int) -> bool:
    """A four-digit number after "seit", "im Jahr", "bis" ... is a year even before a noun
    ("seit 2007 Trainer")."""
    return (
        position > 0
        and YEAR.match(tokens[position].text) is not None
        and tokens[position - 1].text.lower() in YEAR_WORDS
    )


def _counts(tokens, position: int) -> bool:
    """A noun right after a four-digit number means it counts something ("2000 Soldaten")."""
    return position < len(tokens) and tokens[position].is_noun


def english_date(sentence: Sentence, i: int) -> Fact | None:
    """The whole English date around the month at i: "October 20, 1964", "20 October 1964", "May 2008",
    "May 5" (class "tag"), "May" ("monat"); a day and a year together are class "tag-jahr", one fact."""
    tokens = sentence.tokens
    if tokens[i].text not in MONTHS_EN or tokens[i].text == "May" and (
        tokens[i].tag not in ("NE", "NN") or tokens[i - 1].tag == "NE" and not EN_DAY.match(tokens[i - 1].text)
    ):
        return None  # "May" as a modal verb, or a surname ("Theresa May"), is no month
    first, last = i, i + 1
    day = False
    if i > 0 and EN_DAY.match(tokens[i - 1].text):
        first, day = i - 1, True  # "20 October"
    elif last < len(tokens) and EN_DAY.match(tokens[last].text):
        last, day = last + 1, True  # "October 20"
    if day and last + 1 < len(tokens) and tokens[last].text == "," and YEAR.match(tokens[last + 1].text):
        last += 2  # "October 20, 1964"
    elif last < len(tokens) and YEAR.match(tokens[last].text):
        last += 1
    year = int(tokens[last - 1].text) if YEAR.match(tokens[last - 1].text) else None
    cls = ("tag-jahr" if year else "tag") if day else ("monat-jahr" if year else "monat")
    return Fact("datum", sentence, first, last, cls=cls, value=year)


EN_DAY = re.compile(r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$")
