"""`hour_start(column)`: a timestamp cut to its UTC hour, in SQLite's and PostgreSQL's own words.

Grouping answers by hour in the database and mapping the few hour buckets to local days in Python keeps
day figures exact in any time zone with whole-hour offsets, without reading every answer.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class hour_start(FunctionElement):  # noqa: N801  reads like the SQL function it stands for
    """The start of the UTC hour of a DateTime column."""

    type = DateTime()
    inherit_cache = True


@compiles(hour_start)
def _hour_start_default(element, compiler, **kw):
    return "date_trunc('hour', %s)" % compiler.process(element.clauses, **kw)


@compiles(hour_start, "sqlite")
def _hour_start_sqlite(element, compiler, **kw):
    return "strftime('%%Y-%%m-%%d %%H:00:00', %s)" % compiler.process(element.clauses, **kw)


def as_datetime(value) -> dt.datetime:
    """SQLite hands the bucket back as text, PostgreSQL as a datetime."""
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
