"""Lenient checking of typed answers, the way a teacher would mark them (no Flask, no database)."""

from quizapp.checking.check import check_answer
from quizapp.checking.result import CheckResult, Verdict
from quizapp.checking.tokens import normalise, parse_number

__all__ = ["CheckResult", "Verdict", "check_answer", "normalise", "parse_number"]
