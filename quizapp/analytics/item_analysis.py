"""Item analysis as Moodle's quiz statistics compute it, on each learner's first attempt at each item.

Marks: right 1, anything else 0. An almost right answer (a small slip) is not right: it scores 0 here and is
counted apart (`ItemStats.almost`), as the session summary and the dashboard count it, so one answer means the
same on every page. For item i and the learners who answered it:
facility = mean mark; the rest score of a learner is the sum of their first-attempt marks on the deck's
other items (an item they never answered counts 0, as an unanswered question in a Moodle attempt);
discrimination index = 100 x r(item mark, rest score) with sample (n-1) variances; discriminative
efficiency = 100 x cov(item, rest) / the largest covariance the same marks could reach (both lists
sorted and paired).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

MARKS = {"right": 1.0, "almost": 0.0, "wrong": 0.0}


@dataclass(frozen=True)
class ItemInfo:
    """What the analysis needs to know about a question."""

    id: str
    type: str
    answer: str
    distractors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Flag:
    """A reason to look at an item again; `option` names the distractor for the option flags."""

    code: str
    option: str | None = None


@dataclass
class ItemStats:
    """One item's figures; None where the statistic is undefined (e.g. everyone got the same mark)."""

    item: ItemInfo
    learners: int
    enough: bool
    facility: float | None = None
    sd: float | None = None
    discrimination: float | None = None
    efficiency: float | None = None
    options: list[tuple[str, int, bool]] = field(default_factory=list)
    wrong_answers: list[tuple[str, int]] = field(default_factory=list)
    almost: int = 0
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True)
class Sums:
    """Sufficient statistics of one item: n learners, sums of mark x, rest score r, their squares and
    products, and `xr_sorted`, the sum of products when both lists are sorted and paired."""

    n: int
    x: float
    xx: float
    r: float
    rr: float
    xr: float
    xr_sorted: float


def sums_of(marks: list[float], rests: list[float]) -> Sums:
    """The sums for one item from its learners' marks and rest scores (the database computes the same)."""
    return Sums(len(marks), sum(marks), sum(x * x for x in marks), sum(rests), sum(r * r for r in rests),
                sum(x * r for x, r in zip(marks, rests)),
                sum(x * r for x, r in zip(sorted(marks), sorted(rests))))


def sums_by_item(first_marks: Iterable[tuple[object, str, float]]) -> dict[str, Sums]:
    """Per question id, from (learner, question id, mark) of each learner's first attempt at each item."""
    per_item: dict[str, list[tuple[object, float]]] = defaultdict(list)
    totals: dict[object, float] = defaultdict(float)
    for learner, qid, mark in first_marks:
        per_item[qid].append((learner, mark))
        totals[learner] += mark
    return {qid: sums_of([m for _l, m in pairs], [totals[learner] - m for learner, m in pairs])
            for qid, pairs in per_item.items()}


def sums_by_mark(groups: Iterable[tuple[str, float, Sequence[int]]]) -> dict[str, Sums]:
    """Per question id, from (question id, mark, ids of the learners whose first attempt got that mark).

    The same sums as `sums_by_item`, in array arithmetic: each learner's total is the sum of their marks
    over all the groups given (pass every question of the deck), so 200 items x 1,000 learners take
    milliseconds.

    >>> sums = sums_by_mark([("a", 1.0, [1, 2]), ("a", 0.0, [3]), ("b", 0.5, [1]), ("b", 1.0, [3])])
    >>> sums["a"] == sums_by_item([(1, "a", 1), (2, "a", 1), (3, "a", 0), (1, "b", .5), (3, "b", 1)])["a"]
    True
    """
    groups = sorted((g for g in groups if len(g[2])), key=lambda g: (g[0], -g[1]))  # blocks, high marks first
    if not groups:
        return {}
    sizes = [len(learners) for _qid, _mark, learners in groups]
    ids = np.concatenate([np.asarray(learners, dtype=np.int64) for _qid, _mark, learners in groups])
    marks = np.repeat(np.array([mark for _qid, mark, _l in groups], dtype=np.float64), sizes)
    rests = np.bincount(ids, weights=marks)[ids] - marks  # the learner's total on the deck minus this mark
    blocks: dict[str, tuple[int, int]] = {}  # question id -> its slice of the arrays
    end = 0
    for (qid, _mark, _l), size in zip(groups, sizes):
        blocks[qid] = (blocks.get(qid, (end, end))[0], end + size)
        end += size
    starts = [a for a, _b in blocks.values()]

    def per_item(values: np.ndarray) -> list[float]:
        return np.add.reduceat(values, starts).tolist()

    columns = zip(per_item(marks), per_item(marks * marks), per_item(rests), per_item(rests * rests),
                  per_item(marks * rests))
    return {qid: Sums(b - a, x, xx, r, rr, xr, float(np.dot(marks[a:b], np.sort(rests[a:b])[::-1])))
            for (qid, (a, b)), (x, xx, r, rr, xr) in zip(blocks.items(), columns)}


