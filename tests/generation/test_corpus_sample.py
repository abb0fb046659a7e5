"""The corpus check's automatic checks on a fixed sample of real articles (see tests/fixtures/corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generation.checks import problems
from quizapp.generation.pipeline import generate_deck

SAMPLE = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "corpus").glob("10kgnad-test-*.txt"))


def test_the_sample_is_there():
    assert len(SAMPLE) >= 8


@pytest.mark.parametrize("path", SAMPLE, ids=[path.stem for path in SAMPLE])
def test_article_gives_items_that_pass_the_checks(path):
    deck = generate_deck(path)
    items = deck["questions"]
    assert deck["deck"]["language"] == "de"
    assert any(item["type"] == "cloze" for item in items)
    text = path.read_bytes().decode("utf-8")
    for item in items:
        assert problems(item, text) == [], item
    assert len({item["id"] for item in items}) == len(items)
