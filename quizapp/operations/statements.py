"""Hot-path INSERT ... ON CONFLICT statements, built once per process and database kind, run as plain Core."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite

from quizapp.extensions import db


def dialect_name() -> str:
    return db.session.get_bind().dialect.name


def dialect_insert(table: Table, name: str):
    return (postgresql if name == "postgresql" else sqlite).insert(table)


@lru_cache(maxsize=None)
def insert_once(table: Table, conflict: tuple[str, ...], name: str):
    """INSERT ... ON CONFLICT (conflict) DO NOTHING RETURNING id: the new id, or no row if it was there."""
    return dialect_insert(table, name).on_conflict_do_nothing(index_elements=list(conflict)).returning(table.c.id)


def insert_returning_id(table: Table, conflict: tuple[str, ...], values: dict) -> int | None:
    """Insert the row unless one with the same `conflict` columns exists; its new id, or None."""
    return db.session.execute(insert_once(table, conflict, dialect_name()), values).scalar()
