"""One clock for the database: naive UTC, the same on SQLite and PostgreSQL."""

import datetime as dt


def utcnow() -> dt.datetime:
    """The current time as naive UTC, for columns and comparisons."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
