"""Automatic checks of generated items (used by the corpus check script and the tests)."""

from __future__ import annotations

import re

from .distractors import normalise
from .facts.dates import MONTH_ALIASES
from .numerals import parse_number

_GAP = re.compile(r"\{\{c1::(.*?)::[^}]*\}\}")


def answer_of(item: dict) -> str:
    """The right answer: an MCQ's answer, or the text of a cloze's gap."""
    if item["type"] == "mcq":
        return item["answer"]
    match = _GAP.search(item["text"])
    return match.group(1) if match else ""


def problems(item: dict, article_text: str | None = None) -> list[str]:
    """What is wrong with an item; an empty list if it passes every check."""
    found = []
    answer = answer_of(item)
    source = item["source"]
    if not answer or answer not in source["sentence"]:
        found.append(f"answer {answer!r} not in its source sentence")
    if (
        article_text is not None
        and " ".join(article_text[source["start"] : source["end"]].split()) != source["sentence"]
    ):
        found.append("offsets do not point at the source sentence")
    if item["type"] == "mcq":
        options = [answer, *item["distractors"]]
        keys = [normalise(option) for option in options]
        if len(set(keys)) != len(keys):
            found.append(f"two options are equal after normalisation: {options}")
        for distractor in item["distractors"]:
            if not same_kind(item.get("kind", ""), answer, distractor):
                found.append(
                    f"distractor {distractor!r} is not of the kind {item.get('kind')} like {answer!r}"
                )
    return found


def same_kind(kind: str, answer: str, distractor: str) -> bool:
    """Whether a distractor has the answer's form: a number for a number, a date for a date, a word for a word."""
    if kind in ("zahl", "jahr"):
        return parse_number(distractor.split()[0]) is not None and _words(answer) == _words(distractor)
    if kind == "datum":
        return any(word in MONTH_ALIASES for word in distractor.split()) and len(distractor.split()) == len(
            answer.split()
        )
    return bool(distractor) and distractor[:1].isupper() and not any(c.isdigit() for c in distractor)


def _words(text: str) -> list[str]:
    """The words after the number ("Millionen")."""
    return text.split()[1:]
