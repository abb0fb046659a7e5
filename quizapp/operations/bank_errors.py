"""Sync the bank files one worker at a time and keep their problems where every worker sees them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select

from quizapp.extensions import db
from quizapp.models import BankLoadError
from quizapp.operations.banks import SyncReport, sync_question_banks

SYNC_LOCK_ID = 724302  # PostgreSQL advisory lock: one bank sync at a time across workers


def sync_and_record(questions_dir: str | Path) -> SyncReport:
    """Load changed bank files and replace the stored problems with this pass's; the caller commits."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(select(db.func.pg_advisory_xact_lock(SYNC_LOCK_ID)))  # released at commit
    report = sync_question_banks(questions_dir)
    record_bank_errors(report)
    return report


def record_bank_errors(report: SyncReport) -> None:
    """A rejected file is re-read at every pass, so this pass's errors are the whole current list."""
    db.session.execute(delete(BankLoadError))
    for file_name, errors in report.errors.items():
        for error in errors:
            db.session.add(BankLoadError(file_name=file_name, display_name=error.file, line=error.line,
                                         column=error.column, message=error.message[:5000]))
    db.session.flush()


def bank_load_errors(file_name: str | None = None) -> list[BankLoadError]:
    """Problems of rejected files (all, or one file's), in file and line order."""
    query = select(BankLoadError).order_by(BankLoadError.file_name, BankLoadError.line, BankLoadError.column)
    if file_name is not None:
        query = query.where(BankLoadError.file_name == file_name)
    return list(db.session.scalars(query))
