"""What happens once when the app starts: schema upgrade, then loading the bank files."""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade

from quizapp.extensions import db

ADVISORY_LOCK_ID = 724301  # any constant: all quizapp processes on one PostgreSQL database agree on it


def upgrade_and_sync(app: Flask) -> None:
    """Bring the schema to head and load questions/; no bank file can stop the start (errors are logged).

    Several gunicorn workers start at once: one at a time runs this, the others then find the work done.
    """
    from quizapp.live_reload import fingerprint, mark_seen
    from quizapp.operations.bank_errors import sync_and_record

    with app.app_context(), startup_lock(app):
        if app.config.get("UPGRADE_DB_ON_START"):
            upgrade()
        if app.config.get("SYNC_BANKS_ON_START"):
            seen = fingerprint(app.config["QUESTIONS_DIR"])  # before loading: an edit meanwhile is seen later
            try:
                report = sync_and_record(app.config["QUESTIONS_DIR"])  # as a later reload would
                db.session.commit()
            except Exception:  # noqa: BLE001  the app starts with the last good content all the same
                db.session.rollback()
                app.logger.exception("loading the bank files failed; serving the last good content")
                return
            mark_seen(app, seen)  # the first request need not load the same files again
            for errors in report.errors.values():
                for error in errors:
                    app.logger.warning("question bank rejected: %s", error)
            app.extensions["quizapp.bank_errors"] = report.errors


@contextlib.contextmanager
def startup_lock(app: Flask) -> Iterator[None]:
    """One process at a time: a PostgreSQL advisory lock, or a lock file beside SQLite's instance data."""
    engine = db.engine
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({ADVISORY_LOCK_ID})")
            try:
                yield
            finally:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({ADVISORY_LOCK_ID})")
        return
    path = Path(app.instance_path) / "startup.lock"
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file closes, even if this process dies
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
