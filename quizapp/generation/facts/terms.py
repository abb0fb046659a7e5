"""Rare content nouns: "Interkontinentalrakete", "Kanonenfutter"."""

from __future__ import annotations

from collections.abc import Sequence

from wordfreq import zipf_frequency

from .. import nlp
from ..text import Sentence
from . import Fact

MAX_ZIPF = 3.0  # rarer than about one in a million words
MIN_LENGTH = 7
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Sonnabend")


class TermFinder:
    """Nouns that are rare in general German and known to german-nouns (for gender and forms)."""

    def find(self, sentences: Sequence[Sentence]) -> list[Fact]:
        lexicon = nlp.nouns().by_lemma
        facts = []
        for sentence in sentences:
            for i, token in enumerate(sentence.tokens):
                if not token.is_noun or len(token.text) < MIN_LENGTH or not token.text.isalpha():
                    continue
                following = sentence.tokens[i + 1] if i + 1 < len(sentence.tokens) else None
                if following and following.tag in ("NE", "FM") and following.text[:1].isupper():
                    continue  # "den Grenzfluss Tumen": the noun only introduces a name
                if token.text.startswith(WEEKDAYS):
                    continue  # "Samstagmittag": a time, not a term
                lemma = token.lemma if token.lemma in lexicon else token.text
                if lemma in lexicon and zipf_frequency(token.text, "de") <= MAX_ZIPF:
                    facts.append(Fact("begriff", sentence, i, i + 1, cls=lexicon[lemma].genus, lemma=lemma))
        return facts
