"""What English articles need beyond the shared pipeline: whole names, full dates, which facts to ask.

German generation never calls this module (its rules are in pipeline.py and facts/); an English deck's
facts pass through `keep_facts` before items are made.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..facts import Fact
from ..text import Sentence
from .names import attributive, given_away, merged_with_place, name_fragment, named_as_place
from .words import (
    ABBREVIATIONS,
    CLOCK_WORDS,
    DATE_WORDS,
    DEMONSTRATIVES,
    DEMONYMS,
    FIRST_PERSON,
    PERSON_ENDINGS,
    PERSON_PRONOUNS,
    PRONOUNS,
    TIME_UNITS,
    WEEKDAYS,
)

GLUED = re.compile(r"\b([A-Za-z]{2,})[.!?][\"”’']?\s+[\"“‘']?[A-Z]|\b([a-z]{3,})[.!?]\s+[a-z]")


SIDE_DATES = frozenset(["monat", "tag"])
ROMAN = re.compile(r"^[IVXLC]+$")
# A function word before a colon: the quotation after it was lost ("told reporters that: Senator ...").
LOST_QUOTE = re.compile(r"\b(?:that|as|was|were|is|are|the|a|an|of|to|and)\s*:\s")


def keep_facts(facts: list[Fact], sents: list[Sentence]) -> list[Fact]:
    """The facts of an English article worth a question: whole names of people, places where the sentence
    names a place, full dates (one per sentence), key terms; none from a sentence with unbalanced quotation
    marks, an editor's [insertion] or two sentences glued together."""
    listed = enumerated(facts)
    kept = []
    dated: set[int] = set()
    people = {word for fact in facts if fact.kind == "person" for word in fact.answer.split()}
    for fact in facts:
        if not clean_sentence(fact.sentence) or name_fragment(fact) or fact in listed:
            continue
        if fact.kind == "person" and " " not in fact.answer:
            continue  # "Big {{Mike}}", "{{Sterling}}": a full name is asked where the article gives one
        if (
            fact.kind == "ort"
            and fact.cls in ("stadt", None)
            and (not named_as_place(fact) or fact.answer in people)
        ):
            continue  # "His wife {{Mary}}", "Trump and {{Bolton}}": a city's name used for a person
        if fact.kind == "ort" and fact.cls == "land" and demonym_nearby(fact, sents):
            continue  # "Former Dutch politician ... returned to the {{Netherlands}}"
        if fact.kind == "ort" and given_away(fact):
            continue  # "Shanghai, {{China}}", "mainland {{China}}", "{{United States}}' agencies"
        if fact.kind == "ort" and attributive(fact):
            continue  # "the 2020 {{United States}} presidential election": the place only describes
        if fact.kind == "datum" and fact.cls in SIDE_DATES:
            continue  # "early {{December}}", "on {{May 5}}": only dates the sentence's fact
        if fact.kind in ("datum", "jahr"):
            if fact.sentence.index in dated:
                continue  # "from May 1993 until {{January 2002}}": one date of a sentence is enough
            dated.add(fact.sentence.index)
        if fact.kind == "begriff" and not key_term(fact, sents):
            continue
        if fact.kind == "zahl" and digit_group(fact):
            continue  # "1 {{500}}" (a thin or no-break space groups the digits): half a number
        if fact.kind == "zahl" and fact.first > 1 and fact.sentence.tokens[fact.first - 1].text == "-":
            continue  # "COVID-{{19}}", "K2-{{18}}b"
        if fact.kind == "zahl" and in_brackets(fact):
            continue  # "a millionth of a mole per cubic meter ({{0.000032}} mg per liter)": a conversion
        if fact.kind == "zahl" and in_duration(fact):
            continue  # "2 hours {{1}} minute 39 seconds": a piece of one time
        if fact.kind == "zahl" and number_in_name(fact):
            continue  # "Rocky {{101}} LLC", "Apollo {{11}}"
        if fact.kind in ("jahr", "zahl") and clock_time(fact):
            continue  # "({{2053}} Wednesday night, UTC)": a time of day
        if fact.kind == "zahl" and in_quotation(fact):
            continue  # '"There are {{100}} reasons ..."': rhetoric, not a figure
        if fact.kind == "organisation" and any(ROMAN.match(word) for word in fact.answer.split()):
            continue  # "the {{XXI Century}} agreement"
        if fact.kind == "person" and merged_with_place(fact.answer):
            continue  # "Vice President of the {{United States Joe}} Biden"
        if fact.kind == "organisation" and fact.answer.endswith(" County"):
            continue  # "San Diego County" is a place, not a club
        if fact.kind == "begriff" and fact.first and fact.sentence.tokens[fact.first - 1].tag == "CARD":
            continue  # "50 {{milligrams}}": a unit
        if fact.kind == "begriff" and fact.first and fact.sentence.tokens[fact.first - 1].is_noun:
            continue  # "money {{laundering}}", "D-Day {{landings}}": part of a compound
        kept.append(fact)
    return kept


