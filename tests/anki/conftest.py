"""Anki's own library as the judge: packages are imported into a fresh collection in a temporary folder."""

from __future__ import annotations

import pytest

from quizapp.bank import load_bank_text

pytest.importorskip("anki.collection", reason="the test extra installs PyPI 'anki'")

from tests.anki.support import BANK, CLASS_BANK, CLASS_DECK, AnkiCollection  # noqa: E402


@pytest.fixture
def bank():
    return load_bank_text(BANK, "questions/test-deck.yaml")


@pytest.fixture
def questions_dir(tmp_path):
    """The app tests load one known deck, not the seed deck (which the generator rewrites)."""
    target = tmp_path / "questions"
    target.mkdir()
    (target / f"{CLASS_DECK}.yaml").write_text(CLASS_BANK, encoding="utf-8")
    return target


@pytest.fixture
def anki(tmp_path):
    """A fresh, empty Anki collection."""
    folder = tmp_path / "anki"
    folder.mkdir()
    collection = AnkiCollection(folder / "collection.anki2")
    yield collection
    collection.col.close()
