"""SIGKILL gunicorn (master and workers) in the middle of a load: nothing acknowledged is lost.

Bounded: 6 students, at most 40 answers each and 60 seconds; the kill comes after 30 acknowledged answers.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter

import pytest

from loadkit import Server, Tally, prepare_site, request, run_students, stored_answers

pytestmark = pytest.mark.slow


def kill_under_load(server: Server, names: list[str], deck_id: str, tally: Tally, after: int) -> None:
    """Students answer in threads; once `after` answers are acknowledged, the whole server gets SIGKILL."""
    stop = threading.Event()
    students = threading.Thread(target=run_students,
                                args=(server.port, names, deck_id, tally, 40, 60, stop))
    students.start()
    deadline = time.monotonic() + 60
    while len(tally.acknowledged) < after and time.monotonic() < deadline and students.is_alive():
        time.sleep(0.01)
    stop.set()  # from here on, failed requests are expected
    server.kill()
    students.join(timeout=90)
    assert len(tally.acknowledged) >= after, f"only {len(tally.acknowledged)} answers before the kill: {tally.errors}"


def test_acknowledged_answers_survive_sigkill(own_database_url, tmp_path):
    instance, questions = tmp_path / "instance", tmp_path / "questions"
    names, deck_id = prepare_site(own_database_url, instance, questions, students=6)
    server = Server(own_database_url, instance, questions, workers=2)
    server.start()
    tally = Tally()
    kill_under_load(server, names, deck_id, tally, after=30)
    assert not tally.errors, tally.errors

    if own_database_url.startswith("sqlite"):
        path = own_database_url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    restarted = Server(own_database_url, instance, questions, workers=2)
    restarted.start()  # waits for /healthz 200: the database is usable again
    try:
        stored = Counter(stored_answers(own_database_url))
        missing = [key for key in tally.acknowledged if key not in stored]
        assert not missing, f"{len(missing)} acknowledged answers lost: {missing[:5]}"
        assert max(stored.values()) == 1
        after_restart = Tally()
        run_students(restarted.port, names[:2], deck_id, after_restart, budget=3, seconds=30)
        assert not after_restart.errors, after_restart.errors
        assert len(after_restart.acknowledged) >= 6
        assert request(restarted.port, "GET", "/healthz").status == 200
    finally:
        restarted.stop()
