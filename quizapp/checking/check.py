"""Marking a typed answer against the expected answer and its accepted alternatives."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rapidfuzz.distance import OSA

from quizapp.checking.lenient import Context, matches, rewrites, surname_forms
from quizapp.checking.result import CheckResult, Reason, Verdict, Why
from quizapp.checking.tokens import Token, Word, tokenise

# Shorter words change meaning with one letter ("Juni"/"Juli", "Kurs"/"Kursk").
MIN_LETTERS_FOR_ALMOST = 5

# "17" is right for "17 Kilometer" but not for "17. Juni": a month is no unit.
_MONTHS = frozenset(
    "januar jaenner februar feber maerz april mai juni juli august september oktober november dezember "
    "january february march may june july october december".split()
)


def _same(given: list[Token], expected: list[Token]) -> bool:
    """Equal tokens, or just the number when the expected answer is a number with a unit."""
    if given == expected:
        return True
    return (
        len(given) == 1
        and isinstance(given[0], Decimal)
        and given == expected[:1]
        and all(isinstance(token, Word) and token.text not in _MONTHS for token in expected[1:])
    )


def _one_letter_off(given: Token, expected: Token) -> bool:
    """One edit (or two neighbouring letters swapped) in a long word with no digits: a spelling slip, not
    another word or number."""
    if not (isinstance(given, Word) and isinstance(expected, Word)):
        return False
    if expected.letters < MIN_LETTERS_FOR_ALMOST:
        return False
    if any(char.isdigit() for char in given.text + expected.text):
        return False
    return OSA.distance(given.text, expected.text, score_cutoff=1) == 1


def _almost(given: list[Token], expected: list[Token]) -> bool:
    """Exactly one word misspelt by one letter, every other token equal."""
    if len(given) != len(expected):
        return False
    differing = [(g, e) for g, e in zip(given, expected) if g != e]
    return len(differing) == 1 and _one_letter_off(*differing[0])


def check_answer(
    given: str, expected: str, accept: Sequence[str] = (), language: str = "de", *,
    kind: str | None = None, after: str = "",
) -> CheckResult:
    """Mark a typed answer right, almost (one wrong letter) or wrong, leniently as a teacher would.

    `accept` lists further answers that count as right; `language` is the deck's, for reading numbers;
    `kind` is the fact's ("person" lets the surname alone count); `after` is the sentence after the gap
    (its unit may be typed too). A lenient decision carries its reasons.

    >>> check_answer("15 000", "15.000").verdict
    <Verdict.RIGHT: 'right'>
    >>> check_answer("Interkontinentalrakte", "Interkontinentalrakete").message
    'almost: the spelling is "Interkontinentalrakete"'
    >>> check_answer("Juni", "Juli").verdict
    <Verdict.WRONG: 'wrong'>
    >>> check_answer("in der Ukraine", "Ukraine").message
    'we ignored "in der"'
    """
    answer = tokenise(given, language)
    if not answer:
        return CheckResult(Verdict.WRONG)
    candidates = [(form.strip(), tokenise(form, language)) for form in (expected, *accept)]
    candidates = [(form, tokens) for form, tokens in candidates if tokens]
    for form, tokens in candidates:
        if _same(answer, tokens):
            return CheckResult(Verdict.RIGHT, form)
    context = Context(language, kind, after)
    near: CheckResult | None = None
    for form, tokens in candidates:
        for rewritten, steps in rewrites(given, answer, tokens, context):
            found = () if _same(rewritten, tokens) else matches(rewritten, tokens, form, context)
            if found is not None:
                return _result(Verdict.RIGHT, form, steps + found)
            if near is None and any(_almost(rewritten, t) for t in (tokens, *surname_forms(tokens, context))):
                near = _result(Verdict.ALMOST, form, (*steps, Reason(Why.SPELLING, form)))
    return near or CheckResult(Verdict.WRONG)


def _result(verdict: Verdict, form: str, reasons: tuple[Reason, ...]) -> CheckResult:
    """A result whose English message lists its reasons."""
    return CheckResult(verdict, form, "; ".join(map(str, reasons)), reasons)


def warm_up(languages: Sequence[str] = ("de", "en")) -> None:
    """Load what lenient marking reads lazily (HanTa's model per language, the GeoNames and CLDR place names,
    text2num's number words) now: otherwise the first typed answer a worker marks waits 0.5-2 s for them.
    Called when a gunicorn worker starts (deploy/gunicorn.conf.py)."""
    from quizapp.checking.lenient import lemma
    from quizapp.checking.places import same_place

    same_place("Moskau", "Moscow")
    for language in languages:
        lemma("Häuser" if language.startswith("de") else "houses", language)
        check_answer("vierundzwanzig" if language.startswith("de") else "twenty-four", "24", language=language)
