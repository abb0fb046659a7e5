"""How a question and its source look on the page (escaped text, only our own markup)."""

from __future__ import annotations

import re

from flask_babel import gettext as _
from markupsafe import Markup, escape

from quizapp.bank import cloze_gaps
from quizapp.checking import CheckResult, Reason, Why


def highlight(sentence: str, answers: list[str]) -> Markup:
    """The sentence with each answer marked, matched without regard to case.

    >>> str(highlight("Der Fluss Tumen <trennt>", ["tumen"]))
    'Der Fluss <mark>Tumen</mark> &lt;trennt&gt;'
    """
    spans: list[tuple[int, int]] = []
    for answer in answers:
        answer = answer.strip()
        if not answer:
            continue
        match = re.search(re.escape(answer), sentence, re.IGNORECASE)
        if match and not any(s < match.end() and match.start() < e for s, e in spans):
            spans.append(match.span())
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        out.append(escape(sentence[pos:start]))
        out.append(Markup("<mark>%s</mark>") % sentence[start:end])
        pos = end
    out.append(escape(sentence[pos:]))
    return Markup("").join(out)


def correct_answers(question) -> list[str]:
    """The answers to show and highlight: the mcq answer or each gap's text."""
    if question.type == "mcq":
        return [question.answer]
    return [gap.answer for gap in cloze_gaps(question.text)]


def explain_reason(reason: Reason) -> str:
    """One step of a lenient decision as a sentence in the reader's language."""
    detail = reason.detail
    texts = {
        Why.IGNORED_WORDS: lambda: _("We ignored “%(words)s”: the gap does not contain it.", words=detail),
        Why.UNIT: lambda: _("“%(unit)s” after the number counts too.", unit=detail),
        Why.SPELLED_NUMBER: lambda: _("Written out, that is %(number)s.", number=detail),
        Why.DECIMAL_POINT: lambda: _("In German, decimals are written with a comma: %(number)s.",
                                     number=detail),
        Why.DECIMAL_COMMA: lambda: _("In English, decimals are written with a point: %(number)s.",
                                     number=detail),
        Why.HYPHEN_SPACE: lambda: _("Hyphens and spaces in names do not count."),
        Why.INFLECTION: lambda: _("Another form of “%(word)s” counts too.", word=detail),
        Why.SURNAME: lambda: _("The surname is enough: %(name)s.", name=detail),
        Why.OTHER_NAME: lambda: _("Another name for “%(name)s” counts too.", name=detail),
        Why.MONTH_SPELLING: lambda: _("Another spelling of the month counts too: %(month)s.", month=detail),
        Why.SPELLING: lambda: _("Almost: the spelling is “%(word)s”.", word=detail),
    }
    return texts[reason.why]()


def explain(results: tuple[CheckResult, ...]) -> list[str]:
    """Every reason behind the gaps' verdicts, each once, in order."""
    return list(dict.fromkeys(explain_reason(reason) for result in results for reason in result.reasons))
