"""Automatic checks of generated items (used by the corpus check script and the tests)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from . import nlp
from .distractors import normalise
from .facts import HINTS, HINTS_EN
from .facts.dates import MONTH_ALIASES
from .numerals import written_value
from .pipeline import MAX_ITEMS_PER_SENTENCE, URL

_GAP = re.compile(r"\{\{c1::(.*?)::[^}]*\}\}")
_HINT = re.compile(r"\{\{c1::.*?::([^}]*)\}\}")


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
    if not answer or answer not in " ".join(source["sentence"].split()):
        found.append(f"answer {answer!r} not in its source sentence")
    span = article_text[source.get("start", 0) : source.get("end")] if article_text is not None else None
    exact = span is None or span == source["sentence"]
    if "start" in source and not exact:
        found.append("offsets do not point at the source sentence")  # as `quizapp validate` checks them
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
            if item.get("kind") == "begriff" and not same_gender(answer, distractor):
                found.append(f"distractor {distractor!r} is not of the gender and form of {answer!r}")
            shown = normalise(item["text"] + " " + source.get("context", ""))
            if item.get("kind") not in ("zahl", "jahr") and normalise(distractor) in shown:
                found.append(f"distractor {distractor!r} is named in the stem or its context")
    found += _form_problems(item, answer, source)
    return found


def _form_problems(item: dict, answer: str, source: dict) -> list[str]:
    """What a program can see of a badly formed item: a URL, a gap cutting a word, a hint of another kind."""
    found = []
    if URL.search(item["text"]) or URL.search(source.get("context", "")):
        found.append("a web address in the stem or its context")
    sentence = " ".join(source["sentence"].split())
    text = item["text"]
    at = text.find("____" if item["type"] == "mcq" else "{{c1::")
    end = at + len(answer)
    if at >= 0 and sentence[end : end + 1].isalnum() or at > 0 and sentence[at - 1 : at].isalnum():
        found.append(f"the gap {answer!r} cuts a word of the sentence")
    hint = _HINT.search(item["text"]) if item["type"] == "cloze" else None
    kind = item.get("kind")
    if hint and kind in HINTS and hint.group(1) not in (HINTS[kind], HINTS_EN[kind], "Monat", "Month"):
        found.append(f"the hint {hint.group(1)!r} does not name the kind {kind}")
    return found


def deck_problems(items: list[dict]) -> list[str]:
    """What is wrong with a deck as a whole: more than MAX_ITEMS_PER_SENTENCE items from one sentence."""
    per_sentence = Counter(item["source"]["sentence"] for item in items)
    return [
        f"{count} items from one sentence: {sentence[:60]!r}"
        for sentence, count in per_sentence.items()
        if count > MAX_ITEMS_PER_SENTENCE
    ]


def same_gender(answer: str, distractor: str) -> bool:
    """Whether two noun forms can share a slot: some reading of each has the same gender, case and number."""
    forms = noun_forms()
    return bool(forms.get(answer, set()) & forms.get(distractor, set()))


@cache
def noun_forms() -> dict[str, set[tuple[str, str]]]:
    """Every form of german-nouns with its (gender, case and number) readings."""
    result: dict[str, set[tuple[str, str]]] = {}
    for noun in nlp.nouns().by_lemma.values():
        for slot, form in noun.forms:
            result.setdefault(form, set()).add((noun.genus, slot))
    return result


def same_kind(kind: str, answer: str, distractor: str) -> bool:
    """Whether a distractor has the answer's form: a number for a number, a date for a date, a word for a word."""
    if kind in ("zahl", "jahr"):
        return written_value(distractor.split()[0]) is not None and _words(answer) == _words(distractor)
    if kind == "datum":
        return any(word in MONTH_ALIASES for word in distractor.split()) and len(distractor.split()) == len(
            answer.split()
        )
    return bool(distractor) and distractor[:1].isupper() and not any(c.isdigit() for c in distractor)


def _words(text: str) -> list[str]:
    """The words after the number ("Millionen")."""
    return text.split()[1:]
