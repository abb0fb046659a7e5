"""Sentences with tokens, tags and character offsets, cleaned of glued headings and datelines."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import nlp
from .source import Article

MIN_TOKENS, MAX_TOKENS = 5, 45
# Capitalised words of these classes do not start a noun phrase in mid-sentence: a new sentence starts there.
SENTENCE_OPENERS = frozenset(
    [
        "ART",
        "APPR",
        "APPRART",
        "PROAV",
        "PAV",
        "PPER",
        "PDS",
        "PDAT",
        "PIAT",
        "PIS",
        "PPOSAT",
        "KOUS",
        "ADV",
        "PWAV",
        "PWS",
        "PTKNEG",
    ]
)
OPENING_PUNCTUATION = frozenset(":(„\"'‚«»–-")
DATELINE_JOINERS = frozenset({"/", "de", "del", "am", "an", "der", "im", "bei", "upon", "on"})
_TAG = re.compile(r"[()]")


@dataclass(frozen=True)
class Token:
    """A token with its offsets in the article text, STTS tag and lemma."""

    text: str
    start: int
    end: int
    tag: str
    lemma: str

    @property
    def is_noun(self) -> bool:
        return self.tag in ("NN", "NNA", "NNI")

    @property
    def is_finite_verb(self) -> bool:
        return self.tag.endswith("FIN")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: its tokens, position and whether it is complete."""

    index: int
    paragraph: int
    tokens: tuple[Token, ...]
    text: str
    heading: str | None = None
    language: str = "de"
    teaser: bool = False  # a summary line above an agency dateline ("... . Wien – Die ..."): not a source

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def complete(self) -> bool:
        """Ends with sentence punctuation, starts with a capital, and is of a sensible length."""
        last = self.tokens[-1].text if self.tokens[-1].text not in ("“", '"', "«") else self.tokens[-2].text
        first = self.tokens[0].text
        return (
            last in (".", "!")
            and (first[:1].isupper() or first[:1].isdigit() or first in ("„", '"'))
            and MIN_TOKENS <= len(self.tokens) <= MAX_TOKENS
        )


def sentences(article: Article) -> list[Sentence]:
    """All sentences of the article, tagged, with headings and datelines cut off."""
    splitter = nlp.tokenizer(article.language)
    result: list[Sentence] = []
    dateline_at = None
    for paragraph, (begin, end) in enumerate(article.spans):
        chunk = article.text[begin:end]
        for position, raw in enumerate(splitter.tokenize_text([chunk])):
            words = [token.text for token in raw]
            tags = nlp.tagger(article.language).tag_sent(words, taglevel=1)
            tokens = tuple(
                Token(
                    token.text,
                    begin + token.character_offset[0],
                    begin + token.character_offset[1],
                    stts(tag, article.language),
                    lemma,
                )
                for token, (_, lemma, tag) in zip(raw, tags)
            )
            dateline = dateline_end(tokens)
            if dateline and dateline_at is None and len(result) < 4:
                dateline_at = len(result)
            tokens = tokens[dateline:]
            heading = None
            if article.language == "de" and tokens:  # a sub-heading glued to the next sentence, anywhere
                cut = heading_end(tokens, repeats=position == 0)
                if cut:
                    heading = article.text[tokens[0].start : tokens[cut - 1].end]
                    tokens = tokens[cut:]
            if tokens:
                text = " ".join(article.text[tokens[0].start : tokens[-1].end].split())
                result.append(Sentence(len(result), paragraph, tokens, text, heading, article.language))
    if dateline_at:
        result[:dateline_at] = [replace(sentence, teaser=True) for sentence in result[:dateline_at]]
    return result


