"""English names: whole names (initials, particles, titles cut off), fragments, places used as places,
and a person's gender from the article's pronouns."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..facts import Fact
from ..text import Token
from .words import (
    ADDRESS_WORDS,
    CLASS_WORDS,
    FEMALE_WORDS,
    INSTITUTION_WORDS,
    MALE_WORDS,
    NAME_JOINERS,
    NAME_TAILS,
    PLACE_PREPOSITIONS,
    TITLES,
)

INITIAL = re.compile(r"^[A-Z]\.$")


def english_name_part(tokens: Sequence[Token], i: int) -> int:
    """How many tokens at i continue an English name (0 if none): an initial ("George W. Bush"), a
    capitalised word the tagger took for a noun ("Donald Trump"), a particle ("al-Muhandis", "De La
    Fuente") or a hyphen inside a word ("Inspector-General")."""
    if i == 0 or i >= len(tokens):
        return 0
    token, following = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    capital_next = following is not None and following.text[:1].isupper() and following.text[:1].isalpha()
    if INITIAL.match(token.text) and capital_next:
        return 1
    if token.text in NAME_JOINERS and following is not None:
        if (
            following.text == "-"
            and _touching(tokens, i, i + 2)
            and i + 2 < len(tokens)
            and tokens[i + 2].text[:1].isupper()
        ):
            return 3  # "al-Muhandis"
        if capital_next and (token.text[:1].isupper() or token.text in ("bin", "ibn", "bint", "al", "el")):
            return 1  # "De La Fuente", "bin Salman"
    if token.text == "-" and _touching(tokens, i - 1, i + 1) and capital_next and following.text.isalpha():
        return 2  # "Inspector-General"
    if (
        token.tag == "NN"
        and token.text[:1].isupper()
        and token.text.isalpha()
        and token.text not in NAME_TAILS
    ):
        return 1  # "Trump" tagged as a noun
    return 0


def english_title(token: Token, following: Token) -> bool:
    """A title or office before a name: "US Assistant Attorney General Lanny Breuer", "Dr. Smith"."""
    return token.text in TITLES and following.text[:1].isupper()


def _touching(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Tokens first..last (inclusive) written without white space between them."""
    return all(tokens[k].start == tokens[k - 1].end for k in range(first + 1, last + 1))


def _shared_titles() -> frozenset[str]:
    from ..facts.names import EN_TITLES  # here: facts/names.py imports this module

    return EN_TITLES


def name_fragment(fact: Fact) -> bool:
    """A name that is part of a longer one: "University of {{Miami}}", "{{Air India}} Airlines",
    "{{Vilasrao}} Deshmukh" (a name word or an initial right before or after)."""
    if fact.kind not in ("person", "ort", "organisation", "name"):
        return False
    tokens = fact.sentence.tokens
    before = tokens[fact.first - 1] if fact.first > 0 else None
    after = tokens[fact.last] if fact.last < len(tokens) else None
    if after is not None and (
        after.text in NAME_TAILS
        or INITIAL.match(after.text)
        or after.tag in ("NE", "FM")
        and after.text[:1].isupper()
        or after.text in NAME_JOINERS
        and after.text.islower()
    ):
        return True
    if (
        fact.kind != "person"
        and after is not None
        and after.text == "of"
        and fact.last + 1 < len(tokens)
        and tokens[fact.last + 1].text[:1].isupper()
    ):
        return True  # "{{UC Berkeley School}} of Law", "the {{United States}} of America"
    if (
        after is not None
        and after.text[:1].isupper()
        and after.text.isalpha()
        and after.text not in CLASS_WORDS
    ):
        return True  # "{{Christian Du}} Four": a capitalised word right after the name continues it
    if before is not None and (
        INITIAL.match(before.text) or before.text in NAME_JOINERS and before.text.islower()
    ):
        return True
    if (
        before is not None
        and fact.kind in ("ort", "organisation")
        and fact.first > 1
        and before.text[:1].isupper()
        and before.text.isalpha()
        and before.text not in TITLES
    ):
        return True  # "Radio {{France}}", "Hamilton County Jail Annex"
    if (
        before is not None
        and fact.kind == "person"
        and fact.first > 1
        and before.text[:1].isupper()
        and before.text.isalpha()
        and before.text not in TITLES | ADDRESS_WORDS | _shared_titles()
    ):
        return True  # "the United {{States Marines}}"
    # "University of {{Miami}}", "University of California, {{San Diego}}"
    for token in reversed(tokens[max(0, fact.first - 5) : fact.first]):
        if token.text in INSTITUTION_WORDS:
            return True
        if not (token.text[:1].isupper() or token.text in ("of", "the", ",", "for")):
            break
    return False


def attributive(fact: Fact) -> bool:
    """A place name used as a describing word: "the {{United States}} presidential election"."""
    tokens = fact.sentence.tokens
    after = tokens[fact.last] if fact.last < len(tokens) else None
    before = tokens[fact.first - 1].text if fact.first else ""
    return (
        after is not None
        and after.text[:1].islower()
        and after.tag in ("ADJA", "NN")
        and (before not in PLACE_PREPOSITIONS or before == "of")
    )


def merged_with_place(name: str) -> bool:
    """A place run into a person's name: "United States Joe", "Texas Governor Greg Abbott" cut wrong."""
    from ..distractors.places_en import us_state
    from ..gazetteer import country_code

    words = name.split()
    return any(
        country_code(" ".join(words[:k]), "en") or us_state(" ".join(words[:k]))
        for k in range(1, len(words) + 1)
    )


def named_as_place(fact: Fact) -> bool:
    """The sentence uses the name as a place: after "in", "from", "near" ..., or before ", Ohio"."""
    tokens = fact.sentence.tokens
    before = tokens[fact.first - 1].text if fact.first > 0 else ""
    after = tokens[fact.last].text if fact.last < len(tokens) else ""
    following = tokens[fact.last + 1] if fact.last + 1 < len(tokens) else None
    if after in ("'s", "’s", "'", "-"):
        return False  # "in {{Richardson}}'s usual place", "{{Hollywood}}-produced"
    return (
        before in PLACE_PREPOSITIONS
        or after == ","
        and following is not None
        and following.text[:1].isupper()
        and following.tag == "NE"
    )


def english_gender(fact: Fact, facts: Sequence[Fact]) -> str | None:
    """'f' or 'm' for a person of an English article: the title or noun right before a mention and the
    pronouns after it in the sentences that name them ("Ms. Harris", "Harris said she ..."), or None."""
    surname = fact.answer.split()[-1]
    namesakes = {f.answer for f in facts if f.kind == "person" and f.answer.split()[-1] == surname}
    female = male = 0
    for sentence in {f.sentence.index: f.sentence for f in facts}.values():
        words = [token.text for token in sentence.tokens]
        if surname not in words:
            continue
        at = words.index(surname)
        if (
            len(namesakes) > 1
            and " ".join(words[max(0, at - len(fact.answer.split()) + 1) : at + 1]) != fact.answer
        ):
            continue  # "Michelle Obama" says nothing of "Barack Obama"
        near = words[max(0, at - 3) : at] + [w.lower() for w in words[at + 1 : at + 12]]
        female += sum(word in FEMALE_WORDS for word in near)
        male += sum(word in MALE_WORDS for word in near)
    if female > male:
        return "f"
    return "m" if male > female else None


def given_away(fact: Fact) -> bool:
    """A place the stem names already: the country or state after one of its cities ("Shanghai, {{China}}",
    "Milwaukee, {{Wisconsin}}"), "mainland {{China}}", or a possessive ("the {{United States}}' agency")."""
    from ..distractors.places_en import city_area

    tokens = fact.sentence.tokens
    after = tokens[fact.last].text if fact.last < len(tokens) else ""
    before = tokens[fact.first - 1].text if fact.first else ""
    if after in ("'", "'s", "’", "’s") or before == "mainland":
        return True
    if before != "," or fact.first < 2:
        return False
    area = city_area(tokens[fact.first - 2].text)
    return area is not None and fact.answer in area
