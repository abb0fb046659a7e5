"""Fixtures for the generator tests: the seed article and its deck, generated once."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.generation.pipeline import generate_deck

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "2025-07-nordkorea-russland.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_deck() -> dict:
    return generate_deck(SEED, source_path="seeds/2025-07-nordkorea-russland.txt")


@pytest.fixture
def write_article(tmp_path):
    """Write bytes or text to an article file in tmp_path and return its path."""

    def write(content: str | bytes, name: str = "2025-01-test-artikel.txt") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    return write
