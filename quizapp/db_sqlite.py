"""SQLite settings for a classroom server: WAL, a busy timeout, foreign keys and durable commits."""

from sqlalchemy import event
from sqlalchemy.engine import Engine


def harden_sqlite(engine: Engine) -> None:
    """Apply the pragmas on every new connection (idempotent per engine)."""
    if getattr(engine, "_quizapp_hardened", False):
        return
    engine._quizapp_hardened = True

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()
