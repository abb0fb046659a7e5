"""Anki's cloze syntax, `{{c1::answer::hint}}`, parsed the way Anki counts gaps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


@dataclass(frozen=True)
class ClozeGap:
    """One gap: its number (c1 -> 1), the answer and the optional hint."""

    number: int
    answer: str
    hint: str | None
    start: int
    end: int


def cloze_gaps(text: str) -> list[ClozeGap]:
    """All gaps in order of appearance.

    >>> [g.answer for g in cloze_gaps("Der Fluss {{c1::Tumen::Fluss}} ist {{c2::17}} km lang.")]
    ['Tumen', '17']
    """
    return [
        ClozeGap(int(m.group(1)), m.group(2), m.group(3), m.start(), m.end())
        for m in CLOZE_RE.finditer(text)
    ]


def cloze_answer_text(text: str) -> str:
    """The sentence with every gap filled in.

    >>> cloze_answer_text("Grenze von {{c1::17::Zahl}} Kilometern")
    'Grenze von 17 Kilometern'
    """
    return CLOZE_RE.sub(lambda m: m.group(2), text)


def cloze_plain(text: str) -> str:
    """A cloze item as plain text with each gap's answer in brackets; other text unchanged.

    >>> cloze_plain("Die Brücke spannt sich über den {{c1::Tumen::Fluss}}.")
    'Die Brücke spannt sich über den [Tumen].'
    """
    return CLOZE_RE.sub(lambda m: f"[{m.group(2)}]", text)


def render_cloze(text: str, field_html) -> Markup:
    """HTML of the sentence with each gap replaced by `field_html(gap)`; the rest is escaped."""
    parts: list[str] = []
    pos = 0
    for gap in cloze_gaps(text):
        parts.append(escape(text[pos : gap.start]))
        parts.append(field_html(gap))
        pos = gap.end
    parts.append(escape(text[pos:]))
    return Markup("").join(parts)
