"""Names of the same class: a person for a person, a river for a river, a country for a country."""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import chain

from .. import nlp
from ..english.names import english_gender
from ..facts import Fact
from ..gazetteer import (
    CAPITALS,
    FEMALE,
    NATIONALITY_STEMS,
    PERSONS,
    PERSONS_BY_COUNTRY,
    RIVERS,
    RIVERS_EN,
    cities_of,
    city,
    countries,
    country_code,
    country_info,
)
from . import Pool, stable_order
from .places_en import english_city_candidates, nearest_countries

# Districts the gazetteer lists as cities of their own (over 100,000 people, a few km from the centre of
# Wien, Berlin, Hamburg, Köln or New York): never an option for "Graz" or "Chicago".
CITY_DISTRICTS = frozenset(
    ["Donaustadt", "Favoriten", "Floridsdorf", "Ottakring", "Simmering", "Altona", "Eimsbüttel"]
    + ["Friedrichshain", "Hamburg-Mitte", "Hamburg-Nord", "Kreuzberg", "Marienthal", "Mitte", "Neukölln"]
    + ["Nippes", "Prenzlauer Berg", "Rodenkirchen", "Schöneberg", "Wandsbek", "Wilmersdorf"]
    + ["Brooklyn", "Queens", "Bronx", "Manhattan", "Staten Island"]
)
# The gazetteer's English names of cities a German text names otherwise.
GERMAN_EXONYMS = {
    "Munich": "München",
    "Cologne": "Köln",
    "Nuremberg": "Nürnberg",
    "Hanover": "Hannover",
    "Brunswick": "Braunschweig",
    "Zurich": "Zürich",
    "Geneva": "Genf",
    "Milan": "Mailand",
    "Naples": "Neapel",
    "Venice": "Venedig",
    "Florence": "Florenz",
    "Genoa": "Genua",
    "Lisbon": "Lissabon",
    "Seville": "Sevilla",
    "Gothenburg": "Göteborg",
    "Krakow": "Krakau",
    "Wroclaw": "Breslau",
    "Gdansk": "Danzig",
    "Antwerp": "Antwerpen",
    "Brussels": "Brüssel",
    "The Hague": "Den Haag",
    "Saint Petersburg": "Sankt Petersburg",
}
# Countries German names with an article; the rest go without ("in Syrien", but "in der Türkei").
COUNTRY_ARTICLES = {
    **dict.fromkeys(["Türkei", "Schweiz", "Ukraine", "Slowakei", "Mongolei", "Elfenbeinküste"], "f"),
    **dict.fromkeys(["Dominikanische Republik", "Zentralafrikanische Republik"], "f"),
    **dict.fromkeys(["Iran", "Irak", "Libanon", "Sudan", "Südsudan", "Jemen", "Tschad", "Kongo"], "m"),
    **dict.fromkeys(["Niger", "Oman", "Vatikan", "Kosovo", "Senegal"], "m"),
    **dict.fromkeys(["USA", "Vereinigte Staaten", "Niederlande", "Philippinen", "Malediven"], "pl"),
    **dict.fromkeys(["Seychellen", "Bahamas", "Komoren", "Vereinigte Arabische Emirate", "Salomonen"], "pl"),
}
DISTRICT_WORDS = frozenset(
    {"Circoscrizione", "Circoiscrizione", "Municipio", "Bezirk", "District", "Arrondissement"}
)


def name_candidates(fact: Fact, pool: Pool) -> Iterator[str]:
    """Same-class names from the article first, then from other decks and the gazetteers."""
    answer = fact.answer
    same_class = [f.answer for f in pool.facts if f.kind == fact.kind and f.cls == fact.cls and fact.cls]
    if fact.kind == "person":
        yield from _persons(fact, pool, same_class)
        return
    other_decks = stable_order(answer, pool.other_decks(fact.cls))
    if fact.cls == "land":
        article = country_article(answer)  # "die Türkei" gets no "die Syrien", "Syrien" no "dem Irak"
        language = fact.sentence.language
        options = chain(stable_order(answer, same_class), _countries(answer, language), other_decks)
        yield from (name for name in options if language != "de" or country_article(name) == article)
    elif fact.cls == "stadt" and fact.sentence.language == "en":
        yield from english_city_candidates(fact, pool)
    elif fact.cls in ("stadt", "region"):
        own = (city(answer) or (answer,))[0]
        # Cities the sentence names already ("Neapel" rules out "Napoli").
        seen = {found[0] for f in pool.facts if f.sentence is fact.sentence and (found := city(f.answer))}
        # A province is no city ("Provinz Idlib": not the cities Al Bab or Duma).
        cities = _cities(answer, capital=True) if fact.cls == "stadt" else iter(())
        candidates = chain(stable_order(answer, same_class), cities, other_decks)
        for name in candidates:
            canonical = (city(name) or (name,))[0]  # "Genoa" and "Genua" are one city
            if canonical != own and canonical not in seen:
                seen.add(canonical)
                yield name
    elif fact.cls == "fluss":
        yield from stable_order(answer, same_class)
        rivers = RIVERS_EN if fact.sentence.language == "en" else RIVERS
        region = next((names for names in rivers.values() if answer in names), ())
        yield from stable_order(answer, region)
        yield from other_decks
        yield from stable_order(answer, [name for names in rivers.values() for name in names])
    elif fact.cls:  # resorts, newspapers, parties...: the article and the other decks know them
        yield from stable_order(answer, same_class)
        yield from other_decks


