"""The rating rule: how one answer (verdict, question type, time taken) becomes an FSRS rating.

| verdict | time taken                         | rating |
| ------- | ---------------------------------- | ------ |
| wrong   | any                                | Again  |
| almost  | any                                | Hard   |
| right   | slower than the type's `slow_ms`   | Hard   |
| right   | faster than the type's `fast_ms`   | Easy   |
| right   | in between, or not measured        | Good   |

Thresholds per question type (an mcq is read and clicked; a cloze gap is recalled and typed):

| type  | fast (Easy) below | slow (Hard) above |
| ----- | ----------------- | ----------------- |
| mcq   | 6 s               | 20 s              |
| cloze | 10 s              | 30 s              |

A cloze item with several gaps gets 5 s more per extra gap on both thresholds. Unknown types use the
cloze thresholds. See docs/scheduling.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from fsrs import Rating


@dataclass(frozen=True)
class SpeedLimits:
    """Below `fast_ms` a right answer is Easy, above `slow_ms` it is only Hard."""

    fast_ms: int
    slow_ms: int


SPEED_LIMITS: dict[str, SpeedLimits] = {
    "mcq": SpeedLimits(fast_ms=6_000, slow_ms=20_000),
    "cloze": SpeedLimits(fast_ms=10_000, slow_ms=30_000),
}
EXTRA_GAP_MS = 5_000


def speed_limits(question_type: str, gaps: int = 1) -> SpeedLimits:
    """The thresholds for a question type, widened for cloze items with several gaps.

    >>> speed_limits("cloze", gaps=3)
    SpeedLimits(fast_ms=20000, slow_ms=40000)
    """
    base = SPEED_LIMITS.get(question_type, SPEED_LIMITS["cloze"])
    extra = EXTRA_GAP_MS * max(0, gaps - 1) if question_type != "mcq" else 0
    return SpeedLimits(base.fast_ms + extra, base.slow_ms + extra)


def rating_for(verdict: str, question_type: str, time_taken_ms: int | None, gaps: int = 1) -> Rating:
    """The FSRS rating for one answer, by the rule in this module's docstring.

    >>> rating_for("right", "mcq", 3_000).name, rating_for("right", "mcq", None).name
    ('Easy', 'Good')
    """
    if verdict == "wrong":
        return Rating.Again
    if verdict == "almost":
        return Rating.Hard
    if verdict != "right":
        raise ValueError(f"unknown verdict {verdict!r}")
    if time_taken_ms is None:
        return Rating.Good
    limits = speed_limits(question_type, gaps)
    if time_taken_ms > limits.slow_ms:
        return Rating.Hard
    if time_taken_ms < limits.fast_ms:
        return Rating.Easy
    return Rating.Good
