"""The rating rule: wrong Again, almost or slow Hard, right Good, right and fast Easy."""

import pytest
from fsrs import Rating

from quizapp.scheduling import rating_for
from quizapp.scheduling.rating import speed_limits


@pytest.mark.parametrize(("verdict", "kind", "taken", "expected"), [
    ("wrong", "mcq", 1_000, Rating.Again),
    ("wrong", "cloze", None, Rating.Again),
    ("almost", "cloze", 2_000, Rating.Hard),
    ("almost", "cloze", None, Rating.Hard),
    ("right", "mcq", 5_999, Rating.Easy),
    ("right", "mcq", 6_000, Rating.Good),
    ("right", "mcq", 20_000, Rating.Good),
    ("right", "mcq", 20_001, Rating.Hard),
    ("right", "cloze", 9_999, Rating.Easy),
    ("right", "cloze", 12_000, Rating.Good),
    ("right", "cloze", 30_001, Rating.Hard),
    ("right", "mcq", None, Rating.Good),  # time not measured: no bonus, no penalty
])
def test_rating_rule(verdict, kind, taken, expected):
    assert rating_for(verdict, kind, taken) == expected


def test_cloze_with_more_gaps_gets_more_time():
    assert rating_for("right", "cloze", 14_000, gaps=2) == Rating.Easy
    assert rating_for("right", "cloze", 34_000, gaps=2) == Rating.Good
    assert speed_limits("mcq", gaps=3) == speed_limits("mcq")


def test_unknown_verdict_is_an_error():
    with pytest.raises(ValueError, match="verdict"):
        rating_for("maybe", "mcq", 1000)
