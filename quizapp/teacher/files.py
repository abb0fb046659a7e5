"""The bank files behind the teacher pages: where they are, checking an edit, saving and loading it."""

from __future__ import annotations

from pathlib import Path

from flask import current_app

from quizapp.bank import BankError
from quizapp.bank.validate import ValidationReport, bank_files, validate_text
from quizapp.bank.write import save_bank
from quizapp.extensions import db
from quizapp.operations.bank_errors import sync_and_record


def questions_dir() -> Path:
    return Path(current_app.config["QUESTIONS_DIR"])


def bank_path(file_name: str) -> Path:
    """The bank file of a deck; file names come from the database, never from the request."""
    return questions_dir() / Path(file_name).name


def display_name(file_name: str) -> str:
    """How errors name the file, e.g. `questions/x.yaml`."""
    return f"{questions_dir().name}/{file_name}"


def check_text(text: str, file_name: str) -> ValidationReport:
    """Validate a bank file's new text against the other files, without saving anything."""
    others = [(p, display_name(p.name)) for p in bank_files(questions_dir()) if p.name != file_name]
    return validate_text(text, display_name(file_name), others, current_app.config["PROJECT_ROOT"])


def save_and_sync(file_name: str, text: str, expected_sha256: str | None) -> list[BankError]:
    """Save a valid text (refusing one changed on disk: FileChanged) and load it; else return its errors.

    The check knows every rule the load enforces, so the load refuses a checked file only when the
    database does (or another file's live version holds one of its ids): then the file is saved, its
    last good version stays live, and the load's errors are returned (and kept in the error table).
    """
    report = check_text(text, file_name)
    if report.errors:
        return report.errors
    return save_checked(file_name, text, expected_sha256)


def save_checked(file_name: str, text: str, expected_sha256: str | None) -> list[BankError]:
    """Save a text check_text passed (FileChanged if the file changed on disk), load it and commit; the
    load's errors for the file (empty when it went live)."""
    save_bank(bank_path(file_name), text, expected_sha256)
    sync = sync_and_record(questions_dir())
    db.session.commit()
    return sync.errors.get(file_name, [])
