"""Numbers of the same magnitude and format: "17" -> "12", "23", "30"; "4,5" -> "2,5", "6,5";
"fünf" -> "drei", "sieben", "zehn"; "26-Jährige" -> "20-Jährige"."""

from __future__ import annotations

import math
from collections.abc import Iterator

from ..facts import Fact
from ..numerals import AGE, WORD_VALUES, format_like, number_part, number_shape, word_like
from . import Pool, stable_order


def number_candidates(fact: Fact, pool: Pool) -> Iterator[str]:
    """Numbers near the answer on its own grid of round values, one below and one above first."""
    value = fact.value or 0.0
    text = number_part(fact.sentence.tokens[fact.first].text)
    locale = fact.sentence.language
    in_words = text.lower() in WORD_VALUES
    age = AGE.match(fact.sentence.tokens[fact.first].text) is not None
    decimals = 0 if in_words else number_shape(text, locale)[0]
    step = roundness(value, decimals)
    percent = fact.last < len(fact.sentence.tokens) and fact.sentence.tokens[fact.last].text in (
        "Prozent",
        "%",
        "percent",
        "per",
    )
    degrees = fact.last < len(fact.sentence.tokens) and fact.sentence.tokens[fact.last].text == "Grad"
    values = []
    for k in range(-12, 13):
        candidate = round(value + k * step, 6)
        if k == 0 or candidate <= 0 or not 0.4 <= candidate / value <= 2.5:
            continue
        if abs(candidate - value) / value < 0.15 or (percent and candidate >= 100):
            continue
        if degrees and not 0.6 <= candidate / value <= 1.4:
            continue  # "bis zu 38 Grad": not 16 or 54
        if age and not 0.6 <= candidate / value <= 1.5:
            continue  # "der 26-Jährige": not 16 or 60
        if in_words and (candidate < 2 or word_like(candidate, text) is None):
            continue  # "fünf" -> "sieben", never "23" among words nor "eins" before a plural
        if value >= 1 and candidate < 1:
            continue
        if decimals and candidate == int(candidate) and value != int(value):
            continue  # "4,5" -> not "4,0"
        values.append(candidate)
    rest = fact.answer[len(text) :]  # " Millionen"
    ordered = spread(stable_order(fact.answer, values), value)
    if in_words:
        yield from (word_like(v, text) or "" for v in ordered)
    else:
        yield from (format_like(v, text, locale) + rest for v in ordered)


def spread(values: list[float], answer: float) -> list[float]:
    """One value below and one above the answer first, then the rest; no two within 10 % of each other."""
    below = [v for v in values if v < answer][:1]
    above = [v for v in values if v > answer][:1]
    result: list[float] = []
    for v in below + above + values:
        if all(abs(v - other) / max(v, other) >= 0.15 for other in result):
            result.append(v)
    return result


def roundness(value: float, decimals: int) -> float:
    """The coarsest step (1, 2 or 5 times a power of ten) the value is a multiple of.

    >>> roundness(15000, 0), roundness(4.5, 1), roundness(17, 0), roundness(40, 0)
    (5000, 0.5, 1, 20)
    """
    best = 10.0**-decimals
    for exponent in range(-decimals, int(math.log10(value)) + 1 if value >= 1 else 1):
        for factor in (1, 2, 5):
            step = factor * 10.0**exponent
            if step < value and abs(value / step - round(value / step)) < 1e-9:
                best = step
    return int(best) if best >= 1 else best
