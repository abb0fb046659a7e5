"""The running app notices edited bank files: a cheap look at the files, at most every few seconds."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from flask import Flask, current_app, request
from sqlalchemy.exc import SQLAlchemyError

from quizapp.bank.validate import bank_files
from quizapp.extensions import db

STATE_KEY = "quizapp.bank_watch"
SYNC_LOCK = threading.Lock()  # threaded workers (gthread): one thread of a process looks at a time


def fingerprint(questions_dir: str | Path) -> tuple:
    """Name, inode, size and modification time of every bank file: changes when any file does."""
    stamp = []
    for path in bank_files(questions_dir):
        try:
            st = path.stat()
        except OSError:
            continue
        stamp.append((path.name, st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(stamp)


def sync_now(app: Flask) -> None:
    """Load changed files and record problems; the caller commits. Remembers what was seen."""
    from quizapp.operations.bank_errors import sync_and_record

    directory = app.config["QUESTIONS_DIR"]
    seen = fingerprint(directory)
    report = sync_and_record(directory)
    state = app.extensions.setdefault(STATE_KEY, {"next_check": 0.0, "fingerprint": None})
    state["pending"] = seen
    for errors in report.errors.values():
        for error in errors:
            app.logger.warning("question bank rejected: %s", error)


def check_bank_files() -> None:
    """before_request: sync when the files changed since this worker last looked."""
    app = current_app._get_current_object()
    interval = app.config.get("BANK_RELOAD_SECONDS")
    if interval is None or interval < 0 or request.endpoint == "static":
        return
    state = app.extensions.setdefault(STATE_KEY, {"next_check": 0.0, "fingerprint": None})
    now = time.monotonic()
    if now < state["next_check"]:
        return
    state["next_check"] = now + interval
    if fingerprint(app.config["QUESTIONS_DIR"]) == state["fingerprint"]:
        return
    try:
        sync_now(app)
        db.session.commit()
        mark_synced(app)
    except SQLAlchemyError:  # another worker was writing the same rows: look again next time
        db.session.rollback()
        state["next_check"] = 0.0
        app.logger.warning("bank reload postponed", exc_info=True)
    except Exception:  # noqa: BLE001  the request is served with the last good content; retried later
        db.session.rollback()
        app.logger.exception("bank reload failed")


def mark_synced(app: Flask) -> None:
    """After the commit: the files as they were when the sync began count as seen."""
    state = app.extensions.setdefault(STATE_KEY, {"next_check": 0.0, "fingerprint": None})
    state["fingerprint"] = state.pop("pending", state["fingerprint"])


def mark_seen(app: Flask, stamp: tuple) -> None:
    """The files with this fingerprint are loaded and committed (at start)."""
    state = app.extensions.setdefault(STATE_KEY, {"next_check": 0.0, "fingerprint": None})
    state["fingerprint"] = stamp


def check_in_one_thread() -> None:
    """before_request: check_bank_files, skipped while another thread of this process is at it."""
    if not SYNC_LOCK.acquire(blocking=False):
        return
    try:
        check_bank_files()
    finally:
        SYNC_LOCK.release()


def init_live_reload(app: Flask) -> None:
    app.config.setdefault("BANK_RELOAD_SECONDS", 2.0)
    app.before_request(check_in_one_thread)
