"""Reading and writing numbers in the article's own format ("15.000", "1,2", "3000")."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

# German number words a news text writes for small or round counts ("fünf Monate", "dreißig Jahre").
NUMBER_WORDS = dict(
    enumerate(
        ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf"]
        + ["zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"]
        + ["zwanzig"]
    )
)
NUMBER_WORDS |= {30: "dreißig", 40: "vierzig", 50: "fünfzig", 60: "sechzig", 70: "siebzig", 80: "achtzig"}
NUMBER_WORDS |= {90: "neunzig", 100: "hundert"}
WORD_VALUES = {word: value for value, word in NUMBER_WORDS.items()}
# An age written as one word: "der 26-Jährige", "ein 45-jähriger Mann".
AGE = re.compile(r"^(\d{1,3})-[jJ]ährig\w*$")
# A count glued to its word: an age, "800-mal", "der 25-fache Weltmeister".
GLUED_COUNT = re.compile(r"^(\d{1,3}(?:\.\d{3})*)-(?:[jJ]ährig\w*|mal|fach\w*)$")


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


def number_part(text: str) -> str:
    """The number in a token that counts: "26" of "26-Jährige", "800" of "800-mal", else the token itself.

    >>> number_part("26-Jährige"), number_part("800-mal"), number_part("15.000"), number_part("fünf")
    ('26', '800', '15.000', 'fünf')
    """
    glued = GLUED_COUNT.match(text)
    return glued.group(1) if glued else text


def written_value(text: str, locale: str = "de") -> float | None:
    """The value of a number in digits, a German number word or an age ("fünf" 5, "26-Jährige" 26).

    >>> written_value("Fünf"), written_value("26-jähriger"), written_value("1,2"), written_value("Haus")
    (5.0, 26.0, 1.2, None)
    """
    if locale == "de" and text.lower() in WORD_VALUES:
        return float(WORD_VALUES[text.lower()])
    return parse_number(number_part(text), locale)


def word_like(value: float, template: str) -> str | None:
    """value as a German number word, capitalised like template; None if there is no such word.

    >>> word_like(7, "fünf"), word_like(20, "Zehn"), word_like(23, "zehn")
    ('sieben', 'Zwanzig', None)
    """
    word = NUMBER_WORDS.get(int(value)) if value == int(value) else None
    if word is None:
        return None
    return word.capitalize() if template[:1].isupper() else word
