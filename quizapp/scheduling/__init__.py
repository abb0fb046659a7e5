"""Spaced repetition with FSRS: answers become ratings, cards round-trip through JSON (no Flask, no db)."""

from quizapp.scheduling.cards import CardState, new_card, review, state_name
from quizapp.scheduling.rating import SPEED_LIMITS, SpeedLimits, rating_for

__all__ = ["SPEED_LIMITS", "CardState", "SpeedLimits", "new_card", "rating_for", "review", "state_name"]
