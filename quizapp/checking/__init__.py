"""Lenient checking of typed answers, the way a teacher would mark them (no Flask, no database)."""

from quizapp.checking.check import check_answer, warm_up
from quizapp.checking.result import CheckResult, Reason, Verdict, Why
from quizapp.checking.tokens import normalise, parse_number

__all__ = ["CheckResult", "Reason", "Verdict", "Why", "check_answer", "normalise", "parse_number", "warm_up"]
