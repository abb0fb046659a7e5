"""How a question and its source look on the page (escaped text, only our own markup)."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from quizapp.bank import cloze_gaps


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
