"""Live quizzes in the classroom (no Flask, no database): points and ranks, the phases of a game, and the
fan-out that tells every open page that a game changed."""

from quizapp.live_quiz.phases import Phase, phase_at, remaining_ms
from quizapp.live_quiz.scoring import MAX_POINTS, Standing, points, ranked

__all__ = ["MAX_POINTS", "Phase", "Standing", "phase_at", "points", "ranked", "remaining_ms"]
