"""A learner's figures on one deck, from plain rows: card counts, streak, daily series, forecast, weakest."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from quizapp.analytics.days import local_day

MASTERED_DAYS = 21  # a card in review with an interval of three weeks or more, like Anki's "mature"


@dataclass(frozen=True)
class CardRow:
    """The columns of a review card the dashboard reads."""

    question_id: str
    state: str
    due: dt.datetime
    scheduled_days: int
    reps: int
    correct: int
    lapses: int


@dataclass(frozen=True)
class CardCounts:
    """How many items are new, learning, due today, mastered (due today overlaps the others)."""

    new: int
    learning: int
    due_today: int
    mastered: int
    answers: int
    right: int

    @property
    def accuracy(self) -> float | None:
        return self.right / self.answers if self.answers else None


def card_counts(cards: list[CardRow], visible: int, end_of_today: dt.datetime) -> CardCounts:
    """Counts over the deck's visible items; `visible` counts them, cards are the answered ones."""
    return CardCounts(
        new=max(0, visible - len(cards)),
        learning=sum(c.state in ("learning", "relearning") for c in cards),
        due_today=sum(c.due < end_of_today for c in cards),
        mastered=sum(c.state == "review" and c.scheduled_days >= MASTERED_DAYS for c in cards),
        answers=sum(c.reps for c in cards),
        right=sum(c.correct for c in cards),
    )


def streak(days: Iterable[dt.date], today: dt.date) -> int:
    """Days in a row with at least one answer, ending today (or yesterday: today may still come).

    >>> d = dt.date(2025, 3, 10)
    >>> streak([d, d - dt.timedelta(1), d - dt.timedelta(2), d - dt.timedelta(5)], d)
    3
    >>> streak([d - dt.timedelta(1)], d), streak([d - dt.timedelta(2)], d)
    (1, 0)
    """
    active = set(days)
    day = today if today in active else today - dt.timedelta(days=1)
    count = 0
    while day in active:
        count += 1
        day -= dt.timedelta(days=1)
    return count


@dataclass(frozen=True)
class DayFigures:
    day: dt.date
    answers: int
    right: int

    @property
    def accuracy(self) -> float | None:
        return self.right / self.answers if self.answers else None


def daily(tallies: Iterable[tuple[dt.datetime, int, int]], today: dt.date, tz: str,
          days: int = 30) -> list[DayFigures]:
    """Answers and right answers per local day for the last `days` days, oldest first, gaps as zeros.

    tallies: (naive UTC time, answers, right answers), e.g. one per answer or one per hour.
    """
    answers: Counter[dt.date] = Counter()
    right: Counter[dt.date] = Counter()
    for moment, count, correct in tallies:
        day = local_day(moment, tz)
        answers[day] += count
        right[day] += correct
    first = today - dt.timedelta(days=days - 1)
    return [DayFigures(d, answers[d], right[d]) for d in (first + dt.timedelta(i) for i in range(days))]


def forecast(dues: Iterable[dt.datetime], today: dt.date, tz: str, days: int = 14) -> list[tuple[dt.date, int]]:
    """Reviews falling due on each of the next `days` local days; overdue cards count for today."""
    counts: Counter[dt.date] = Counter()
    for due in dues:
        counts[max(today, local_day(due, tz))] += 1
    return [(today + dt.timedelta(i), counts[today + dt.timedelta(i)]) for i in range(days)]


def weakest(cards: list[CardRow], limit: int = 5) -> list[CardRow]:
    """Items answered wrongly most often relative to tries: lowest share right, then most lapses."""
    shaky = [c for c in cards if c.reps and c.correct < c.reps]
    return sorted(shaky, key=lambda c: (c.correct / c.reps, -c.lapses, -c.reps, c.question_id))[:limit]
