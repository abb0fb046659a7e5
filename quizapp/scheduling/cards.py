"""FSRS cards to and from the JSON stored in a ReviewCard row; the time is always passed in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from fsrs import Card, Rating, Scheduler, State

STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


@lru_cache(maxsize=2)
def scheduler(fuzz: bool = True) -> Scheduler:
    """FSRS with its default parameters; fuzz spreads reviews of cards learnt together over a few days."""
    return Scheduler(enable_fuzzing=fuzz)


def aware(moment: dt.datetime) -> dt.datetime:
    """Naive UTC (as the database stores it) to aware UTC (as FSRS wants it)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def naive(moment: dt.datetime) -> dt.datetime:
    """Aware UTC back to the database's naive UTC."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def new_card(now: dt.datetime) -> dict:
    """The JSON of a card never reviewed, due at `now` (a fixed id: FSRS would otherwise sleep 1 ms)."""
    return Card(card_id=0, due=aware(now)).to_dict()


def state_name(card: dict) -> str:
    """'learning', 'review' or 'relearning' for a stored card.

    >>> state_name({"state": 2})
    'review'
    """
    return STATE_NAMES[State(int(card["state"]))]


@dataclass(frozen=True)
class CardState:
    """What a review leaves behind: the JSON to store and the columns derived from it."""

    fsrs_card: dict
    state: str
    due: dt.datetime
    scheduled_days: int
    last_review: dt.datetime


def review(card: dict | None, rating: Rating, now: dt.datetime, fuzz: bool = True) -> CardState:
    """Review a stored card (None: a new one) with `rating` at `now`; datetimes are naive UTC."""
    current = Card.from_dict(card) if card else Card(card_id=0, due=aware(now))
    reviewed, _log = scheduler(fuzz).review_card(current, rating, review_datetime=aware(now))
    due = naive(reviewed.due)
    last = naive(now)
    return CardState(
        fsrs_card=reviewed.to_dict(),
        state=STATE_NAMES[reviewed.state],
        due=due,
        scheduled_days=max(0, (due - last).days),
        last_review=last,
    )


__all__ = ["CardState", "Rating", "new_card", "review", "state_name"]
