"""Points and ranks, as Kahoot scores a quiz: right and fast scores more.

A right answer earns between 500 and 1000 points: 1000 at once, falling linearly to 500 at the last moment of
the countdown (Kahoot's "1000 x (1 - (time / limit) / 2)"). A wrong, almost right or missing answer earns 0:
almost right is counted apart, as everywhere else in quizapp, never as right.

Ties are broken the same way every time: equal points go to the player whose right answers took less time in
all, then to the one who joined first, so a leaderboard never flips between two reloads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MAX_POINTS = 1000


def points(verdict: str, time_ms: int, limit_ms: int) -> int:
    """Points for one answer.

    >>> points("right", 0, 20_000), points("right", 10_000, 20_000), points("right", 20_000, 20_000)
    (1000, 750, 500)
    >>> points("almost", 1_000, 20_000), points("wrong", 1_000, 20_000)
    (0, 0)
    """
    if verdict != "right" or limit_ms <= 0:
        return 0
    share = min(max(time_ms, 0), limit_ms) / limit_ms
    return round(MAX_POINTS * (1 - share / 2))


@dataclass(frozen=True)
class Standing:
    """One player's place: `right_ms` is the time their right answers took in all (the first tie-break),
    `joined` their order of joining (the second)."""

    player_id: int
    nickname: str
    score: int
    right: int
    right_ms: int
    joined: int
    rank: int = 0


def ranked(standings: Iterable[Standing]) -> list[Standing]:
    """Best first, each with its rank (1, 2, 3, ...; no shared places: ties are broken, see above).

    >>> rows = ranked([Standing(1, "Ana", 750, 1, 10_000, 1), Standing(2, "Ben", 750, 1, 4_000, 2),
    ...                Standing(3, "Cem", 1000, 1, 0, 3), Standing(4, "Dia", 750, 1, 4_000, 4)])
    >>> [(s.rank, s.nickname) for s in rows]
    [(1, 'Cem'), (2, 'Ben'), (3, 'Dia'), (4, 'Ana')]
    """
    order = sorted(standings, key=lambda s: (-s.score, s.right_ms, s.joined, s.player_id))
    return [Standing(s.player_id, s.nickname, s.score, s.right, s.right_ms, s.joined, rank)
            for rank, s in enumerate(order, start=1)]
