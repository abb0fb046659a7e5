"""Read decks and a learner's weak items from the database as plain data for the Anki exporter."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import select

from quizapp.anki import ExportDeck, ExportItem
from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question


class UnknownDecks(LookupError):
    """Deck ids that name no deck loaded from questions/."""

    def __init__(self, deck_ids: Sequence[str]):
        super().__init__(", ".join(deck_ids))
        self.deck_ids = list(deck_ids)


def exportable_decks(deck_ids: Sequence[str] | None = None) -> list[Deck]:
    """The named decks in the given order, or every deck in the files by title."""
    if not deck_ids:
        return list(db.session.scalars(select(Deck).where(Deck.in_files.is_(True)).order_by(Deck.title)))
    found = {d.id: d for d in db.session.scalars(select(Deck).where(Deck.id.in_(list(deck_ids))))}
    missing = [d for d in deck_ids if d not in found or not found[d].in_files]
    if missing:
        raise UnknownDecks(missing)
    return [found[d] for d in dict.fromkeys(deck_ids)]


def export_deck(deck: Deck, include_drafts: bool = False, only_ids: Iterable[str] | None = None) -> ExportDeck:
    """A deck's questions still in its file: approved ones, drafts when asked, never retired ones."""
    statuses = ["approved", "draft"] if include_drafts else ["approved"]
    query = (select(Question)
             .where(Question.deck_id == deck.id, Question.in_file.is_(True), Question.status.in_(statuses))
             .order_by(Question.position))
    if only_ids is not None:
        query = query.where(Question.id.in_(list(only_ids)))
    return ExportDeck(deck.id, deck.title, tuple(ExportItem.of(q) for q in db.session.scalars(query)))


def weak_question_ids(user_id: int, deck_id: str) -> set[str]:
    """Questions the learner last got wrong or almost right, or got wrong more often than right."""
    rows = db.session.execute(
        select(Attempt.question_id, Attempt.verdict)
        .join(Question, Attempt.question_id == Question.id)
        .where(Attempt.user_id == user_id, Question.deck_id == deck_id)
        .order_by(Attempt.created_at, Attempt.id)
    ).all()
    latest: dict[str, str] = {}
    balance: dict[str, int] = defaultdict(int)
    for question_id, verdict in rows:
        latest[question_id] = verdict
        balance[question_id] += 1 if verdict == "right" else -1
    return {qid for qid, verdict in latest.items() if verdict != "right" or balance[qid] < 0}
