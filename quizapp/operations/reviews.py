"""Spaced repetition in the database: each new attempt updates the learner's card; the review queue."""

from __future__ import annotations

import datetime as dt

from flask import current_app
from sqlalchemy import Row, and_, bindparam, case, func, or_, select, update

from quizapp.analytics.days import today_bounds
from quizapp.bank import cloze_gaps
from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question, QuizRun, ReviewCard, User
from quizapp.models.time import utcnow
from quizapp.operations.deck_access import reachable_by
from quizapp.operations.item_tallies import count_first_attempt
from quizapp.operations.statements import insert_returning_id
from quizapp.scheduling import rating_for, review
from quizapp.scheduling.cards import Rating


def visible_to_students():
    """SQL condition: the question is live in a live, published deck not archived (join Deck first)."""
    return and_(Question.in_file.is_(True), Deck.in_files.is_(True), Deck.published.is_(True),
                Deck.archived.is_(False),
                or_(Question.status == "approved", and_(Question.status == "draft", Deck.show_drafts.is_(True))))


CARDS = ReviewCard.__table__
UPDATE_CARD = update(CARDS).where(CARDS.c.id == bindparam("card_id"))


def update_review(attempt: Attempt, question: Question, now: dt.datetime | None = None) -> None:
    """Rate the attempt, move the learner's FSRS card on, keep the card's running totals and, for a first
    attempt, the item-analysis tallies: one INSERT or one UPDATE of the card, without loading it as an entity."""
    now = now or attempt.created_at or utcnow()
    gaps = len(cloze_gaps(question.text)) if question.type == "cloze" else 1
    rating = rating_for(attempt.verdict, question.type, attempt.time_taken_ms, gaps=gaps)
    right = int(attempt.verdict == "right")
    card = find_card(attempt.user_id, question.id)
    if card is None:
        first = dict(user_id=attempt.user_id, question_id=question.id, correct_count=right, first_seen=now,
                     first_verdict=attempt.verdict, first_answer=attempt.answer_given)
        # the card is unique: a first attempt in a second tab is not counted twice
        if insert_returning_id(CARDS, ("user_id", "question_id"), first | rated(None, rating, now)) is not None:
            count_first_attempt(attempt.user_id, question.id, attempt.verdict, attempt.answer_given)
            return
        card = find_card(attempt.user_id, question.id)  # the learner answered the same item in two tabs at once
    db.session.execute(UPDATE_CARD, dict(rated(card, rating, now), card_id=card.id,
                                         correct_count=card.correct_count + right))


def rated(card: Row | None, rating: Rating, now: dt.datetime) -> dict:
    """The card's FSRS columns after this review; lapses count forgetting a card that had reached review."""
    fuzz = bool(current_app.config.get("REVIEW_FUZZ", True))
    was_review = card is not None and card.state == "review"
    result = review((card.fsrs_card if card is not None else None) or None, rating, now, fuzz=fuzz)
    reps = (card.reps or 0) if card is not None else 0
    lapses = (card.lapses or 0) if card is not None else 0
    return dict(fsrs_card=result.fsrs_card, state=result.state, due=result.due,
                scheduled_days=result.scheduled_days, last_review=result.last_review, reps=reps + 1,
                lapses=lapses + int(was_review and rating == Rating.Again))


FIND_CARD = select(CARDS.c.id, CARDS.c.state, CARDS.c.fsrs_card, CARDS.c.reps, CARDS.c.lapses, CARDS.c.correct_count) \
    .where(CARDS.c.user_id == bindparam("user_id"), CARDS.c.question_id == bindparam("question_id")) \
    .with_for_update()


def find_card(user_id: int, question_id: str) -> Row | None:
    """The card's columns the next review needs, as a row (no entity, nothing to flush), locked until the
    transaction ends: answers to the same item arriving at once in several runs are applied one after the
    other, each to the card the previous one left (PostgreSQL's row lock; SQLite has one writer at a time,
    and the attempt was inserted before, so the transaction already writes)."""
    return db.session.execute(FIND_CARD, {"user_id": user_id, "question_id": question_id}).first()


def due_ids(user: User, until: dt.datetime, limit: int) -> list[str]:
    """The learner's cards due before `until` (the end of the local day), all decks, most overdue first."""
    return list(db.session.scalars(
        select(ReviewCard.question_id)
        .join(Question, ReviewCard.question_id == Question.id).join(Deck, Question.deck_id == Deck.id)
        .where(ReviewCard.user_id == user.id, ReviewCard.due < until, visible_to_students(), reachable_by(user))
        .order_by(ReviewCard.due, ReviewCard.question_id).limit(limit)
    ))


