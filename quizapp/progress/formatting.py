"""Numbers on the progress pages in the page's language: 58,3 % and 4,2 s on German pages."""

from __future__ import annotations

import re

from flask_babel import format_decimal, format_percent, get_locale

from quizapp.progress import bp


def percent_pattern(pattern: str, digits: int) -> str:
    """The locale's percent pattern with `digits` decimals.

    >>> percent_pattern("#,##0\\xa0%", 1), percent_pattern("#,##0%", 0)
    ('#,##0.0\\xa0%', '#,##0%')
    """
    if not digits:
        return pattern
    return re.sub(r"0(?=[^0#,.]*%)", "0." + "0" * digits, pattern, count=1)


@bp.app_template_filter("percent")
def percent(share: float | None, digits: int = 0) -> str:
    """A share (0.583) as a percentage in the page's language ("58,3 %" with digits=1); "–" for None."""
    if share is None:
        return "–"
    return format_percent(share, format=percent_pattern(get_locale().percent_formats[None].pattern, digits))


@bp.app_template_filter("seconds")
def seconds(milliseconds: int | None) -> str:
    """A time taken in seconds with one decimal ("4,2 s"); "–" when it was not measured."""
    if milliseconds is None:
        return "–"
    return format_decimal(milliseconds / 1000, format="#,##0.0") + "\u00a0s"
