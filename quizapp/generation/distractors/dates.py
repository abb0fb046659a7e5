"""Dates and years nearby and in the same form: "Juni 2024" -> "März 2024", "Juni 2023"."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from ..facts import Fact
from ..facts.dates import MONTH_ALIASES, MONTH_NAMES
from . import Pool, stable_order


def date_candidates(fact: Fact, pool: Pool) -> Iterator[str]:
    """Nearby years, months of the same year, or nearby months, never after the article's date."""
    latest = _year_month(pool.article_date)
    tokens = fact.sentence.tokens[fact.first : fact.last]
    if fact.kind == "jahr":
        year = int(fact.value or 0)
        years = [year + k for k in (-4, -3, -2, -1, 1, 2, 3)]
        yield from stable_order(fact.answer, [str(y) for y in years if not latest or y <= latest[0]])
        return
    month_token = next(token for token in tokens if token.text in MONTH_ALIASES)
    month = MONTH_ALIASES[month_token.text]
    if fact.cls == "tag-jahr":  # "October 20, 1964" (English): the same day in other months and years
        yield from _full_dates(fact, month_token.text, month, latest)
        return
    prefix = fact.answer[: fact.answer.index(month_token.text)]
    year = int(fact.value) if fact.value else None
    options = []
    for k in (-5, -4, -3, -2, 2, 3, 4, 5):
        other_month = (month + k) % 12
        other_year = year + (month + k) // 12 if year else None
        if latest and other_year and (other_year, other_month + 1) > latest:
            continue
        options.append(
            prefix
            + MONTH_NAMES[fact.sentence.language][other_month]
            + (f" {other_year}" if other_year else "")
        )
    if year:
        options += [f"{prefix}{month_token.text} {y}" for y in (year - 1, year - 2)]
    yield from stable_order(fact.answer, options)


def _full_dates(fact: Fact, month_name: str, month: int, latest: tuple[int, int] | None) -> Iterator[str]:
    """ "October 20, 1964" -> "March 20, 1964", "October 20, 1962": the answer with its month or its year
    changed, never after the article's date."""
    year = int(fact.value or 0)
    day = int(re.search(r"\b(\d{1,2})(?!\d)", fact.answer)[1])
    options = []
    for k in (-5, -4, -3, 3, 4, 5):
        fits = 0 <= month + k < 12 and day <= calendar.monthrange(2001, month + k + 1)[1]  # no "February 30"
        if fits and (not latest or (year, month + k + 1) <= latest):
            options.append(fact.answer.replace(month_name, MONTH_NAMES["en"][month + k]))
    for y in (year - 2, year - 1, year + 1):
        if not latest or (y, month + 1) <= latest:
            options.append(fact.answer.replace(str(year), str(y)))
    yield from stable_order(fact.answer, options)


def _year_month(date: str | None) -> tuple[int, int] | None:
    if not date:
        return None
    parts = date.split("-")
    return int(parts[0]), int(parts[1]) if len(parts) > 1 else 12
