"""Language models and lexicons, loaded once per process."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

SOMAJO_MODELS = {"de": "de_CMC", "en": "en_PTB"}
HANTA_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}


@cache
def tokenizer(language: str = "de"):
    """SoMaJo sentence splitter and tokenizer with character offsets."""
    from somajo import SoMaJo

    return SoMaJo(SOMAJO_MODELS[language], character_offsets=True)


@cache
def tagger(language: str = "de"):
    """HanTa part-of-speech tagger and lemmatizer."""
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger(HANTA_MODELS[language])


@dataclass(frozen=True)
class Noun:
    """A German noun lemma with its gender and inflected forms."""

    lemma: str
    genus: str
    forms: tuple[tuple[str, str], ...]  # (case and number, form)

    def form(self, slot: str) -> str | None:
        """The form for a slot such as 'dativ plural', or None."""
        return dict(self.forms).get(slot)


FORM_SLOTS = tuple(
    f"{case} {number}"
    for number in ("singular", "plural")
    for case in ("nominativ", "genitiv", "dativ", "akkusativ")
)


@dataclass(frozen=True)
class NounLexicon:
    """german-nouns (Wiktionary, CC BY-SA) indexed by lemma."""

    by_lemma: dict[str, Noun]


@cache
def nouns() -> NounLexicon:
    """Read german-nouns' CSV once (its own loader leaks a file handle and is slower)."""
    by_lemma: dict[str, Noun] = {}
    path = resources.files("german_nouns").joinpath("nouns.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        col = {name: i for i, name in enumerate(header)}
        slots = [(slot, col[slot]) for slot in FORM_SLOTS]
        for row in rows:
            lemma, genus = row[0], row[col["genus"]]
            if not lemma[:1].isupper() or genus not in ("m", "f", "n") or lemma in by_lemma:
                continue
            forms = tuple((slot, row[i]) for slot, i in slots if i < len(row) and row[i])
            by_lemma[lemma] = Noun(lemma, genus, forms)
    return NounLexicon(by_lemma)
