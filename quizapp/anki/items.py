"""Plain data the exporter takes: decks of items, each with the time its content last changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quizapp.bank import Bank

EXPORTABLE_STATUSES = ("approved", "draft")


@dataclass(frozen=True)
class ExportItem:
    """One question as the exporter needs it; `changed_at` is when its content last changed."""

    id: str
    type: str
    text: str
    answer: str
    status: str
    source_sentence: str
    changed_at: dt.datetime
    distractors: tuple[str, ...] = ()
    explanation: str | None = None
    source_context: str | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()

    @classmethod
    def of(cls, question, changed_at: dt.datetime | None = None) -> ExportItem:
        """From a bank QuestionItem or a Question row; rows carry `content_changed_at` themselves."""
        when = changed_at if changed_at is not None else getattr(question, "content_changed_at", None)
        if when is None:
            raise ValueError(f"question '{question.id}': the time its content last changed is needed")
        return cls(
            id=question.id, type=question.type, text=question.text, answer=question.answer,
            status=question.status, source_sentence=question.source_sentence, changed_at=when,
            distractors=tuple(question.distractors or ()), explanation=question.explanation,
            source_context=question.source_context, kind=question.kind, tags=tuple(question.tags or ()),
        )


@dataclass(frozen=True)
class ExportDeck:
    """One article's deck: its stable id, its title and the items to export."""

    id: str
    title: str
    items: tuple[ExportItem, ...]


def select_items(items: Iterable[ExportItem], include_drafts: bool = False,
                 only_ids: Iterable[str] | None = None) -> tuple[ExportItem, ...]:
    """Approved items (and drafts when asked), never retired ones; `only_ids` narrows to those ids."""
    statuses = EXPORTABLE_STATUSES if include_drafts else ("approved",)
    wanted = set(only_ids) if only_ids is not None else None
    return tuple(i for i in items if i.status in statuses and (wanted is None or i.id in wanted))


def deck_from_bank(bank: Bank, changed_at: dt.datetime | Mapping[str, dt.datetime],
                   include_drafts: bool = False) -> ExportDeck:
    """An export deck from a bank file; `changed_at` is one time for all items or one per item id."""
    def when(item_id: str) -> dt.datetime:
        return changed_at[item_id] if isinstance(changed_at, Mapping) else changed_at

    statuses = EXPORTABLE_STATUSES if include_drafts else ("approved",)
    items = tuple(ExportItem.of(q, when(q.id)) for q in bank.questions if q.status in statuses)
    return ExportDeck(bank.deck.id, bank.deck.title, items)
