"""What several server processes rely on: /healthz, SQLite pragmas, one secret key, a safe start, and logins
while Redis is down."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from loadkit import Server, Student, Tally, prepare_site, token_in
from quizapp import create_app
from quizapp.config import instance_secret_key
from quizapp.extensions import db

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}
    assert "Set-Cookie" not in response.headers  # a load balancer's probe gets no session


def test_healthz_reports_an_unreachable_database(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/none",
                      "SECRET_KEY": "x", "UPGRADE_DB_ON_START": False, "SYNC_BANKS_ON_START": False},
                     instance_path=str(tmp_path / "instance"))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "error", "database": "unreachable"}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_sqlite_connections_are_hardened(app):
    with app.app_context():
        for _ in range(2):  # the pragmas hold on every connection, not just the first
            with db.engine.connect() as conn:
                assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
                assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
                assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
                # FULL: each commit reaches the disk, so an acknowledged answer survives a power cut too
                assert conn.execute(text("PRAGMA synchronous")).scalar() == 2


SECRET_KEY_RACE = """
import sys, time
from quizapp.config import instance_secret_key
start = float(sys.argv[2])
while time.time() < start:
    pass
print(instance_secret_key(sys.argv[1]))
"""


def test_workers_starting_at_once_agree_on_one_secret_key(tmp_path):
    """Sessions are signed cookies: every worker must sign with the same key, written once."""
    import time

    start = str(time.time() + 1.5)
    workers = [subprocess.Popen([sys.executable, "-c", SECRET_KEY_RACE, str(tmp_path), start],
                                stdout=subprocess.PIPE, text=True) for _ in range(8)]
    keys = {worker.communicate(timeout=60)[0].strip() for worker in workers}
    assert len(keys) == 1 and len(next(iter(keys))) == 64
    assert instance_secret_key(str(tmp_path)) in keys
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0  # readable by the server's user only
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]  # no temporary files left


START = """
import sys, time
from quizapp import create_app
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
create_app()
print("started")
"""


def start_at_once(database_url: str, instance: Path, questions: Path, count: int = 4) -> list[str]:
    """`count` processes run create_app() at the same moment, as gunicorn workers do."""
    import time

    env = {**os.environ, "QUIZAPP_DATABASE_URL": database_url, "QUIZAPP_INSTANCE_PATH": str(instance),
           "QUIZAPP_QUESTIONS_DIR": str(questions), "QUIZAPP_SECRET_KEY": "x"}
    start = str(time.time() + 6)  # imports take a while; all then start together
    workers = [subprocess.Popen([sys.executable, "-c", START, start], env=env, cwd=ROOT, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(count)]
    results = [worker.communicate(timeout=120) for worker in workers]
    return [out.strip() or err[-2000:] for out, err in results]


def deck_and_question_counts(database_url: str, instance: Path) -> tuple[int, int]:
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "x", "UPGRADE_DB_ON_START": False,
                      "SYNC_BANKS_ON_START": False}, instance_path=str(instance))
    with app.app_context():
        counts = (db.session.execute(text("SELECT count(*) FROM decks")).scalar(),
                  db.session.execute(text("SELECT count(*) FROM questions")).scalar())
        db.session.remove()
        db.engine.dispose()
    return counts


def test_workers_starting_at_once_upgrade_and_load_banks_once(own_database_url, tmp_path, questions_dir):
    outcomes = start_at_once(own_database_url, tmp_path / "instance", questions_dir)
    counts = deck_and_question_counts(own_database_url, tmp_path / "check")
    assert outcomes == ["started"] * 4, outcomes
    files = list(questions_dir.glob("*.yaml"))
    assert counts[0] == len(files) and counts[1] > 0


def test_a_redis_outage_neither_locks_students_out_nor_lifts_the_login_limit(tmp_path):
    """With QUIZAPP_REDIS_URL pointing at a Redis that is down, gunicorn still logs students in and still
    refuses the 11th login try in a minute, counting in each worker's memory until Redis is back."""
    url = f"sqlite:///{tmp_path / 'outage.sqlite'}"
    names, deck_id = prepare_site(url, tmp_path / "instance", tmp_path / "questions", students=1)
    server = Server(url, tmp_path / "instance", tmp_path / "questions", workers=1)
    server.env["QUIZAPP_REDIS_URL"] = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    server.start()
    try:
        student = Student(server.port, names[0], deck_id, Tally())
        student.log_in()  # raises unless the login answered 302
        assert "/runs/" in student.start_run()

        guesser = Student(server.port, names[0], deck_id, Tally())
        codes = []
        for _ in range(11):
            token = token_in(guesser.call("GET", "/auth/login").body)
            codes.append(guesser.call("POST", "/auth/login", {"csrf_token": token, "username": names[0],
                                                              "password": "wrong-password"}).status)
        assert codes[:9] == [200] * 9 and codes[-1] == 429, codes  # the good login above counted too
    finally:
        server.stop()
