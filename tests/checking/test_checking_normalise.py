"""Normalisation and number reading, the ground both sides of a comparison stand on."""

from decimal import Decimal

import pytest

from quizapp.checking import normalise, parse_number


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("  Berlin  ", "de", "berlin"),
        ("BERLIN!", "de", "berlin"),
        ("„Nord Stream“", "de", "nord stream"),
        ("»Nord   Stream«", "de", "nord stream"),
        ('"Nord\tStream."', "de", "nord stream"),
        ("‚Kiew‘", "de", "kiew"),
        ("Straße", "de", "strasse"),
        ("STRASSE", "de", "strasse"),
        ("Größe", "de", "groesse"),
        ("Müller", "de", "mueller"),
        ("Ärzte", "de", "aerzte"),
        ("Mu\u0308ller", "de", "mueller"),  # decomposed umlaut
        ("15.000", "de", "15000"),
        ("15 000 Soldaten", "de", "15000 soldaten"),
        ("1,2 Mio. Euro", "de", "1200000 euro"),
        ("1,50", "de", "1,5"),
        ("1.2", "de", "1.2"),  # not a German number: stays as typed
        ("1.2", "en", "1.2"),
        ("17km", "de", "17 km"),
        ("-3 Grad", "de", "-3 grad"),
        ("...", "de", ""),
        ("", "de", ""),
    ],
)
def test_normalise(text: str, language: str, expected: str) -> None:
    assert normalise(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("15.000", "de", Decimal(15000)),
        ("15000", "de", Decimal(15000)),
        ("15 000", "de", Decimal(15000)),
        ("15\u00a0000", "de", Decimal(15000)),
        ("15\u202f000", "de", Decimal(15000)),
        ("1.200.000", "de", Decimal(1200000)),
        ("1,2 Millionen", "de", Decimal(1200000)),
        ("1,2 Million", "de", Decimal(1200000)),
        ("1,2 Mio.", "de", Decimal(1200000)),
        ("3 Milliarden", "de", Decimal(3 * 10**9)),
        ("3,5 Mrd.", "de", Decimal(35 * 10**8)),
        ("2 Tausend", "de", Decimal(2000)),
        ("2 Tsd.", "de", Decimal(2000)),
        ("1,2", "de", Decimal("1.2")),
        ("-3", "de", Decimal(-3)),
        ("1.000,5", "de", Decimal("1000.5")),
        ("15,000", "en", Decimal(15000)),
        ("1.2 million", "en", Decimal(1200000)),
        ("2 billion", "en", Decimal(2 * 10**9)),
        ("15 000", "en", Decimal(15000)),
        ("1.2", "de", None),  # ambiguous grouping: strict Babel refuses it
        ("1.23", "de", None),
        ("1,2", "en", None),
        ("17 km", "de", None),
        ("Millionen", "de", None),
        ("zwölf", "de", None),
        ("1e5", "de", None),
        ("", "de", None),
        ("1" * 500, "de", None),
    ],
)
def test_parse_number(text: str, language: str, expected: Decimal | None) -> None:
    assert parse_number(text, language) == expected


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        normalise("15", "xx")