def enumerated(facts: list[Fact]) -> set[Fact]:
    """Names in a list of three or more ("Alabama, Arkansas, California and ..."): which one stands where
    is no fact a student learns."""
    listed: set[Fact] = set()
    chain: list[Fact] = []
    for fact in facts + [None]:  # facts are in article order
        previous = chain[-1] if chain else None
        if (
            fact is not None
            and previous is not None
            and fact.sentence is previous.sentence
            and fact.kind == previous.kind
            and [t.text for t in fact.sentence.tokens[previous.last : fact.first]] in LIST_GAPS
        ):
            chain.append(fact)
            continue
        if len(chain) >= 3:
            listed.update(chain)
        chain = [fact] if fact is not None else []
    return listed


LIST_GAPS = (
    [","],
    ["and"],
    ["or"],
    [",", "and"],
    [",", "or"],
    ["and", "the"],
    [",", "and", "the"],
    [",", "the"],
)


def clean_sentence(sentence: Sentence) -> bool:
    """Quotation marks and brackets balanced, no "[...]" insertion, not cut at an abbreviation, no second
    sentence glued on."""
    text = sentence.text
    if not any(token.is_finite_verb for token in sentence.tokens):
        return False  # "2011 Frankfurt Airport shooting on Wikipedia.": a link, not a sentence
    if text.count('"') % 2 or text.count("“") != text.count("”") or "[" in text or "((" in text:
        return False  # "((hu))Hungarian language: ...": the residue of a wiki template
    if LOST_QUOTE.search(text):
        return False
    if first_person_outside_quotes(sentence):
        return False  # "... has fired 1,000 missiles at us.": a quotation that lost its marks
    if (
        text.count("(") != text.count(")")
        or re.search(r"\b(\w+)\.$", text)
        and text[:-1].split()[-1] in ABBREVIATIONS
    ):
        return False  # "Ishihara was sued for 500,000 yen (approx.": the splitter cut at an abbreviation
    return not glued(text)


def glued(text: str) -> bool:
    """A full stop after a word inside the text, then a capital: two sentences run together
    ("... said on Monday. The police ..."); abbreviations ("Gen. Smith", "Corp.") do not count.

    >>> glued("He left on Monday. The police came later."), glued("Gen. Smith met Acme Corp. Ltd today.")
    (True, False)
    """
    return any((match[1] or match[2]) not in ABBREVIATIONS for match in GLUED.finditer(text))


def clock_time(fact: Fact) -> bool:
    """A four-digit time ("at 2053 UTC", "(1200 UTC)", "2053 Wednesday night"), not a year."""
    tokens = fact.sentence.tokens
    after = tokens[fact.last].text if fact.last < len(tokens) else ""
    before = tokens[fact.first - 1].text if fact.first else ""
    return after in CLOCK_WORDS or before == "at" or after in WEEKDAYS


def digit_group(fact: Fact) -> bool:
    """A number written with a space between its digit groups ("1 500", "12 000 000"), cut in two."""
    tokens = fact.sentence.tokens
    before = tokens[fact.first - 1] if fact.first else None
    after = tokens[fact.last] if fact.last < len(tokens) else None
    first, last = tokens[fact.first], tokens[fact.last - 1]
    return (
        before is not None
        and re.fullmatch(r"\d{1,3}", before.text) is not None
        and re.match(r"\d{3}(?!\d)", first.text) is not None
        and first.start - before.end == 1
        or after is not None
        and re.fullmatch(r"\d{3}", after.text) is not None
        and re.search(r"(?<![\d.,])\d{1,3}$", last.text) is not None
        and after.start - last.end == 1
    )


def number_in_name(fact: Fact) -> bool:
    """A number inside a name ("Rocky 101 LLC", "Apollo 11", "Boeing 737"): no fact of its own."""
    tokens = fact.sentence.tokens
    before = tokens[fact.first - 1] if fact.first > 0 else None
    return before is not None and before.tag in ("NE", "FM") and before.text[:1].isupper() and fact.first > 1


