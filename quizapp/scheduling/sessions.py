"""Which questions a study session asks, and in what order (no Flask, no database; the time is passed in).

A deck's items are grouped by fact (siblings: the cloze and the mcq item of one gap share a fact key).
A session asks at most one item per fact, chosen by **recognition before recall** (as Quizlet's Learn
mode): a fact never answered, or missed at its last answer, is asked as multiple choice where it has an
mcq item; once its last answer was right (or almost right) it is asked as a typed cloze. A fact whose
preferred item is a sibling of an item answered today is **buried** until the next local day (as Anki
buries siblings). The session takes the facts that are due (most overdue first), then new ones (file
order), then, to fill the length, the ones due soonest; it mixes them in an order seeded per learner
and session, and never puts two items from the same source sentence next to each other when another
order is possible. See docs/scheduling.md.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

SESSION_LENGTHS = (10, 15, 30)
DEFAULT_LENGTH = 15
GOOD_VERDICTS = ("right", "almost")


@dataclass(frozen=True)
class Candidate:
    """One visible item with what the learner's history says about it."""

    id: str
    fact: str
    sentence: str
    type: str
    position: int = 0
    due: dt.datetime | None = None  # the learner's card; None: never answered
    last_review: dt.datetime | None = None
    last_verdict: str | None = None  # of the learner's latest answer to this item


def preferred_item(siblings: list[Candidate]) -> Candidate:
    """Recognition before recall: mcq until the fact's last answer was right, then the cloze item."""
    answered = [c for c in siblings if c.last_review is not None]
    last = max(answered, key=lambda c: c.last_review) if answered else None
    wanted = "cloze" if last is not None and last.last_verdict in GOOD_VERDICTS else "mcq"
    of_type = [c for c in siblings if c.type == wanted]
    if of_type:
        return min(of_type, key=lambda c: c.position)
    return last if last is not None else min(siblings, key=lambda c: c.position)


def fact_due(siblings: list[Candidate]) -> dt.datetime | None:
    """A fact is due when the card of its most recently answered item is; None for a new fact."""
    answered = [c for c in siblings if c.last_review is not None]
    return max(answered, key=lambda c: c.last_review).due if answered else None


def buried(siblings: list[Candidate], chosen: Candidate, day_start: dt.datetime) -> bool:
    """True when another item of the fact was answered today: the chosen sibling waits for tomorrow."""
    return any(c.id != chosen.id and c.last_review is not None and c.last_review >= day_start
               for c in siblings)


def plan_session(candidates: list[Candidate], now: dt.datetime, day_start: dt.datetime, length: int | None,
                 seed: str) -> list[str]:
    """The item ids of a session of `length` questions (None: every fact once, a full test, nothing
    buried), one per fact, mixed reproducibly by `seed`."""
    facts: dict[str, list[Candidate]] = {}
    for candidate in sorted(candidates, key=lambda c: (c.position, c.id)):
        facts.setdefault(candidate.fact, []).append(candidate)
    due, new, later = [], [], []
    for siblings in facts.values():
        chosen = preferred_item(siblings)
        if length is not None and buried(siblings, chosen, day_start):
            continue
        when = fact_due(siblings)
        if when is None:
            new.append(chosen)
        elif when <= now:
            due.append((when, chosen))
        else:
            later.append((when, chosen))
    ordered = [c for _when, c in sorted(due, key=lambda p: (p[0], p[1].position))] + new \
        + [c for _when, c in sorted(later, key=lambda p: (p[0], p[1].position))]
    chosen_items = ordered if length is None else ordered[:length]
    rng = random.Random(seed)
    rng.shuffle(chosen_items)
    return [c.id for c in spread_sentences(chosen_items)]


def spread_sentences(items: list[Candidate]) -> list[Candidate]:
    """The same items, each next one from another source sentence than the one before where possible
    (the most frequent remaining sentence first, so that the end of the list is not left with neighbours)."""
    pool = list(items)
    result: list[Candidate] = []
    while pool:
        counts: dict[str, int] = {}
        for c in pool:
            counts[c.sentence] = counts.get(c.sentence, 0) + 1
        previous = result[-1].sentence if result else None
        allowed = [c for c in pool if c.sentence != previous] or pool
        pick = max(allowed, key=lambda c: counts[c.sentence])  # first of the most frequent, stable
        pool.remove(pick)
        result.append(pick)
    return result


def session_length(value: str | None) -> int | None | bool:
    """The length a learner picked: 10, 15 or 30, None for all; False for anything else.

    >>> session_length("30"), session_length("all"), session_length(None), session_length("7")
    (30, None, 15, False)
    """
    if value is None or value == "":
        return DEFAULT_LENGTH
    if value == "all":
        return None
    return int(value) if value in {str(n) for n in SESSION_LENGTHS} else False
