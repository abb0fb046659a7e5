"""benchmarks/load.py stays runnable: a tiny load on both databases ends with every answer stored once.

The figures themselves are not checked here (they belong to the benchmark's printout), only that the
report is complete and that the exactly-once count holds, which is what the benchmark's exit code says.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("QUIZAPP_TEST_DATABASE_URL")


def test_small_load_reports_every_request_kind_and_loses_no_answer():
    command = [sys.executable, str(ROOT / "benchmarks" / "load.py"), "--students", "3", "--answers", "4",
               "--seconds", "30", "--floor"]
    if POSTGRES_URL:  # the benchmark makes and drops a database of its own on that server
        command += ["--postgres", POSTGRES_URL]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    report = finished.stdout
    for line in ("answer POST alone", "question GET, in the mix", "/healthz alone (ceiling)",
                 "minimal write alone (--floor)", "answer POST throughput / ceiling"):
        assert line in report
    databases = ["SQLite"] + (["PostgreSQL"] if POSTGRES_URL else [])
    for database in databases:
        assert f"\n{database}: 3 students, 2 gunicorn workers" in report
    assert report.count("acknowledged answers: 24, stored: 24, lost or doubled: 0") == len(databases)