def key_term(fact: Fact, sents: list[Sentence]) -> bool:
    """A term the article is about: the same noun comes back in another sentence; a noun for a person
    ("spokeswoman") or a verb form the tagger took for a noun ("trended") is none."""
    word = fact.answer.lower()
    lemma = (fact.lemma or fact.answer).lower()
    if word.endswith((*PERSON_ENDINGS, "ed")):
        return False
    forms = {word, lemma, lemma + "s", lemma + "es"}
    return any(
        token.is_noun and (token.text.lower() in forms or (token.lemma or "").lower() == lemma)
        for sentence in sents
        if sentence.index != fact.sentence.index
        for token in sentence.tokens
    )


def headline(sents: list[Sentence]) -> str | None:
    """The article's first line when it is a headline: a short first paragraph without a final full stop."""
    if not sents or sents[0].paragraph != 0 or len(sents) > 1 and sents[1].paragraph == 0:
        return None
    first = sents[0]
    if first.text.endswith((".", ":")) or not 2 <= len(first.tokens) <= 25:
        return None
    return first.text


def points_back(sentence: Sentence, people: bool = False) -> bool:
    """ "During that service, he was ...": a third-person pronoun before any name, or "this"/"that" and a
    noun near the start; whom or what it means is in an earlier sentence. With people, only "he", "she" and
    their forms count: the sentence before, shown as context, rarely names the person."""
    tokens = sentence.tokens
    pronouns = PERSON_PRONOUNS if people else PRONOUNS
    for token in tokens:
        if token.tag == "NE" and token.text not in DATE_WORDS:
            break  # "On March 18, 1965, he ...": a month is no name the pronoun could mean
        if token.text.lower() in pronouns and token.tag in ("PPER", "PPOSAT"):
            return True
    return not people and any(
        token.text.lower() in DEMONSTRATIVES and following.is_noun
        for token, following in pairwise(tokens[:6])
    )


def in_quotation(fact: Fact) -> bool:
    """The fact stands inside quotation marks: a number in a quotation ("hanged 20 times a day") is rhetoric."""
    before = fact.sentence.text[: fact.start - fact.sentence.start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def first_person_outside_quotes(sentence: Sentence) -> bool:
    """ "we", "us", "our", "I" outside quotation marks: news is told in the third person, so the words are
    someone's quotation whose marks were lost."""
    quoted = False
    for token in sentence.tokens:
        if token.text in ('"', "“", "”"):
            quoted = not quoted if token.text == '"' else token.text == "“"
        elif (
            not quoted
            and token.text.lower() in FIRST_PERSON
            and (token.text != "I" or token.tag == "PPER")
            and not (len(token.text) > 1 and token.text.isupper())
        ):  # "US" is no "us"
            return True
    return False


def demonym_nearby(fact: Fact, sents: list[Sentence]) -> bool:
    """The country's adjective in the sentence or the one before it (the context an item may show):
    "Ukrainian" for Ukraine, "Dutch" for the Netherlands."""
    answer = fact.answer
    stem = answer[:-1] if len(answer) > 5 else answer
    forms = DEMONYMS.get(answer, ())
    index = fact.sentence.index
    for sentence in sents[max(0, index - 1) : index + 1]:
        for token in sentence.tokens:
            word = token.text
            if (
                word in forms
                or word != answer
                and word.startswith(stem)
                and word[len(stem) :].isalpha()
                and not word.startswith(answer + "'")
            ):
                return True
    return False


def in_duration(fact: Fact) -> bool:
    """A number of a time written in several units ("1 hour 59 minutes 40.2 seconds"): a piece of it."""
    tokens = fact.sentence.tokens

    def unit(i: int) -> bool:
        return 0 <= i < len(tokens) and tokens[i].text.lower().rstrip("s") in TIME_UNITS

    def number(i: int) -> bool:
        return 0 <= i < len(tokens) and tokens[i].tag == "CARD"

    first, last = fact.first, fact.last
    return unit(last) and (number(first - 2) and unit(first - 1) or number(last + 1) and unit(last + 2))


def in_brackets(fact: Fact) -> bool:
    """A number inside brackets: a conversion or an aside ("26.2 miles (42.2 km)"), not the fact itself."""
    before = fact.sentence.text[: fact.start - fact.sentence.start]
    return before.count("(") > before.count(")")
