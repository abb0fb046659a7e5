"""What every exporter shares: which items go out, each gap's accepted answers, HTML text."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.bank.cloze import ClozeGap, cloze_gaps


@dataclass(frozen=True)
class ExportedDeck:
    """A deck as the exporters see it; `items` are bank QuestionItems or Question rows."""

    id: str
    title: str
    language: str
    items: tuple


def exported_items(items: Iterable, include_drafts: bool = False) -> tuple:
    """Approved items (and drafts when asked), never retired ones, in file order."""
    statuses = ("approved", "draft") if include_drafts else ("approved",)
    return tuple(item for item in items if item.status in statuses)


def gap_answers(item, gap: ClozeGap) -> list[str]:
    """The gap's answer first, then the other answers that count as right (once each)."""
    extra = (item.accept_by_gap or {}).get(f"c{gap.number}") or (
        item.accept if len({g.number for g in cloze_gaps(item.text)}) == 1 else ())
    return list(dict.fromkeys([gap.answer, *(a for a in extra or () if a.strip())]))


def text_html(text: str | None) -> str:
    """Plain text as HTML: `&`, `<` and `>` show as typed, line breaks stay.

    >>> text_html("5 < 7 & so\\nweiter")
    '5 &lt; 7 &amp; so<br>weiter'
    """
    return html.escape(text or "", quote=False).replace("\n", "<br>")


def feedback_html(item) -> str:
    """The explanation and the article sentence the fact came from (with its context): what quizapp shows
    after an answer."""
    parts = []
    if item.explanation:
        parts.append(f"<p>{text_html(item.explanation)}</p>")
    sentence = " ".join(s for s in (item.source_context, item.source_sentence) if s)
    if sentence:
        parts.append(f"<blockquote>{text_html(sentence)}</blockquote>")
    return "".join(parts)


def item_tags(item) -> list[str]:
    """The item's tags and its kind of fact (`kind::ort`), as Anki's export writes them."""
    tags = [t for t in (item.tags or ()) if t.strip()]
    if item.kind:
        tags.append(f"kind::{item.kind}")
    return tags
