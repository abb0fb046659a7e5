"""Write-back keeps the file as the teacher wrote it, and never overwrites someone else's change."""

from __future__ import annotations

import difflib

import pytest

from quizapp.bank import load_bank_text
from quizapp.bank.write import (
    FileChanged, NotEditable, read_bank, save_bank, set_deck_fields, set_question_fields, sha256_of,
)

from .bank_sample import BANK

COMMENTED = BANK.replace("    type: cloze\n", "    type: cloze   # keep me\n    # a comment inside\n") + \
    "\n# a comment at the very end\n"


def changed_lines(old: str, new: str) -> list[str]:
    return [line for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_changing_one_key_changes_one_line():
    new = set_question_fields(COMMENTED, "grenze-laenge", {"status": "approved"})
    assert changed_lines(COMMENTED, new) == ["-    status: draft", "+    status: approved"]


def test_lists_keep_their_style_and_new_keys_go_to_their_usual_place():
    new = set_question_fields(COMMENTED, "fluss-name", {"distractors": ["Amur", "Ob"], "explanation": "Weil.",
                                                        "source": {"start": None, "end": None}})
    assert changed_lines(COMMENTED, new) == [
        "-    distractors: [Amur, Jalu]", "+    distractors: [Amur, Ob]", "+    explanation: Weil.",
        "-      start: 13", "-      end: 44"]
    assert load_bank_text(new).questions[0].explanation == "Weil."


def test_quoted_values_stay_quoted():
    text = BANK.replace("  title: Der Fluss", "  title: 'Der Fluss: Tumen'")
    new = set_deck_fields(text, {"title": "Der Fluss: Amur", "show_drafts": True})
    assert changed_lines(text, new) == ["-  title: 'Der Fluss: Tumen'", "+  title: 'Der Fluss: Amur'",
                                        "+  show_drafts: true"]


FLAT = """\
deck:
    id: fluss
    title: Der Fluss
    language: de
    source:
        path: seeds/fluss.txt
questions:
- id: fluss-name
  type: mcq
  text: Der Fluss ____ ist die Grenze.
  answer: Tumen
  distractors:
  - Amur
  - Jalu
  source:
    sentence: Der Fluss Tumen ist die Grenze.
  status: approved
"""


def test_other_indentation_is_kept():
    new = set_question_fields(FLAT, "fluss-name", {"answer": "Ob", "distractors": ["Amur", "Tumen"]})
    assert changed_lines(FLAT, new) == ["-  answer: Tumen", "+  answer: Ob", "-  - Jalu", "+  - Tumen"]
    new = set_deck_fields(FLAT, {"show_drafts": True})
    assert changed_lines(FLAT, new) == ["+    show_drafts: true"]


def test_windows_line_endings_stay():
    text = BANK.replace("\n", "\r\n")
    new = set_question_fields(text, "fluss-name", {"status": "retired"})
    assert new == text.replace("    status: approved\r\n", "    status: retired\r\n")


def test_unknown_question_is_refused():
    with pytest.raises(NotEditable):
        set_question_fields(BANK, "nope", {"status": "approved"})


def test_save_replaces_the_file_when_nobody_else_changed_it(tmp_path):
    path = tmp_path / "fluss.yaml"
    path.write_text(BANK)
    text, sha = read_bank(path)
    new_sha = save_bank(path, text.replace("draft", "approved"), sha)
    assert path.read_text() == BANK.replace("draft", "approved")
    assert new_sha == sha256_of(path.read_bytes())
    assert [p.name for p in tmp_path.iterdir()] == ["fluss.yaml"]  # no temp file left behind


def test_save_racing_a_change_on_disk_is_refused(tmp_path):
    path = tmp_path / "fluss.yaml"
    path.write_text(BANK)
    _, sha = read_bank(path)
    path.write_text(BANK + "# edited by hand meanwhile\n")
    with pytest.raises(FileChanged):
        save_bank(path, BANK.replace("draft", "approved"), sha)
    assert path.read_text() == BANK + "# edited by hand meanwhile\n"


def test_a_new_file_is_not_written_over_an_existing_one(tmp_path):
    path = tmp_path / "fluss.yaml"
    save_bank(path, BANK, None)
    with pytest.raises(FileChanged):
        save_bank(path, "deck: {}\n", None)
    assert path.read_text() == BANK
