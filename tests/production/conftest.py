"""Production tests drive real gunicorn servers through benchmarks/loadkit.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

POSTGRES_URL = os.environ.get("QUIZAPP_TEST_DATABASE_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def own_database_url(request, tmp_path):
    """A SQLite file, then a PostgreSQL database of the test's own, made and dropped here: servers that are
    killed or run side by side must not share the test database that other tests reset."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'site.sqlite'}"
        return
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL run needs QUIZAPP_TEST_DATABASE_URL (CI sets it)")
    from loadkit import own_postgres_database

    with own_postgres_database(POSTGRES_URL, prefix="quizapp_serving") as url:
        yield url
