"""A PostgreSQL restart (or a proxy dropping idle connections) must not show students an error page.

Every connection the workers hold is cut with pg_terminate_backend, as a database restart or failover
does; the students' next pages and answers must go through on fresh connections.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from loadkit import Server, Student, Tally, prepare_site, stored_answers


def cut_connections(database_url: str) -> int:
    """Terminate every other session on the database; the number cut."""
    url = sa.make_url(database_url)
    engine = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            return len(conn.execute(sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": url.database}).all())
    finally:
        engine.dispose()


# SQLite has no connections to cut
@pytest.mark.parametrize("own_database_url", ["postgresql"], indirect=True)
def test_students_go_on_after_every_database_connection_was_cut(own_database_url, tmp_path):
    url = own_database_url
    names, deck_id = prepare_site(url, tmp_path / "instance", tmp_path / "questions", students=2)
    server = Server(url, tmp_path / "instance", tmp_path / "questions", workers=2)
    server.start()
    try:
        tally = Tally()
        team = [Student(server.port, name, deck_id, tally) for name in names]
        runs = []
        for student in team:
            student.log_in()
            runs.append(student.start_run())
            for _ in range(3):  # both workers now hold pooled connections
                assert student.answer_one(runs[-1])
        assert cut_connections(url) >= 1

        for student, run in zip(team, runs, strict=True):
            for _ in range(3):  # raises on any answer other than the expected one (a 500 included)
                assert student.answer_one(run)
        assert not tally.errors, tally.errors
        stored = stored_answers(url)
        assert sorted(tally.acknowledged) == sorted(set(stored)) and len(stored) == len(set(stored))
    finally:
        server.stop()
