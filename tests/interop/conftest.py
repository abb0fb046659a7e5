"""The app with the frozen seed deck, tmp_path as the project root (imports write seeds/ and questions/)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app_config(app_config, tmp_path) -> dict:
    shutil.copytree(PROJECT_ROOT / "seeds", tmp_path / "seeds")
    return dict(app_config, PROJECT_ROOT=str(tmp_path), BANK_RELOAD_SECONDS=0)


@pytest.fixture
def teacher(app, auth, forms, create_user):
    """A logged-in teacher who reads the pages in English."""
    create_user("lehrerin", teacher=True)
    auth.login("lehrerin")
    forms.post("/language/en", page="/")
    return "lehrerin"