def due_status(user: User, until: dt.datetime) -> tuple[int, dt.datetime | None]:
    """How many of the learner's cards are due before `until`, and when the first one after it is due."""
    count, next_due = db.session.execute(
        select(func.sum(case((ReviewCard.due < until, 1), else_=0)),
               func.min(case((ReviewCard.due >= until, ReviewCard.due), else_=None)))
        .join(Question, ReviewCard.question_id == Question.id).join(Deck, Question.deck_id == Deck.id)
        .where(ReviewCard.user_id == user.id, visible_to_students(), reachable_by(user))
    ).one()
    return count or 0, next_due


def new_ids(user: User, now: dt.datetime, per_deck: int, tz: str) -> list[str]:
    """Items the learner has never answered, at most `per_deck` a day per deck, in deck and file order."""
    start, _end = today_bounds(now, tz)
    started_today = dict(db.session.execute(
        select(Question.deck_id, func.count(ReviewCard.id))
        .join(Question, ReviewCard.question_id == Question.id)
        .where(ReviewCard.user_id == user.id, ReviewCard.first_seen >= start)
        .group_by(Question.deck_id)
    ).all())
    seen = select(ReviewCard.id).where(ReviewCard.user_id == user.id, ReviewCard.question_id == Question.id)
    rows = db.session.execute(
        select(Question.id, Question.deck_id).join(Deck, Question.deck_id == Deck.id)
        .where(visible_to_students(), reachable_by(user), ~seen.exists())
        .order_by(Deck.title, Deck.id, Question.position, Question.id)
    ).all()
    taken: dict[str, int] = {}
    chosen = []
    for qid, deck_id in rows:
        allowance = per_deck - started_today.get(deck_id, 0) - taken.get(deck_id, 0)
        if allowance > 0:
            chosen.append(qid)
            taken[deck_id] = taken.get(deck_id, 0) + 1
    return chosen


def review_queue(user: User, now: dt.datetime) -> list[str]:
    """What a review serves: everything due (oldest first), then today's new items, up to the run size."""
    config = current_app.config
    size = int(config["REVIEW_RUN_SIZE"])
    day_start, end_of_today = today_bounds(now, config["TIMEZONE"])
    queue = due_ids(user, end_of_today, size)
    if len(queue) < size:
        fresh = new_ids(user, now, int(config["REVIEW_NEW_PER_DAY"]), config["TIMEZONE"])
        queue += fresh[: size - len(queue)]
    return one_per_fact(user, queue, day_start)


def one_per_fact(user: User, queue: list[str], day_start: dt.datetime) -> list[str]:
    """The queue with at most one item per fact (the mcq where both are queued: recognition first), and
    without the siblings of items the learner answered today (buried until tomorrow), in two queries."""
    if not queue:
        return queue
    facts = {qid: (deck_id, fact, qtype) for qid, deck_id, fact, qtype in db.session.execute(
        select(Question.id, Question.deck_id, Question.fact_key, Question.type)
        .where(Question.id.in_(queue)))}
    answered_today = db.session.execute(
        select(Question.deck_id, Question.fact_key, Question.id)
        .join(ReviewCard, ReviewCard.question_id == Question.id)
        .where(ReviewCard.user_id == user.id, ReviewCard.last_review >= day_start,
               Question.fact_key.in_({fact for _deck, fact, _type in facts.values() if fact}))).all()
    buried = {qid for qid, (deck_id, fact, _type) in facts.items()
              if any((d, f) == (deck_id, fact) and other != qid for d, f, other in answered_today)}
    chosen: dict[tuple, str] = {}
    for qid in queue:
        deck_id, fact, qtype = facts[qid]
        key = (deck_id, fact or qid)
        if qid in buried:
            continue
        if key not in chosen or (qtype == "mcq" and facts[chosen[key]][2] != "mcq"):
            chosen[key] = qid
    keep = set(chosen.values())
    return [qid for qid in queue if qid in keep]


def start_review_run(user: User, now: dt.datetime | None = None) -> QuizRun | None:
    """A cross-deck run (deck None, mode 'review') over the queue, started as every run is (the unfinished
    one ends); None when nothing is due or new."""
    from quizapp.operations.quiz import start_run  # quiz imports this module

    now = now or utcnow()
    queue = review_queue(user, now)
    if not queue:
        return None
    return start_run(user, None, queue, mode="review", now=now)
