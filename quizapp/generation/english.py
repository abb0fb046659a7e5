"""What English articles need beyond the shared pipeline: whole names, full dates, which facts to ask.

German generation never calls this module (its rules are in pipeline.py and facts/); an English deck's
facts pass through `keep_facts` before items are made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .facts import Fact
from .text import Sentence, Token

INITIAL = re.compile(r"^[A-Z]\.$")
# Lower-case parts of Arabic, Romance and Dutch names, joined by a hyphen or standing alone:
# "Abu Mahdi al-Muhandis", "Rocky De La Fuente", "Ahmad bin Salman".
NAME_JOINERS = frozenset(
    {
        "al",
        "el",
        "ad",
        "as",
        "ash",
        "bin",
        "ibn",
        "bint",
        "de",
        "del",
        "la",
        "le",
        "da",
        "dos",
        "du",
        "van",
        "von",
        "der",
        "ben",
        "abu",
        "La",
        "Le",
        "Da",
        "Del",
        "Al",
        "El",
    }
)
# Heads of names of institutions: a place right after "University of" is part of the institution's name.
INSTITUTION_WORDS = frozenset(
    {
        "University",
        "College",
        "Institute",
        "School",
        "Academy",
        "Bank",
        "Court",
        "Hospital",
        "Airport",
        "Museum",
        "Council",
        "Department",
        "Ministry",
        "Party",
        "Church",
        "Cathedral",
        "Stadium",
        "Port",
        "Republic",
        "Gulf",
        "Bay",
        "District",
        "Radio",
        "Television",
        "TV",
        "Air",
        "Embassy",
        "Consulate",
        "Lake",
        "Mount",
        "Cape",
        "Isle",
        "Island",
        "Islands",
        "Duke",
        "Earl",
        "Prince",
        "Princess",
        "Archbishop",
        "Bishop",
        "Diocese",
        "Province",
        "State",
        "Commonwealth",
        "Kingdom",
    }
)
# Capitalised words right after a name that make it part of a longer one: "{{Air India}} Airlines".
NAME_TAILS = frozenset(
    {
        "Airlines",
        "Airways",
        "Air",
        "Airport",
        "Party",
        "University",
        "College",
        "Company",
        "Corporation",
        "Corp",
        "Inc",
        "Ltd",
        "Group",
        "Bank",
        "Police",
        "Council",
        "Times",
        "Post",
        "News",
        "Herald",
        "Club",
        "Institute",
        "Foundation",
        "Agency",
        "Stadium",
        "Center",
        "Centre",
        "Hospital",
        "Motors",
        "Records",
        "Street",
        "Avenue",
        "Road",
        "Square",
        "Park",
        "Bridge",
        "Station",
    }
)
PLACE_PREPOSITIONS = frozenset(
    {
        "in",
        "at",
        "from",
        "to",
        "near",
        "outside",
        "into",
        "across",
        "of",
        "toward",
        "towards",
        "throughout",
        "within",
        "around",
    }
)
# Nouns for people: generic, not a term the article is about ("spokeswoman", "chairman").
PERSON_ENDINGS = ("man", "men", "woman", "women", "person", "people", "persons")
ABBREVIATIONS = frozenset(
    {
        "Corp",
        "Inc",
        "Ltd",
        "Gov",
        "Sen",
        "Rep",
        "Gen",
        "Col",
        "Capt",
        "Sgt",
        "Lt",
        "Mt",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Ave",
        "Blvd",
        "Dept",
        "Univ",
        "approx",
        "Prof",
        "Rev",
        "vs",
        "etc",
    }
)
GLUED = re.compile(r"\b([A-Za-z]{2,})[.!?][\"”’']?\s+[\"“‘']?[A-Z]|\b([a-z]{3,})[.!?]\s+[a-z]")
SIDE_DATES = frozenset({"monat", "tag"})
# Titles the name finder already cuts off (facts/names.py EN_TITLES) and forms of address.
PERSON_TITLES = frozenset(
    {
        "President",
        "Minister",
        "Prime",
        "Chancellor",
        "Leader",
        "Secretary",
        "General",
        "Governor",
        "Mayor",
        "Senator",
        "King",
        "Queen",
        "Prince",
        "Pope",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
        "Coach",
        "Chairman",
        "Director",
        "Father",
        "Brother",
        "Sister",
        "Saint",
        "Imam",
        "Rabbi",
        "Bishop",
    }
)
# Words after a name that say what it is ("the Tumen River"): the name is whole without them.
CLASS_WORDS = frozenset(
    {
        "River",
        "City",
        "Region",
        "Province",
        "Resort",
        "Hotel",
        "Oblast",
        "Lake",
        "Sea",
        "Ocean",
        "Mountains",
        "Mountain",
        "Island",
        "Islands",
        "Valley",
        "Desert",
        "Strait",
        "Peninsula",
    }
)
# Titles and offices before a name, beyond the ones facts/names.py shares with German: cut off the name.
TITLES = frozenset(
    {
        "Assistant",
        "Attorney",
        "Deputy",
        "Vice",
        "Chief",
        "Former",
        "First",
        "Lady",
        "Speaker",
        "Justice",
        "Judge",
        "Commissioner",
        "Inspector",
        "Ambassador",
        "Representative",
        "Sheriff",
        "Detective",
        "Officer",
        "Captain",
        "Colonel",
        "Lieutenant",
        "Sergeant",
        "Admiral",
        "Marshal",
        "Bishop",
        "Archbishop",
        "Cardinal",
        "Rabbi",
        "Imam",
        "Sheikh",
        "Emperor",
        "Lord",
        "Dame",
        "Professor",
        "Prof",
        "Doctor",
        "Postmaster",
        "Congressman",
        "Congresswoman",
        "Councillor",
        "Councilman",
        "Chairwoman",
        "Premier",
        "Defence",
        "Defense",
        "Envoy",
        "Minister-President",
        "Mrs.",
        "Mr.",
        "Ms.",
        "Dr.",
        "Gen.",
        "Sen.",
        "Rep.",
        "Gov.",
        "Lt.",
        "Col.",
        "Sgt.",
        "Capt.",
        "Prof.",
        "St.",
        "Saint",
        "Inspector-General",
        "Attorney-General",
        "US",
        "U.S.",
        "UK",
        "U.K.",
        "UN",
        "EU",
        "Reverend",
        "Rev.",
        "Pastor",
        "Coach",
        "Manager",
        "Spokesman",
        "Spokeswoman",
        "Agent",
        "Corporal",
        "Superintendent",
        "Constable",
        "CEO",
        "Chairperson",
        "Republican",
        "Democrat",
        "Commodore",
        "Brigadier",
        "Governor-General",
        "Mayor-elect",
        "President-elect",
    }
)


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
        if fact.kind == "zahl" and number_in_name(fact):
            continue  # "Rocky {{101}} LLC", "Apollo {{11}}"
        if fact.kind == "jahr" and clock_time(fact):
            continue  # "({{2053}} Wednesday night, UTC)": a time of day
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
    """Quotation marks balanced, no "[...]" insertion, no second sentence glued on."""
    text = sentence.text
    if not any(token.is_finite_verb for token in sentence.tokens):
        return False  # "2011 Frankfurt Airport shooting on Wikipedia.": a link, not a sentence
    if text.count('"') % 2 or text.count("“") != text.count("”") or "[" in text:
        return False
    return not glued(text)


def glued(text: str) -> bool:
    """A full stop after a word inside the text, then a capital: two sentences run together
    ("... said on Monday. The police ..."); abbreviations ("Gen. Smith", "Corp.") do not count.

    >>> glued("He left on Monday. The police came later."), glued("Gen. Smith met Acme Corp. Ltd today.")
    (True, False)
    """
    return any((match[1] or match[2]) not in ABBREVIATIONS for match in GLUED.finditer(text))


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
        and before.text not in TITLES | PERSON_TITLES
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


def clock_time(fact: Fact) -> bool:
    """A four-digit time ("at 2053 UTC", "(1200 UTC)", "2053 Wednesday night"), not a year."""
    tokens = fact.sentence.tokens
    after = tokens[fact.last].text if fact.last < len(tokens) else ""
    before = tokens[fact.first - 1].text if fact.first else ""
    return after in CLOCK_WORDS or before == "at" or after in WEEKDAYS


CLOCK_WORDS = frozenset(
    {"UTC", "GMT", "hours", "hrs", "local", "EST", "EDT", "PST", "PDT", "CET", "BST", "Zulu"}
)
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


def merged_with_place(name: str) -> bool:
    """A place run into a person's name: "United States Joe", "Texas Governor Greg Abbott" cut wrong."""
    from .distractors.places_en import us_state
    from .gazetteer import country_code

    words = name.split()
    return any(
        country_code(" ".join(words[:k]), "en") or us_state(" ".join(words[:k]))
        for k in range(1, len(words) + 1)
    )


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


def key_term(fact: Fact, sents: list[Sentence]) -> bool:
    """A term the article is about: the same noun comes back in another sentence; a noun for a person
    ("spokeswoman") or a verb form the tagger took for a noun ("trended") is none."""
    word = fact.answer.lower()
    lemma = (fact.lemma or fact.answer).lower()
    if word.endswith(PERSON_ENDINGS) or word.endswith("ed"):
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


FEMALE_WORDS = frozenset(
    {
        "she",
        "her",
        "hers",
        "herself",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Queen",
        "Princess",
        "Lady",
        "Dame",
        "Duchess",
        "wife",
        "mother",
        "daughter",
        "sister",
        "actress",
        "woman",
        "girl",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "grandmother",
        "widow",
    }
)
MALE_WORDS = frozenset(
    {
        "he",
        "him",
        "his",
        "himself",
        "Mr",
        "Mr.",
        "King",
        "Prince",
        "Sir",
        "Lord",
        "Duke",
        "husband",
        "father",
        "son",
        "brother",
        "actor",
        "man",
        "boy",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "grandfather",
        "widower",
    }
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
