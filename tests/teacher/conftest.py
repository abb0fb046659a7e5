"""Teacher tests: a private project root (seeds + questions) and live reload on every request."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizapp.bank.write import read_bank, set_question_fields

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DECK_FILE = "nordkorea-russland.yaml"
FIXED_DECK = PROJECT_ROOT / "tests" / "fixtures" / "banks" / DECK_FILE  # the hand-written seed deck, frozen
DRAFTS = ["nkru-grenze-laenge", "nkru-grenzfluss-tumen", "nkru-putin-besuch-jahre"]


@pytest.fixture
def questions_dir(tmp_path) -> Path:
    """questions/ with a frozen copy of the hand-written seed deck: these tests count its items."""
    target = tmp_path / "questions"
    target.mkdir()
    shutil.copy(FIXED_DECK, target / DECK_FILE)
    return target


@pytest.fixture
def app_config(app_config, tmp_path) -> dict:
    """tmp_path is the project root: questions/ is already there, seeds/ is copied beside it."""
    shutil.copytree(PROJECT_ROOT / "seeds", tmp_path / "seeds")
    return dict(app_config, PROJECT_ROOT=str(tmp_path), BANK_RELOAD_SECONDS=0)


@pytest.fixture
def deck_file(questions_dir) -> Path:
    """The seed deck with three items turned back into drafts (before the app loads it)."""
    path = questions_dir / DECK_FILE
    text, _ = read_bank(path)
    for qid in DRAFTS:
        text = set_question_fields(text, qid, {"status": "draft"})
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def teacher(deck_file, app, auth, forms, create_user):
    """A logged-in teacher who reads the pages in English (the tests match English messages)."""
    create_user("lehrerin", teacher=True)
    auth.login("lehrerin")
    forms.post("/language/en", page="/")
    return "lehrerin"


@pytest.fixture
def student(deck_file, app, auth, create_user):
    """A logged-in student."""
    create_user("schueler")
    auth.login("schueler")
    return "schueler"
