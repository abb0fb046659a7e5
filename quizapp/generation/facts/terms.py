"""Rare content nouns: "Interkontinentalrakete", "Kanonenfutter"."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from wordfreq import zipf_frequency

from .. import nlp
from ..text import Sentence, Token
from . import Fact

MAX_ZIPF = 3.0  # rarer than about one in a million words
MAX_ZIPF_EN = 3.5  # wordfreq's English counts run higher: "warhead" 3.0, "ceasefire" 3.3, "missile" 4.1
MIN_LENGTH = 7
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Sonnabend")


class TermFinder:
    """Nouns that are rare in general German and known to german-nouns (for gender and forms); in an English
    article, rare common nouns (cloze items only: without gender and forms there is no telling which nouns
    would make fair options)."""

    def find(self, sentences: Sequence[Sentence]) -> list[Fact]:
        lexicon = nlp.nouns().by_lemma
        facts = []
        for sentence in sentences:
            if sentence.language == "en":
                facts.extend(english_terms(sentence))
                continue
            for i, token in content_nouns(sentence):
                if token.text.startswith(WEEKDAYS):
                    continue  # "Samstagmittag": a time, not a term
                lemma = token.lemma if token.lemma in lexicon else token.text
                rare = max(zipf_frequency(token.text, "de"), zipf_frequency(lemma, "de")) <= MAX_ZIPF
                if lemma.endswith(("angabe", "angaben")):
                    continue  # "Nach Polizeiangaben": where the news came from
                if person_noun(lemma, token.text, lexicon):
                    continue  # "ein Zivilist", "der Neurowissenschafter": who, not what the article is about
                if lemma in lexicon and rare:  # "Hackern" is a rare form of a common word
                    facts.append(Fact("begriff", sentence, i, i + 1, cls=lexicon[lemma].genus, lemma=lemma))
        return facts


def person_noun(lemma: str, text: str, lexicon) -> bool:
    """A noun for a person, known by its feminine form in -in: "Zivilist" (Zivilistin), "Experte" (Expertin),
    "Wissenschafter" (Austrian, also in a compound the lexicon lacks: "Neurowissenschafter")."""
    for word in {lemma, text}:
        if word + "in" in lexicon or word.endswith("e") and word[:-1] + "in" in lexicon:
            return True
        if word.endswith(("wissenschafter", "wissenschaftler", "forscher")):
            return True
    return False


def content_nouns(sentence: Sentence) -> Iterator[tuple[int, Token]]:
    """Nouns long enough to be terms, letters only, that do not just introduce a name."""
    tokens = sentence.tokens
    for i, token in enumerate(tokens):
        if not token.is_noun or len(token.text) < MIN_LENGTH or not token.text.isalpha():
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following and following.tag in ("NE", "FM") and following.text[:1].isupper():
            continue  # "den Grenzfluss Tumen", "the resort Wonsan Kalma": the noun only introduces a name
        yield i, token


def english_terms(sentence: Sentence) -> list[Fact]:
    """Rare common nouns of an English sentence: "warhead", "ceasefire" (lower case, known to wordfreq)."""
    return [
        Fact("begriff", sentence, i, i + 1, lemma=token.lemma or token.text)
        for i, token in content_nouns(sentence)
        if token.text[:1].islower() and 0 < zipf_frequency(token.text, "en") <= MAX_ZIPF_EN
    ]
