"""Reading and writing numbers in the article's own format ("15.000", "1,2", "3000")."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, format_decimal, parse_decimal


def parse_number(text: str, locale: str = "de") -> float | None:
    """The value of a number as written in the article.

    >>> parse_number("15.000"), parse_number("1,2"), parse_number("3000")
    (15000.0, 1.2, 3000.0)
    """
    try:
        return float(parse_decimal(text, locale=locale, strict=False))
    except (NumberFormatError, InvalidOperation):
        return None


def number_shape(text: str, locale: str = "de") -> tuple[int, bool, int]:
    """Decimals, whether thousands are grouped, and significant digits of a written number.

    >>> number_shape("15.000"), number_shape("4,5"), number_shape("3000"), number_shape("1,200", "en")
    ((0, True, 2), (1, False, 2), (0, False, 1), (0, True, 2))
    """
    decimal, group = (".", ",") if locale == "en" else (",", ".")
    integer, _, fraction = text.partition(decimal)
    digits = re.sub(r"\D", "", integer + fraction).lstrip("0")
    significant = len(digits.rstrip("0")) if not fraction else len(digits)
    return len(fraction), group in integer, max(significant, 1)


def format_like(value: float, template: str, locale: str = "de") -> str:
    """Write value in the same format as template (decimals and grouping).

    >>> format_like(12000, "15.000"), format_like(2.5, "1,2"), format_like(4000, "3000")
    ('12.000', '2,5', '4000')
    >>> format_like(2500, "3,000", "en")
    '2,500'
    """
    decimals, grouped, _ = number_shape(template, locale)
    pattern = ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")
    return format_decimal(Decimal(str(value)), format=pattern, locale=locale, group_separator=grouped)
