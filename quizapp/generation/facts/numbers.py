"""Numbers with their unit or noun: "17 Kilometer", "1,2 Millionen Soldaten", "40 Prozent", "fünf Monate";
ages and counts written as one word: "der 26-Jährige", "800-mal", "der 25-fache Weltmeister"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..numerals import AGE, GLUED_COUNT, WORD_VALUES, parse_number
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
        recurring = nouns_in_two_sentences(sentences)
        for sentence in sentences:
            tokens = sentence.tokens
            for i, token in enumerate(tokens):
                if (glued := GLUED_COUNT.match(token.text)) and sentence.language == "de":
                    value = parse_number(glued.group(1), "de") or 0.0
                    if 0 < value < 120 or not AGE.match(token.text):
                        facts.append(Fact("zahl", sentence, i, i + 1, value=value))
                    continue
                if word_count(tokens, i, sentence.language) and _counts_key_noun(tokens, i, recurring):
                    value = WORD_VALUES[token.text.lower()]
                    facts.append(Fact("zahl", sentence, i, i + 1, value=float(value)))
                    continue
                if token.tag != "CARD" or not NUMBER[sentence.language].match(token.text):
                    continue
                if is_year(tokens, i):
                    continue  # "seit 2007": a year, not a count
                if _label_or_dimension(tokens, i):
                    continue  # "274 x 172 x 10,5 Millimeter", "als Nummer 10 gesetzt": specs and labels
                last = i + 1
                if last < len(tokens) and tokens[last].text in SCALE_WORDS:
                    last += 1
                if not _counts_something(tokens, last):
                    continue
                value = parse_number(token.text, sentence.language)
                if value is not None and value > 0:
                    facts.append(Fact("zahl", sentence, i, last, value=value))
        return facts


DURATIONS = frozenset(["Jahr", "Monat", "Woche", "Tag", "Stunde", "Jahrzehnt"])
RELATIVE = frozenset(["vor", "nach", "später", "zuvor", "danach", "früher"])


def nouns_in_two_sentences(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Lemmas of the nouns that two or more sentences use: what the article is about."""
    seen: dict[str, int] = {}
    for sentence in sentences:
        for lemma in {token.lemma for token in sentence.tokens if token.is_noun}:
            seen[lemma] = seen.get(lemma, 0) + 1
    return frozenset(lemma for lemma, count in seen.items() if count > 1)


def _counts_key_noun(tokens, i: int, recurring: frozenset[str]) -> bool:
    """A count in words is worth asking where it counts time, a share or what the article is about:
    "fünf Monate Haft", "zehn Prozent", "16 Fledertierarten"; not "zwei Klicks", "fünf Pins"."""
    noun = next((token for token in tokens[i + 1 : i + 4] if token.is_noun), None)
    return noun is not None and (noun.lemma in DURATIONS or noun.lemma in recurring or noun.text == "Prozent")


def _label_or_dimension(tokens, i: int) -> bool:
    """A number in a measure ("274 x 172 x 10,5"), after "Nummer" or before "Uhr": a spec, a label or a time
    of day, not a count."""
    around = {token.text for token in tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2]}
    time_of_day = i + 1 < len(tokens) and tokens[i + 1].text == "Uhr"  # "um 17 Uhr": when, rarely the news
    return bool(around & {"x", "×"}) or time_of_day or i > 0 and tokens[i - 1].text in ("Nummer", "Nr.")


def word_count(tokens, i: int, language: str) -> bool:
    """A German number word from two on that counts the noun after it: "fünf Monate", "die fünf Kinder";
    not "ein", "zwei oder drei", "jene zwei" (named already), "seit zehn Jahren"."""
    token = tokens[i]
    if language != "de" or token.tag != "CARD" or WORD_VALUES.get(token.text.lower(), 0) < 2:
        return False
    near = tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2]
    if any(other.text in ("oder", "bis", "-", "–") for other in near):
        return False  # "zwei oder drei Tage": a guess, not a fact
    if i > 0 and tokens[i - 1].tag == "PDAT":
        return False  # "jene fünf Wirte": named before
    since = any(token.text.lower() == "seit" for token in tokens[max(0, i - 2) : i])
    if since and i + 1 < len(tokens) and tokens[i + 1].lemma in DURATIONS:
        return False  # "seit zehn Jahren": how long something has been so, rarely the news
    if any(other.text in (":", "–", "(") for other in tokens[i + 1 :]):
        return False  # "zwei Hersteller ...: Samsung und Google", "vier Bezirken – Neusiedl, ...": a list
    if tokens[i + 1 : i + 2][0].lemma in DURATIONS and tokens[i + 2 : i + 3][0].text in RELATIVE:
        return False  # "Zwei Tage vor dem 1. Mai": when, relative to the fact, not the fact
    return _counts_something(tokens, i + 1)


def _counts_something(tokens, position: int) -> bool:
    """A noun or unit follows, possibly after adjectives ("15.000 nordkoreanische Soldaten")."""
    for token in tokens[position : position + 3]:
        if token.is_noun or token.text in UNIT_SYMBOLS:
            return True
        if token.tag != "ADJA":
            return False
    return False
