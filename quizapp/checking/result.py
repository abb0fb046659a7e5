"""The outcome of checking one typed answer, with the reasons a lenient decision was taken."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Verdict(enum.Enum):
    """How a teacher would mark the answer."""

    RIGHT = "right"
    ALMOST = "almost"
    WRONG = "wrong"


class Why(enum.Enum):
    """Why an answer that is not written exactly as expected was still accepted (or almost)."""

    IGNORED_WORDS = "ignored_words"  # a leading article or preposition the gap does not contain
    UNIT = "unit"  # a unit after the number: the sentence's own, or the same unit abbreviated
    SPELLED_NUMBER = "spelled_number"  # "vierundzwanzig" for 24
    DECIMAL_POINT = "decimal_point"  # "4.5" in a German deck: right, with a note on the decimal comma
    DECIMAL_COMMA = "decimal_comma"  # "4,5" in an English deck: right, with a note on the decimal point
    HYPHEN_SPACE = "hyphen_space"  # "Kim Jong-un" for "Kim Jong Un"
    INFLECTION = "inflection"  # "Angriffskriegs" for "Angriffskrieges"
    SURNAME = "surname"  # "Putin" for "Wladimir Putin"
    OTHER_NAME = "other_name"  # "Kiew" for "Kyjiw": GeoNames or CLDR list both for one place
    MONTH_SPELLING = "month_spelling"  # "Jänner" for "Januar": the Austrian name of the month
    SPELLING = "spelling"  # one letter off: almost


MESSAGES = {
    Why.IGNORED_WORDS: 'we ignored "{}"',
    Why.UNIT: '"{}" after the number counts too',
    Why.SPELLED_NUMBER: "the number written out is {}",
    Why.DECIMAL_POINT: "German writes a decimal comma: {}",
    Why.DECIMAL_COMMA: "English writes a decimal point: {}",
    Why.HYPHEN_SPACE: "hyphens and spaces in names do not count",
    Why.INFLECTION: 'another form of "{}"',
    Why.SURNAME: 'the surname is enough for "{}"',
    Why.OTHER_NAME: 'another name for "{}"',
    Why.MONTH_SPELLING: 'another spelling of the month "{}"',
    Why.SPELLING: 'almost: the spelling is "{}"',
}


@dataclass(frozen=True)
class Reason:
    """One step of a lenient decision and the text it is about (the word ignored, the expected form)."""

    why: Why
    detail: str = ""

    def __str__(self) -> str:
        return MESSAGES[self.why].format(self.detail)


@dataclass(frozen=True)
class CheckResult:
    """A verdict, the form it matched (the correct spelling when almost), a short English message and the
    reasons behind a lenient decision (empty when the answer was written as expected)."""

    verdict: Verdict
    matched: str | None = None
    message: str | None = None
    reasons: tuple[Reason, ...] = ()
