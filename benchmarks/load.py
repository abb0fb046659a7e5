"""Load test: N students at once against gunicorn (2 workers) on SQLite and, given a URL, on PostgreSQL.

    /work/venv/bin/python benchmarks/load.py [--students 20] [--answers 30] [--seconds 60]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres]

Loopback only; every loop is bounded by --answers per student and --seconds. For PostgreSQL a database of
its own is created on that server and dropped afterwards. Prints throughput and p50/p95/p99 latency of the
question GET, the answer POST and /healthz (the ceiling: the cheapest request the same server answers),
the ratio answer/ceiling (aim >= 0.5), and checks that every acknowledged answer is stored exactly once.
Exit code 1 on any error or a lost or doubled answer.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadkit import (  # noqa: E402
    Server, Tally, own_postgres_database, percentile, ping, prepare_site, run_students, stored_answers,
)


def report(label: str, tally: Tally, wall: dict[str, float]) -> dict[str, float]:
    """Print one line per request kind; return the throughputs."""
    rates = {}
    print(f"\n{label}")
    print(f"  {'request':<10} {'count':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, phase in (("question", "students"), ("answer", "students"), ("ping", "ping")):
        values = tally.latencies[kind]
        rates[kind] = len(values) / wall[phase] if wall[phase] else 0.0
        print(f"  {kind:<10} {len(values):>6} {rates[kind]:>8.1f} {percentile(values, .5) * 1000:>8.1f} "
              f"{percentile(values, .95) * 1000:>8.1f} {percentile(values, .99) * 1000:>8.1f}")
    return rates


def check_stored(tally: Tally, database_url: str) -> list[str]:
    """Every acknowledged answer is in the database exactly once."""
    stored = Counter(stored_answers(database_url))
    problems = [f"answer {key} stored {n} times" for key, n in stored.items() if n > 1]
    problems += [f"acknowledged answer {key} is missing" for key in tally.acknowledged if key not in stored]
    print(f"  acknowledged answers: {len(tally.acknowledged)}, stored: {sum(stored.values())}, "
          f"lost or doubled: {len(problems)}")
    return problems


def run(label: str, database_url: str, args, scratch: Path) -> list[str]:
    instance, questions = scratch / "instance", scratch / "questions"
    names, deck_id = prepare_site(database_url, instance, questions, args.students)
    server = Server(database_url, instance, questions, workers=args.workers)
    server.start()
    tally = Tally()
    try:
        wall = {"students": run_students(server.port, names, deck_id, tally, args.answers, args.seconds)}
        wall["ping"] = ping(server.port, tally, args.students, args.answers * 2, args.seconds)
    finally:
        server.stop()
    rates = report(f"{label}: {args.students} students, {args.workers} gunicorn workers", tally, wall)
    ratio = rates["answer"] / rates["ping"] if rates["ping"] else 0.0
    print(f"  answer POST throughput / ceiling: {ratio:.2f} (aim >= 0.50)")
    problems = [f"{label}: {e}" for e in tally.errors[:20]]
    problems += [f"{label}: {p}" for p in check_stored(tally, database_url)[:20]]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--answers", type=int, default=30, help="answers per student (bound)")
    parser.add_argument("--seconds", type=float, default=60, help="time bound per phase")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--postgres", help="a PostgreSQL URL; a database of our own is made on that server")
    args = parser.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        problems += run("SQLite", f"sqlite:///{scratch}/load.sqlite", args, Path(scratch) / "sqlite")
    if args.postgres:
        with tempfile.TemporaryDirectory() as scratch, own_postgres_database(args.postgres) as url:
            problems += run("PostgreSQL", url, args, Path(scratch) / "pg")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
