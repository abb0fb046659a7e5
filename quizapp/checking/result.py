"""The outcome of checking one typed answer."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Verdict(enum.Enum):
    """How a teacher would mark the answer."""

    RIGHT = "right"
    ALMOST = "almost"
    WRONG = "wrong"


@dataclass(frozen=True)
class CheckResult:
    """A verdict, the form it matched (the correct spelling when almost) and a short English message."""

    verdict: Verdict
    matched: str | None = None
    message: str | None = None

