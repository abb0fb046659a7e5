"""Reading numbers as people write them in a language: "15.000", "1,2 Mio.", "1.2 million"."""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

from babel.numbers import format_decimal, get_decimal_symbol, parse_decimal

from quizapp.checking.locales import locale_for

# Digits and separators only, so Babel never sees exponents, signs in odd places or huge inputs.
_NUMBER_SHAPE = re.compile(r"[-+]?[0-9]+(?:[.,'’][0-9]*)*")
_MAX_NUMBER_CHARS = 40

_SCALES: dict[str, dict[str, int]] = {
    "de": {
        "tsd": 10**3, "tausend": 10**3,
        "mio": 10**6, "million": 10**6, "millionen": 10**6,
        "mrd": 10**9, "md": 10**9, "milliarde": 10**9, "milliarden": 10**9,
        "bio": 10**12, "billion": 10**12, "billionen": 10**12,
    },
    "en": {
        "thousand": 10**3, "thousands": 10**3,
        "mn": 10**6, "million": 10**6, "millions": 10**6,
        "bn": 10**9, "billion": 10**9, "billions": 10**9,
        "tn": 10**12, "trillion": 10**12, "trillions": 10**12,
    },
}


def read_decimal(token: str, language: str) -> Decimal | None:
    """A single number token read strictly in the language's locale, or None.

    >>> read_decimal("15.000", "de"), read_decimal("1,2", "de"), read_decimal("1.2", "de")
    (Decimal('15000'), Decimal('1.2'), None)
    >>> read_decimal("15,000", "en")
    Decimal('15000')
    """
    token = token.replace("−", "-")
    if len(token) > _MAX_NUMBER_CHARS or not _NUMBER_SHAPE.fullmatch(token):
        return None
    try:
        return parse_decimal(token, locale=locale_for(language), strict=True)
    except (ValueError, ArithmeticError):
        return None


def scale_of(word: str, language: str) -> int | None:
    """The factor a scale word ("Mio", "Milliarden", "thousand") stands for, or None.

    >>> scale_of("Mio", "de"), scale_of("million", "en-GB"), scale_of("Kilometer", "de")
    (1000000, 1000000, None)
    """
    return _SCALES.get(locale_for(language).language, {}).get(word.casefold())


def scaled(number: Decimal, factor: int) -> Decimal:
    """The number times a scale factor, exactly."""
    with localcontext() as context:
        context.prec = 2 * _MAX_NUMBER_CHARS
        return number * factor


def format_number(number: Decimal, language: str) -> str:
    """A canonical spelling: no grouping, the locale's decimal sign, no trailing zeros.

    >>> format_number(Decimal("1200000.0"), "de"), format_number(Decimal("1.50"), "de")
    ('1200000', '1,5')
    """
    text = format((number + 0).normalize(), "f")
    return text.replace(".", get_decimal_symbol(locale_for(language)))


def display_number(number: Decimal, language: str) -> str:
    """A number as the language writes it for a reader, grouped.

    >>> display_number(Decimal("15000"), "de"), display_number(Decimal("4.5"), "de")
    ('15.000', '4,5')
    >>> display_number(Decimal("4.5"), "en")
    '4.5'
    """
    return format_decimal(number, locale=locale_for(language), decimal_quantization=False)
