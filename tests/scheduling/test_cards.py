"""FSRS cards round-trip through the stored JSON; time is a parameter, so results are reproducible."""

import datetime as dt
import json

from fsrs import Rating

from quizapp.scheduling import new_card, review, state_name

T = dt.datetime(2025, 3, 1, 10, 0)


def test_first_answers_by_rating():
    assert review(None, Rating.Again, T, fuzz=False).due == T + dt.timedelta(minutes=1)
    good = review(None, Rating.Good, T, fuzz=False)
    assert (good.state, good.due) == ("learning", T + dt.timedelta(minutes=10))
    easy = review(None, Rating.Easy, T, fuzz=False)
    assert easy.state == "review" and easy.scheduled_days >= 1 and easy.last_review == T


def test_card_json_round_trip_keeps_scheduling():
    first = review(None, Rating.Easy, T, fuzz=False)
    stored = json.loads(json.dumps(first.fsrs_card))  # what the JSON column gives back
    second = review(stored, Rating.Easy, first.due, fuzz=False)
    assert second.scheduled_days > first.scheduled_days
    assert second.due.tzinfo is None  # naive UTC, like every database column


def test_forgetting_a_review_card_relearns_it():
    card = review(None, Rating.Easy, T, fuzz=False)
    again = review(card.fsrs_card, Rating.Again, card.due, fuzz=False)
    assert again.state == "relearning"
    assert again.due == card.due + dt.timedelta(minutes=10)


def test_same_inputs_same_schedule():
    runs = [review(review(None, Rating.Good, T, fuzz=False).fsrs_card, Rating.Good,
                   T + dt.timedelta(minutes=10), fuzz=False) for _ in range(2)]
    assert runs[0] == runs[1]


def test_new_card_is_due_now():
    card = new_card(T)
    assert state_name(card) == "learning"
    assert card["due"].startswith("2025-03-01T10:00:00")