def figures(s: Sums) -> dict:
    """Facility, standard deviation, discrimination index and discriminative efficiency (n-1 variances).

    >>> f = figures(sums_of([1, 1, 1, 0, 0], [4, 1, 3, 2, 0]))
    >>> f["facility"], round(f["discrimination"], 1), round(f["efficiency"], 1)
    (0.6, 57.7, 66.7)
    """
    if s.n < 2:
        return {"facility": s.x / s.n if s.n else None, "sd": None, "discrimination": None, "efficiency": None}
    var_x = max(0.0, (s.xx - s.x * s.x / s.n) / (s.n - 1))
    var_r = max(0.0, (s.rr - s.r * s.r / s.n) / (s.n - 1))
    cov = (s.xr - s.x * s.r / s.n) / (s.n - 1)
    cov_max = (s.xr_sorted - s.x * s.r / s.n) / (s.n - 1)
    tiny = 1e-12  # sums of floats: treat rounding noise as zero
    return {
        "facility": s.x / s.n,
        "sd": math.sqrt(var_x),
        "discrimination": 100 * cov / math.sqrt(var_x * var_r) if var_x * var_r > tiny else None,
        "efficiency": 100 * cov / cov_max if abs(cov_max) > tiny else None,
    }


def analyse(items: list[ItemInfo], sums: Mapping[str, Sums],
            answer_counts: Mapping[str, Mapping[str, int]] | None = None,
            min_learners: int = 5, almost_counts: Mapping[str, int] | None = None) -> list[ItemStats]:
    """Statistics for each item, in the order given.

    sums: per question id (see `sums_by_item`); answer_counts: per question id, how often each first
    answer was given (option text or typed text) — for cloze items pass only the wrong ones;
    almost_counts: per question id, how many first answers were almost right.
    """
    answer_counts = answer_counts or {}
    almost_counts = almost_counts or {}
    results = []
    for item in items:
        s = sums.get(item.id)
        n = s.n if s else 0
        stats = ItemStats(item=item, learners=n, enough=n >= max(2, min_learners),
                          almost=almost_counts.get(item.id, 0))
        counts = Counter(answer_counts.get(item.id, {}))
        if item.type == "mcq":
            known = [item.answer, *item.distractors]
            stats.options = [(o, counts.get(o, 0), o == item.answer) for o in known]
            other = sum(c for a, c in counts.items() if a not in known)
            if other:
                stats.options.append(("", other, False))  # answers to options since edited away
        else:
            stats.wrong_answers = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        if stats.enough and s is not None:
            f = figures(s)
            stats.facility, stats.sd = f["facility"], f["sd"]
            stats.discrimination, stats.efficiency = f["discrimination"], f["efficiency"]
            stats.flags = flags_for(stats)
        results.append(stats)
    return results


def flags_for(stats: ItemStats) -> list[Flag]:
    """Moodle's flags (discrimination, efficiency) and ours (facility, distractors)."""
    flags = []
    if stats.discrimination is not None and stats.discrimination < 0:
        flags.append(Flag("negative_discrimination"))
    elif stats.discrimination is not None and stats.discrimination < 30:
        flags.append(Flag("weak_discrimination"))
    if stats.efficiency is not None and stats.efficiency < 15:
        flags.append(Flag("low_efficiency"))
    if stats.facility is not None and stats.facility > 0.9:
        flags.append(Flag("too_easy"))
    if stats.facility is not None and stats.facility < 0.2:
        flags.append(Flag("too_hard"))
    if stats.item.type == "mcq" and stats.options:
        right = next((c for _o, c, is_answer in stats.options if is_answer), 0)
        for option, count, is_answer in stats.options:
            if is_answer or not option:
                continue
            if count == 0:
                flags.append(Flag("distractor_unused", option))
            elif count > right:
                flags.append(Flag("distractor_beats_answer", option))
    return flags


SORT_COLUMNS = ("position", "learners", "facility", "discrimination", "efficiency", "flags")


def sort_stats(rows: list[tuple[object, ItemStats]], column: str, descending: bool = False
               ) -> list[tuple[object, ItemStats]]:
    """Rows of (question, stats) ordered by one column; items without that figure always come last.

    "position" keeps the order given (the deck's); "discrimination" ascending is worst first, as
    Moodle's weakest items are those that do not tell students who know from those who guess.

    >>> a, b, c = (ItemStats(ItemInfo(i, "mcq", "x"), 5, True, discrimination=d) for i, d in
    ...            [("a", 40.0), ("b", -10.0), ("c", None)])
    >>> [s.item.id for _q, s in sort_stats([(1, a), (2, b), (3, c)], "discrimination")]
    ['b', 'a', 'c']
    >>> [s.item.id for _q, s in sort_stats([(1, a), (2, b), (3, c)], "discrimination", descending=True)]
    ['a', 'b', 'c']
    """
    if column == "position":
        return list(reversed(rows)) if descending else list(rows)
    if column not in SORT_COLUMNS:
        raise ValueError(f"unknown column {column!r}")

    def value(stats: ItemStats) -> float | None:
        if column == "flags":
            return float(len(stats.flags))
        figure = getattr(stats, column)
        return None if figure is None or (column != "learners" and not stats.enough) else float(figure)

    known = [(v, i) for i, (_q, s) in enumerate(rows) if (v := value(s)) is not None]
    known.sort(key=lambda vi: (-vi[0] if descending else vi[0], vi[1]))
    unknown = [i for i, (_q, s) in enumerate(rows) if value(s) is None]
    return [rows[i] for _v, i in known] + [rows[i] for i in unknown]
