"""Where a live game stands at a given moment.

The database keeps what the teacher did (started, moved to question n, paused, ended) and when the current
question's countdown ends; the phase follows from that and the clock, so no timer has to run anywhere: a
question whose countdown is over (or that every player answered, which ends the countdown early) is revealed
by whoever looks next. Every page computes the same phase from the same row.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum


class Phase(str, Enum):
    LOBBY = "lobby"  # players join; the projector shows the PIN
    QUESTION = "question"  # the countdown runs; answers are taken
    PAUSED = "paused"  # the teacher stopped the countdown; answers wait
    REVEAL = "reveal"  # the answer, the distribution, the leaderboard
    ENDED = "ended"  # the podium


def phase_at(state: str, ends_at: dt.datetime | None, now: dt.datetime) -> Phase:
    """The phase of a game whose stored state is `state` ("lobby", "question", "paused", "reveal", "ended").

    >>> t = dt.datetime(2026, 12, 2, 9, 0, 0)
    >>> phase_at("question", t, t - dt.timedelta(seconds=1)).value, phase_at("question", t, t).value
    ('question', 'reveal')
    >>> phase_at("paused", None, t).value, phase_at("lobby", None, t).value
    ('paused', 'lobby')
    """
    if state == "question":
        return Phase.QUESTION if ends_at is not None and now < ends_at else Phase.REVEAL
    return Phase(state)


def remaining_ms(ends_at: dt.datetime | None, now: dt.datetime) -> int:
    """Milliseconds left on the countdown (0 when over); pages count down from this, not from their clocks.

    >>> t = dt.datetime(2026, 12, 2, 9, 0, 0)
    >>> remaining_ms(t, t - dt.timedelta(seconds=2.5)), remaining_ms(t, t + dt.timedelta(seconds=1))
    (2500, 0)
    """
    if ends_at is None:
        return 0
    return max(0, int((ends_at - now).total_seconds() * 1000))
