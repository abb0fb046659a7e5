"""Reading a learner's progress: the rows behind the dashboard, practice of weak items, the history CSV."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select

from quizapp.analytics.dashboard import CardCounts, CardRow, DayFigures, card_counts, daily, forecast, streak, weakest
from quizapp.analytics.days import local_day, today_bounds
from quizapp.bank.cloze import cloze_plain
from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question, ReviewCard, User
from quizapp.operations.reviews import visible_to_students
from quizapp.operations.sqltime import as_datetime, hour_start

CHART_DAYS = 30
STREAK_WINDOW_DAYS = 400


@dataclass(frozen=True)
class Dashboard:
    """Everything the deck dashboard shows, already computed."""

    counts: CardCounts
    streak: int
    days: list[DayFigures]
    forecast: list[tuple[dt.date, int]]
    weakest: list[tuple[CardRow, str]]
    today: dt.date


def visible_count(deck_id: str) -> int:
    return db.session.scalar(
        select(func.count(Question.id)).join(Deck, Question.deck_id == Deck.id)
        .where(Question.deck_id == deck_id, visible_to_students())
    ) or 0


def deck_cards(user_id: int, deck_id: str) -> list[tuple[CardRow, str]]:
    """The learner's cards on the deck's visible items, each with the item's text."""
    rows = db.session.execute(
        select(ReviewCard.question_id, ReviewCard.state, ReviewCard.due, ReviewCard.scheduled_days,
               ReviewCard.reps, ReviewCard.correct_count, ReviewCard.lapses, Question.text)
        .join(Question, ReviewCard.question_id == Question.id).join(Deck, Question.deck_id == Deck.id)
        .where(ReviewCard.user_id == user_id, Question.deck_id == deck_id, visible_to_students())
    ).all()
    return [(CardRow(*row[:7]), row[7]) for row in rows]


def hourly_answers(user_id: int, since: dt.datetime, deck_id: str | None = None) -> list[tuple[dt.datetime, int, int]]:
    """(UTC hour, answers, right answers) of the learner since `since`, in one deck or all."""
    hour = hour_start(Attempt.created_at)
    query = (
        select(hour, func.count(Attempt.id), func.sum(case((Attempt.verdict == "right", 1), else_=0)))
        .where(Attempt.user_id == user_id, Attempt.created_at >= since)
        .group_by(hour)
    )
    if deck_id is not None:
        query = query.join(Question, Attempt.question_id == Question.id).where(Question.deck_id == deck_id)
    return [(as_datetime(h), n, right or 0) for h, n, right in db.session.execute(query)]


def deck_dashboard(user_id: int, deck_id: str, now: dt.datetime, tz: str) -> Dashboard:
    """Four queries whatever the size of the deck or the history: count, cards, two hourly tallies."""
    today = local_day(now, tz)
    _start, end_of_today = today_bounds(now, tz)
    cards = deck_cards(user_id, deck_id)
    rows = [card for card, _text in cards]
    texts = dict((card.question_id, text) for card, text in cards)
    active = hourly_answers(user_id, now - dt.timedelta(days=STREAK_WINDOW_DAYS))
    recent = hourly_answers(user_id, now - dt.timedelta(days=CHART_DAYS + 1), deck_id)
    return Dashboard(
        counts=card_counts(rows, visible_count(deck_id), end_of_today),
        streak=streak({local_day(hour, tz) for hour, _n, _r in active}, today),
        days=daily(recent, today, tz, days=CHART_DAYS),
        forecast=forecast((c.due for c in rows), today, tz),
        weakest=[(c, texts[c.question_id]) for c in weakest(rows)],
        today=today,
    )


def weakest_ids(user_id: int, deck_id: str) -> list[str]:
    """The ids "practise these" starts a run with (computed again here: the form carries no ids)."""
    return [card.question_id for card in weakest([c for c, _t in deck_cards(user_id, deck_id)])]


HISTORY_HEADER = ["answered_at_utc", "deck", "question_id", "question", "answer_given", "verdict",
                  "time_taken_ms"]


def history_table(user: User) -> list[tuple]:
    """Every answer the learner ever gave, oldest first, as plain values: naive UTC time, deck, question id,
    the question as plain text (cloze gaps as [answer]), answer, verdict, milliseconds taken or None."""
    return [
        (created, deck, qid, cloze_plain(text), given, verdict, taken)
        for created, deck, qid, text, given, verdict, taken in db.session.execute(
            select(Attempt.created_at, Question.deck_id, Attempt.question_id, Question.text,
                   Attempt.answer_given, Attempt.verdict, Attempt.time_taken_ms)
            .join(Question, Attempt.question_id == Question.id)
            .where(Attempt.user_id == user.id).order_by(Attempt.created_at, Attempt.id)
        )
    ]


def history_rows(user: User) -> list[tuple]:
    """The learner's history as the CSV has it (HISTORY_HEADER): times in ISO 8601 UTC."""
    return [(row[0].isoformat(timespec="seconds"), *row[1:]) for row in history_table(user)]


@dataclass(frozen=True)
class GivenAnswer:
    """One answer a student gave: as typed or chosen, its verdict, how long it took, when (naive UTC)."""

    answer: str
    verdict: str
    time_taken_ms: int | None
    answered_at: dt.datetime


def answers_by_item(user_id: int, deck_id: str) -> list[tuple[Question, list[GivenAnswer]]]:
    """The student's answers on the deck, per item in deck order, newest answer first (one query)."""
    rows = db.session.execute(
        select(Question, Attempt.answer_given, Attempt.verdict, Attempt.time_taken_ms, Attempt.created_at)
        .join(Question, Attempt.question_id == Question.id)
        .where(Attempt.user_id == user_id, Question.deck_id == deck_id)
        .order_by(Question.position, Question.id, Attempt.created_at.desc(), Attempt.id.desc())
    ).all()
    items: dict[str, tuple[Question, list[GivenAnswer]]] = {}
    for question, given, verdict, taken, created in rows:
        items.setdefault(question.id, (question, []))[1].append(GivenAnswer(given, verdict, taken, created))
    return list(items.values())