def _persons(fact: Fact, pool: Pool, same_class: list[str]) -> Iterator[str]:
    """People of the answer's field and gender: the article's people of the same role, office holders
    of the same office, other decks' people of the same role, then the article's people of no known role.
    Full names for a full name, surnames for a surname; never another name of the same person."""
    answer = fact.answer
    surname = answer.split()[-1]
    english = fact.sentence.language == "en"
    gender = english_gender(fact, pool.facts) if english else person_gender(fact)
    role = fact.cls if fact.cls not in (None, "person") else None
    article = {f.answer: f for f in pool.facts if f.kind == "person"}
    unknown_role = [name for name, f in article.items() if f.cls in (None, "person") and role is None]
    known = list(PERSONS.get(role or "", ())) if fact.sentence.language == "de" else []
    if answer not in known and not any(name.endswith(" " + answer) for name in known):
        known = []  # a club's "Präsident" gets no heads of state: office holders only for one of them
    compatriots = PERSONS_BY_COUNTRY.get(_nationality(fact), ()) if known else ()
    compatriots = [name for name in compatriots if name in known]
    groups = (
        stable_order(answer, same_class),
        stable_order(answer, compatriots),
        stable_order(answer, known),
        stable_order(answer, pool.other_decks(role)),
        stable_order(answer, unknown_role),
    )
    full_names = {name for name in article if " " in name}
    for group in groups:
        for name in group:
            if name.split()[-1] == surname or any(name in full and name != full for full in full_names):
                continue
            other_gender = None
            if name in article:
                other = article[name]
                other_gender = english_gender(other, pool.facts) if english else person_gender(other)
            other_gender = other_gender or ("f" if name in FEMALE else None)
            if gender and other_gender and gender != other_gender:
                continue  # "der Titelverteidiger ____" gets no woman
            if gender == "m" and name in FEMALE:
                continue
            if " " in answer and " " in name:
                yield name
            elif " " not in answer:
                yield name.split()[-1]


def person_gender(fact: Fact) -> str | None:
    """'f' or 'm' from the noun for a person right before the name ("Tennisspielerin Serena Williams",
    "der Titelverteidiger Novak Djokovic"), or None."""
    if fact.first == 0:
        return None
    noun = fact.sentence.tokens[fact.first - 1]
    if not noun.is_noun:
        return None
    if noun.text.endswith("in"):
        return "f"  # "Politikwissenschafterin", also where the lexicon lacks the Austrian form
    lexicon = nlp.nouns().by_lemma
    entry = lexicon.get(noun.text) or lexicon.get(noun.lemma)
    if entry and entry.genus in ("f", "m"):
        return entry.genus
    before = fact.sentence.tokens[fact.first - 2].text.lower() if fact.first > 1 else ""
    return {"der": "m", "die": "f"}.get(before)


def _nationality(fact: Fact) -> str | None:
    """The country the words before a name give it: "der russische Außenminister", "Russlands Präsident"."""
    for token in reversed(fact.sentence.tokens[max(0, fact.first - 4) : fact.first]):
        word = token.text.lower()
        if token.tag == "ADJA":
            for stem, code in NATIONALITY_STEMS.items():
                if word.startswith(stem):
                    return code
        if token.tag == "NE" and word.endswith("s") and (code := country_code(token.text[:-1])):
            return code
    return None


def country_article(name: str) -> str:
    """The article a German text gives a country: "f" (die Türkei), "m" (der Iran), "pl" (die USA), or ""."""
    return COUNTRY_ARTICLES.get(name, "")


def _countries(answer: str, language: str) -> Iterator[str]:
    """Neighbours first, then countries of the same continent and similar population."""
    code = country_code(answer, language)
    info = country_info()
    names = countries(language)
    if language == "en":  # "Hong Kong SAR China" is no country name a student would choose
        names = {code: name for code, name in names.items() if " SAR " not in name}
    if not code or code not in info:
        return
    neighbours = [c for c in info[code]["neighbours"].split(",") if c in names]
    yield from (names[c] for c in stable_order(answer, neighbours))
    nearest = nearest_countries(code) if language == "en" else []
    if nearest:  # the nearest countries: "Laos" is no option for Lebanon, nor "Kyrgyzstan" for Singapore
        yield from (names[c] for c in nearest if c in names)
        return
    population = max(info[code]["population"], 1)
    same_continent = [
        c
        for c, data in info.items()
        if data["continentcode"] == info[code]["continentcode"]
        and c in names
        and c != code
        and data["population"] > 0
    ]
    same_continent.sort(key=lambda c: (abs(math.log(info[c]["population"] / population)), c))
    yield from (names[c] for c in same_continent)


def _cities(answer: str, capital: bool) -> Iterator[str]:
    """Capitals for a capital; otherwise cities of the same country and similar size."""
    found = city(answer)
    if not found:
        return
    name, code, population = found
    if capital and CAPITALS.get(code) == answer:
        neighbours = [c for c in country_info()[code]["neighbours"].split(",") if c in CAPITALS]
        yield from (CAPITALS[c] for c in stable_order(answer, neighbours))
    options = [(n, p) for n, p in cities_of(code) if n != name and _plain(n) and n not in CITY_DISTRICTS]
    options.sort(key=lambda item: (abs(math.log(item[1] / population)), item[0]))
    yield from (GERMAN_EXONYMS.get(n, n) for n, _ in options if GERMAN_EXONYMS.get(n, n) != answer)


def _plain(name: str) -> bool:
    """A name that reads as German: letters, spaces and hyphens, no English 'Saint ...', no city district
    ("Circoscrizione III", "Acilia-Castel Fusano-Ostia Antica")."""
    return (
        all(c.isalpha() or c in " -" for c in name)
        and not name.startswith(("Saint", "St "))
        and "-on-" not in name
        and len(name.replace("-", " ").split()) <= 2
        and not any(word in DISTRICT_WORDS or set(word) <= set("IVXL") for word in name.split())
    )
