"""GIFT, Moodle's text format (docs.moodle.org/en/GIFT_format).

An mcq item is `::id::[html]stem {=answer ~distractor ... ####feedback}`; a cloze item with one gap is a
short-answer question whose gap shows as `_____` and whose answers are all accepted answers
(`{=answer =other}`). GIFT has one answer block per question, so cloze items with several gaps are left out
(and counted). `~ = # { } :` and the backslash are escaped with a backslash, line breaks as `\\n`.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.bank.cloze import cloze_gaps
from quizapp.interop.exporting import ExportedDeck, feedback_html, gap_answers, text_html

GIFT_SPECIAL = ("\\", "~", "=", "#", "{", "}", ":")
BLANK = "_____"


def gift_escape(text: str) -> str:
    r"""Text as GIFT reads it literally.

    >>> print(gift_escape("a=b: {x} ~ #1 \\ y\nz"))
    a\=b\: \{x\} \~ \#1 \\ y\nz
    """
    for char in GIFT_SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


@dataclass(frozen=True)
class GiftExport:
    """The GIFT text and the ids of items GIFT cannot hold (cloze items with several gaps)."""

    text: str
    skipped: tuple[str, ...]


def gift_question(item) -> str | None:
    """One question in GIFT, or None for a cloze item with more than one gap."""
    feedback = feedback_html(item)
    general = f"\n####{gift_escape(feedback)}" if feedback else ""
    if item.type == "mcq":
        options = [f"={gift_escape(text_html(item.answer))}",
                   *(f"~{gift_escape(text_html(d))}" for d in item.distractors)]
        return f"::{gift_escape(item.id)}::[html]{gift_escape(text_html(item.text))} {{\n" + \
            "\n".join(options) + general + "\n}\n"
    gaps = cloze_gaps(item.text)
    if len(gaps) != 1:
        return None
    gap = gaps[0]
    stem = text_html(item.text[:gap.start]) + BLANK + text_html(item.text[gap.end:])
    answers = "\n".join(f"={gift_escape(a)}" for a in gap_answers(item, gap))
    return f"::{gift_escape(item.id)}::[html]{gift_escape(stem)} {{\n{answers}{general}\n}}\n"


def gift_text(deck: ExportedDeck) -> GiftExport:
    """The deck as a GIFT file: a category line naming the deck, then one question per item."""
    title = " ".join(deck.title.split()).replace("/", "//")
    blocks = [f"// quizapp deck {deck.id}\n$CATEGORY: $course$/top/{title}\n"]
    skipped = []
    for item in deck.items:
        block = gift_question(item)
        if block is None:
            skipped.append(item.id)
        else:
            blocks.append(f"// {item.id}\n{block}")
    return GiftExport("\n".join(blocks), tuple(skipped))
