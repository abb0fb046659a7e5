"""An answer as a list of tokens: folded words and numbers read in the deck's language."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from quizapp.checking.numbers import format_number, read_decimal, scale_of, scaled

# "15 000" (any kind of space between groups of three) is one number.
_SPACE_GROUPED = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?: [0-9]{3})+(?![0-9])")
# "17km", "15%": the unit is a word of its own.
_UNIT_AFTER_DIGIT = re.compile(r"(?<=[0-9])(?=[^\W\d_]|[%‰€$£¥°])")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


@dataclass(frozen=True)
class Word:
    """A word folded for comparison, with the number of letters it was written with and how it was written."""

    text: str
    letters: int = field(compare=False)
    original: str = field(default="", compare=False, repr=False)


Token = Word | Decimal


def fold(word: str) -> str:
    """A word as compared: case, "ß"/"ss" and "ä"/"ae" spellings made equal.

    >>> fold("Straße"), fold("Müller"), fold("MUELLER")
    ('strasse', 'mueller', 'mueller')
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", word).casefold())
    return folded.translate(_UMLAUTS)


def _strip_punctuation(word: str) -> str:
    """The word without punctuation (quotes, brackets, full stops) at either end; a minus sign stays."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start]).startswith("P"):
        if word[start] == "-" and start + 1 < end and word[start + 1].isdigit():
            break
        start += 1
    while end > start and unicodedata.category(word[end - 1]).startswith("P"):
        end -= 1
    return word[start:end]


def _words(text: str) -> list[str]:
    """The answer split into words, spaces and surrounding punctuation dropped."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    text = _SPACE_GROUPED.sub(lambda match: match.group().replace(" ", ""), text)
    text = _UNIT_AFTER_DIGIT.sub(" ", text)
    return [word for word in map(_strip_punctuation, text.split()) if word]


def tokenise(text: str, language: str = "de") -> list[Token]:
    """Words folded, numbers read in the language and multiplied by a following scale word.

    >>> tokenise("„1,2 Mio. Einwohner“")
    [Decimal('1200000.0'), Word(text='einwohner', letters=9)]
    """
    tokens: list[Token] = []
    for word in _words(text):
        number = read_decimal(word, language)
        factor = scale_of(word, language)
        if number is not None:
            tokens.append(number)
        elif factor is not None and tokens and isinstance(tokens[-1], Decimal):
            tokens[-1] = scaled(tokens[-1], factor)
        else:
            tokens.append(Word(fold(word), sum(char.isalpha() for char in word), word))
    return tokens


def normalise(text: str, language: str = "de") -> str:
    """The answer as compared: folded words and numbers in one canonical spelling.

    >>> normalise("  „Straße“! "), normalise("1,2 Millionen"), normalise("15 000 Ärzte")
    ('strasse', '1200000', '15000 aerzte')
    >>> normalise("1.2")  # neither 12 nor 1,2 in German
    '1.2'
    """
    return " ".join(
        format_number(token, language) if isinstance(token, Decimal) else token.text
        for token in tokenise(text, language)
    )


def parse_number(text: str, language: str = "de") -> Decimal | None:
    """The number an answer states, with an optional scale word, or None if it is more than a number.

    >>> parse_number("15.000"), parse_number("15 000"), parse_number("1,2 Millionen")
    (Decimal('15000'), Decimal('15000'), Decimal('1200000.0'))
    >>> parse_number("1.2 million", "en"), parse_number("1.2"), parse_number("17 km")
    (Decimal('1200000.0'), None, None)
    """
    tokens = tokenise(text, language)
    if len(tokens) == 1 and isinstance(tokens[0], Decimal):
        return tokens[0]
    return None