# HanTa's English model uses CLAWS5 tags; the fact finders read STTS.
CLAWS_TO_STTS = {
    "AJ0": "ADJA",
    "AJC": "ADJA",
    "AJS": "ADJA",
    "ORD": "ADJA",
    "AT0": "ART",
    "AV0": "ADV",
    "AVP": "PTKVZ",
    "AVQ": "PWAV",
    "CJC": "KON",
    "CJS": "KOUS",
    "CJT": "KOUS",
    "CRD": "CARD",
    "DPS": "PPOSAT",
    "DT0": "PDS",
    "DTQ": "PWS",
    "EX0": "PPER",
    "NN0": "NN",
    "NN1": "NN",
    "NN2": "NN",
    "NP0": "NE",
    "PNI": "PIS",
    "PNP": "PPER",
    "PNQ": "PWS",
    "PNX": "PRF",
    "PRF": "APPR",
    "PRP": "APPR",
    "PUN": "$.",
    "PUL": "$(",
    "PUR": "$(",
    "PUQ": "$(",
    "TO0": "PTKZU",
    "XX0": "PTKNEG",
    "VM0": "VMFIN",
    "VBB": "VAFIN",
    "VBD": "VAFIN",
    "VBZ": "VAFIN",
    "VHB": "VAFIN",
    "VHD": "VAFIN",
    "VHZ": "VAFIN",
    "VDB": "VVFIN",
    "VDD": "VVFIN",
    "VDZ": "VVFIN",
    "VVB": "VVFIN",
    "VVD": "VVFIN",
    "VVZ": "VVFIN",
    "VVI": "VVINF",
    "VVG": "VVINF",
    "VVN": "VVPP",
    "VBI": "VAINF",
    "VBG": "VAINF",
    "VBN": "VAPP",
    "VHI": "VAINF",
    "VHG": "VAINF",
    "VHN": "VAPP",
    "VDI": "VVINF",
    "VDG": "VVINF",
    "VDN": "VVPP",
}


def stts(tag: str, language: str) -> str:
    """An STTS tag: HanTa's German tag without brackets, or the English CLAWS5 tag mapped.

    >>> stts("VA(FIN)", "de"), stts("NP0", "en"), stts("VVD-VVN", "en")
    ('VAFIN', 'NE', 'VVFIN')
    """
    if language == "de":
        return _TAG.sub("", tag)
    return CLAWS_TO_STTS.get(tag.split("-")[0], "XY")


def heading_end(tokens: tuple[Token, ...], repeats: bool = True) -> int:
    """Number of tokens of a heading glued to the sentence (0 if none).

    A heading has no finite verb. It ends where a capitalised function word stands in
    mid-sentence ("Soldaten als „Kanonenfutter“ Damit hat ...") or where its opening words
    are repeated ("Nordkorea und Russland: Eine ... Beziehung Nordkorea und Russland teilen ..."; only
    at a paragraph's start, where a heading stands, when repeats is true).
    """
    limit = min(len(tokens) - 3, 15)
    for i in range(2, limit):
        token = tokens[i]
        if token.is_finite_verb or tokens[i - 1].is_finite_verb:
            return 0
        if (
            token.tag in SENTENCE_OPENERS
            and token.text[:1].isupper()
            and tokens[i - 1].text not in OPENING_PUNCTUATION
            and tokens[i - 1].tag != "$."
        ):
            return i
        for width in (4, 3, 2, 1) if repeats else ():
            opening = [t.text for t in tokens[:width]]
            if (
                i >= width + 2
                and [t.text for t in tokens[i : i + width]] == opening
                and opening[0][:1].isupper()
            ):
                return i
    return 0


def dateline_end(tokens: tuple[Token, ...]) -> int:
    """Number of tokens of an agency dateline such as "Wien –" at the start of a sentence."""
    for i, token in enumerate(tokens[:6]):
        if token.text in ("–", "-") and i > 0 and len(tokens) > i + 1 and tokens[i + 1].text[:1].isupper():
            return i + 1
        if not (token.text[:1].isupper() or token.text in DATELINE_JOINERS):
            return 0
    return 0
