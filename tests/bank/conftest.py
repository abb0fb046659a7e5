"""A tiny project (article + bank) in a temporary directory, for checks that need files."""

from __future__ import annotations

from pathlib import Path

import pytest

from .bank_sample import ARTICLE, BANK


@pytest.fixture
def project(tmp_path) -> Path:
    """A project root with seeds/fluss.txt and questions/fluss.yaml."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "fluss.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "fluss.yaml").write_text(BANK, encoding="utf-8")
    return tmp_path
