"""Cloze and multiple-choice items from facts, with provenance, as plain dicts in bank order."""

from __future__ import annotations

import re

from quizapp.bank.schema import derived_fact_key

from .distractors import Pool, distractors, stable_order
from .facts import Fact
from .facts.names import NAME_PARTICLES
from .ids import question_id
from .numerals import NUMBER_WORDS, format_like, number_part

_SPACE = re.compile(r"\s+")
CLASS_TAG = "class::"  # "class::fluss": what a name is, for other decks' distractors and for filtering
NAME_KINDS = ("person", "ort", "organisation", "name")


def _around(text: str, fact: Fact) -> tuple[str, str]:
    """The sentence before and after the answer, white space collapsed as in the sentence text."""
    sentence = fact.sentence
    return _SPACE.sub(" ", text[sentence.start : fact.start]), _SPACE.sub(" ", text[fact.end : sentence.end])


def source(fact: Fact, context: str | None, text: str) -> dict:
    """Provenance: the sentence, its offsets in the article text, and the context shown above it; then the
    fact key its siblings share (the cloze and the mcq item of one gap).

    The sentence is the article's text between the offsets exactly ("verbindet  hinunter" keeps its two
    spaces), so `quizapp validate` finds it where the offsets say."""
    sentence = fact.sentence
    result = {"sentence": text[sentence.start : sentence.end], "start": sentence.start, "end": sentence.end}
    if "\n" in result["sentence"]:  # a line break inside: the flattened text, found without offsets
        result = {"sentence": sentence.text}
    if context:
        result["context"] = context
    return {"source": result, "fact": derived_fact_key(fact.sentence.text, fact.answer)}


def cloze_item(deck_id: str, text: str, fact: Fact, context: str | None) -> dict:
    """A one-gap cloze in Anki syntax with a hint naming the kind of answer."""
    before, after = _around(text, fact)
    item = {
        "id": question_id(deck_id, "cloze", fact.sentence.text, fact.answer),
        "type": "cloze",
        "text": f"{before}{{{{c1::{fact.answer}::{fact.hint}}}}}{after}",
    }
    if accept := accepted(fact):
        item["accept"] = accept
    provenance = source(fact, context, text) | {"kind": fact.kind, **class_tags(fact)}
    return item | provenance | {"status": "draft"}


def mcq_item(deck_id: str, text: str, fact: Fact, context: str | None, pool: Pool) -> dict | None:
    """A multiple-choice item with three distractors, or None if there are not three good ones."""
    wrong = distractors(fact, pool, avoid=context)
    if len(wrong) < 3:
        return None
    before, after = _around(text, fact)
    item_id = question_id(deck_id, "mcq", fact.sentence.text, fact.answer)
    return {
        "id": item_id,
        "type": "mcq",
        "text": f"{before}____{after}",
        "answer": fact.answer,
        "distractors": stable_order(item_id, wrong),
        **source(fact, context, text),
        "kind": fact.kind,
        **class_tags(fact),
        "status": "draft",
    }


def class_tags(fact: Fact) -> dict:
    """`tags: [class::fluss]` for a name whose class the text gives (a bare "person" says nothing new)."""
    if fact.kind in NAME_KINDS and fact.cls and fact.cls != fact.kind:
        return {"tags": [CLASS_TAG + fact.cls]}
    return {}


def accepted(fact: Fact) -> list[str]:
    """Other spellings of the answer: digits with or without grouping, small numbers in words, a surname."""
    answer = fact.answer
    options: list[str] = []
    if fact.kind == "zahl" and fact.value is not None:
        number = number_part(fact.sentence.tokens[fact.first].text)
        rest = answer[len(number) :]  # " Millionen", "-Jährige"
        if rest.startswith("-"):
            options.append(number)  # "26" for "26-Jährige"
        if fact.value == int(fact.value):
            value = int(fact.value)
            locale = fact.sentence.language
            grouped = format_like(value, "1,000" if locale == "en" else "1.000", locale)
            if not (1800 <= value <= 2100 and grouped != number):  # "2007" is not also "2.007"
                options.append(f"{value}{rest}" if grouped == number else grouped + rest)
            if value in NUMBER_WORDS and not rest and fact.sentence.language == "de":
                options.append(NUMBER_WORDS[value])
        if "Millionen" in rest:
            options.append(number + " Mio.")
        for short, long in (("Mio.", "Millionen"), ("Mrd.", "Milliarden")):
            if rest.strip() == short:
                options.append(f"{number} {long if number != '1' else long[:-2]}")  # "1 Million"
    words = answer.split()
    if fact.kind == "person" and len(words) == 2:
        options.append(words[-1])
    elif fact.kind == "person" and (particle := next((w for w in words[1:] if w in NAME_PARTICLES), None)):
        options.append(" ".join(words[words.index(particle) :]))  # "Van der Bellen", "von der Leyen"
    return [option for option in dict.fromkeys(options) if option != answer]
