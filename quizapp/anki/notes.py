"""Anki notes for quizapp items: escaped fields, tags without spaces, GUID and mod time from the item."""

from __future__ import annotations

import datetime as dt
import functools
import zlib

import genanki

from quizapp.anki.items import ExportItem
from quizapp.anki.notetypes import CLOZE_MODEL, MCQ_MODEL


class StampedNote(genanki.Note):
    """A note whose modification time is its own, not the time the file was written.

    genanki 0.13 writes `int(timestamp)` of the whole package as every note's `mod`; Anki updates a known
    note only when the incoming `mod` is newer, so each note passes its own time on instead.
    """

    def __init__(self, *args, mod: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.mod = mod

    def write_to_db(self, cursor, timestamp: float, deck_id, id_gen):
        super().write_to_db(cursor, self.mod, deck_id, id_gen)

    def _check_invalid_html_tags_in_fields(self):
        """Skipped: every field is escaped text or our own markup (item_note), and the regex costs ~10%."""


@functools.lru_cache(maxsize=4096)  # items loaded together share one change time
def epoch_seconds(when: dt.datetime) -> int:
    """Seconds since the epoch; naive datetimes are UTC, as the database stores them.

    >>> epoch_seconds(dt.datetime(2025, 7, 1))
    1751328000
    """
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return int(when.timestamp())


def text_html(text: str | None) -> str:
    """Plain text as field HTML: `<` and `&` show as typed.

    >>> text_html("5 < 7 & so")
    '5 &lt; 7 &amp; so'
    """
    if not text:
        return ""
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def cloze_html(text: str) -> str:
    """Cloze text as field HTML: only the cloze markup stays markup.

    Escaping touches only `&`, `<` and `>`, never the braces, colons and digits of `{{c1::answer::hint}}`,
    so escaping the whole text is escaping every part outside and inside the gaps.

    >>> cloze_html("A <b> {{c1::x & y::Hinweis}}")
    'A &lt;b&gt; {{c1::x &amp; y::Hinweis}}'
    """
    return text_html(text)


def options_html(item: ExportItem) -> str:
    """The answer and distractors in a fixed mixed order (from the item id); the right one marked."""
    seed = zlib.crc32(item.id.encode())
    options = sorted([item.answer, *item.distractors], key=lambda o: zlib.crc32(o.encode(), seed))
    rows = "".join(
        f'<li class="right">{text_html(o)}</li>' if o == item.answer else f"<li>{text_html(o)}</li>"
        for o in options
    )
    return f'<ol class="options" type="A">{rows}</ol>'


@functools.lru_cache(maxsize=4096)  # the same few tags recur on every item of a deck
def tag(text: str) -> str:
    """A tag Anki accepts: no spaces (runs of white space become one "_").

    >>> tag(" Kalter  Krieg ")
    'Kalter_Krieg'
    """
    return "_".join(text.split())


def item_tags(deck_id: str, item: ExportItem) -> list[str]:
    """Deck, fact kind, status and the item's own tags."""
    tags = [f"quizapp::{tag(deck_id)}", f"status::{item.status}"]
    if item.kind:
        tags.append(f"kind::{tag(item.kind)}")
    tags.extend(tag(t) for t in item.tags if t.strip())
    return tags


def item_note(item: ExportItem, deck_id: str, deck_title: str) -> StampedNote:
    """The Anki note for one item: a cloze note or a multiple-choice note."""
    source, title, context = text_html(item.source_sentence), text_html(deck_title), text_html(item.source_context)
    if item.type == "cloze":
        model = CLOZE_MODEL
        fields = [cloze_html(item.text), text_html(item.explanation), context, source, title]
    elif item.type == "mcq":
        model = MCQ_MODEL
        fields = [text_html(item.text), options_html(item), text_html(item.answer),
                  text_html(item.explanation), context, source, title]
    else:
        raise ValueError(f"question '{item.id}': unknown type '{item.type}'")
    return StampedNote(model=model, fields=fields, tags=item_tags(deck_id, item),
                       guid=genanki.guid_for("quizapp", item.id), mod=epoch_seconds(item.changed_at))
