"""Numbers with their unit or noun: "17 Kilometer", "1,2 Millionen Soldaten", "40 Prozent"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..numerals import parse_number
from ..text import Sentence
from . import Fact
from .dates import is_year

NUMBER = {
    "de": re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$"),
    "en": re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$"),
}
SCALE_WORDS = frozenset(
    {
        "Millionen",
        "Milliarden",
        "Million",
        "Milliarde",
        "Mio.",
        "Mrd.",
        "million",
        "billion",
        "millions",
        "billions",
    }
)
UNIT_SYMBOLS = frozenset({"%", "km", "m", "kg", "t", "€", "$"})


class NumberFinder:
    """Numbers followed, within two words, by the noun or unit they count."""

    def find(self, sentences: Sequence[Sentence]) -> list[Fact]:
        facts = []
        for sentence in sentences:
            tokens = sentence.tokens
            for i, token in enumerate(tokens):
                if token.tag != "CARD" or not NUMBER[sentence.language].match(token.text):
                    continue
                if is_year(tokens, i):
                    continue  # "seit 2007": a year, not a count
                last = i + 1
                if last < len(tokens) and tokens[last].text in SCALE_WORDS:
                    last += 1
                if not _counts_something(tokens, last):
                    continue
                value = parse_number(token.text, sentence.language)
                if value is not None and value > 0:
                    facts.append(Fact("zahl", sentence, i, last, value=value))
        return facts


def _counts_something(tokens, position: int) -> bool:
    """A noun or unit follows, possibly after adjectives ("15.000 nordkoreanische Soldaten")."""
    for token in tokens[position : position + 3]:
        if token.is_noun or token.text in UNIT_SYMBOLS:
            return True
        if token.tag != "ADJA":
            return False
    return False
