"""Load test: N students at once against gunicorn (2 workers) on SQLite and, given a URL, on PostgreSQL.

    /work/venv/bin/python benchmarks/load.py [--students 20] [--answers 30] [--seconds 60]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres]

Loopback only; every loop is bounded by --answers per student and --seconds. For PostgreSQL a database of
its own is created on that server and dropped afterwards. Three phases, one after the other:

1. mixed: each student logs in and answers its runs (question GET, answer POST, every 5th POST sent twice);
2. answers: each student starts a new run and posts only answers (those of phase 1 where the run asks the
   same question, else the right one), no page between;
3. ping: as many clients fetch /healthz, the cheapest request the same server answers (the ceiling);
4. with --floor only: the server also has benchmarks/floor_app.py's POST /bench/write, the least work any
   answer must do (signed in, CSRF check, one INSERT, commit, redirect), and the students post to it: what
   that floor reaches of the ceiling bounds what any answer POST on this stack can reach.

Prints throughput and p50/p95/p99 latency per request kind, the CPU the client (this process) and the
server (gunicorn) used per phase, the ratio answer POST alone / ceiling (aim >= 0.5) and the same ratio
from server CPU per request (what it would be if the client, on the same cores, cost nothing), and
checks that every acknowledged answer is stored exactly once. Exit code 1 on any error or a lost or
doubled answer.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadkit import (  # noqa: E402
    Server, Tally, minimal_writes, own_postgres_database, percentile, ping, prepare_site, run_answers_only,
    run_forms, run_students, start_new_runs, stored_answers,
)

KINDS = (("question", "mixed", "question GET, in the mix"), ("answer", "mixed", "answer POST, in the mix"),
         ("answer only", "answers", "answer POST alone"), ("ping", "ping", "/healthz alone (ceiling)"),
         ("floor", "floor", "minimal write alone (--floor)"))


@dataclass
class Phase:
    """Wall time and CPU (client: this process; server: gunicorn's master and workers) of one phase."""

    wall: float = 0.0
    client_cpu: float = 0.0
    server_cpu: float = 0.0
    machine_cpu: float = 0.0  # every process on the machine, ours included


def machine_busy() -> float:
    """CPU seconds all cores spent on anything but idling since boot (Linux /proc/stat)."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def measured(server: Server, run) -> Phase:
    """Run one phase and measure it."""
    client, served, busy = time.process_time(), server.cpu_seconds(), machine_busy()
    wall = run()
    return Phase(wall, time.process_time() - client, server.cpu_seconds() - served, machine_busy() - busy)


def report(label: str, tally: Tally, phases: dict[str, Phase]) -> dict[str, float]:
    """Print one line per request kind and one per phase; return the throughputs."""
    rates = {}
    print(f"\n{label}")
    print(f"  {'request':<32} {'count':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, phase, title in KINDS:
        if phase not in phases:
            continue
        values = tally.latencies[kind]
        wall = phases[phase].wall
        rates[kind] = len(values) / wall if wall else 0.0
        print(f"  {title:<32} {len(values):>6} {rates[kind]:>8.1f} {percentile(values, .5) * 1000:>8.1f} "
              f"{percentile(values, .95) * 1000:>8.1f} {percentile(values, .99) * 1000:>8.1f}")
    print(f"  {'phase':<8} {'wall s':>7} {'client cores':>13} {'server cores':>13} {'other processes':>16} "
          f"{'server CPU ms/request':>22}")
    counts = {"mixed": len(tally.latencies["question"]) + len(tally.latencies["answer"]),
              "answers": len(tally.latencies["answer only"]), "ping": len(tally.latencies["ping"]),
              "floor": len(tally.latencies["floor"])}
    for name, phase in phases.items():
        per_request = phase.server_cpu * 1000 / counts[name] if counts[name] else 0.0
        others = max(0.0, phase.machine_cpu - phase.client_cpu - phase.server_cpu)
        print(f"  {name:<8} {phase.wall:>7.1f} {phase.client_cpu / phase.wall:>13.2f} "
              f"{phase.server_cpu / phase.wall:>13.2f} {others / phase.wall:>16.2f} {per_request:>22.2f}")
        rates[f"cpu {name}"] = per_request
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
    server = Server(database_url, instance, questions, workers=args.workers,
                    app="floor_app:create_floor_app()" if args.floor else "quizapp:create_app()")
    server.start()
    tally, team = Tally(), []
    try:
        phases = {"mixed": measured(server, lambda: run_students(server.port, names, deck_id, tally, args.answers,
                                                                 args.seconds, team=team))}
        runs = start_new_runs(team, args.seconds)
        forms = run_forms(database_url, runs)
        phases["answers"] = measured(server, lambda: run_answers_only(team, runs, forms, args.answers,
                                                                      args.seconds))
        phases["ping"] = measured(server, lambda: ping(server.port, tally, args.students, args.answers * 2,
                                                       args.seconds))
        if args.floor:
            phases["floor"] = measured(server, lambda: minimal_writes(team, args.answers, args.seconds))
    finally:
        server.stop()
    rates = report(f"{label}: {args.students} students, {args.workers} gunicorn workers, "
                   f"{os.cpu_count()} CPU cores shared with this client", tally, phases)
    ratio = rates["answer only"] / rates["ping"] if rates["ping"] else 0.0
    capacity = rates["cpu ping"] / rates["cpu answers"] if rates["cpu answers"] else 0.0
    print(f"  answer POST throughput / ceiling, both alone: {ratio:.2f} (aim >= 0.50)")
    print(f"  server CPU of /healthz / server CPU of an answer POST: {capacity:.2f} "
          f"(the ratio if the client cost nothing)")
    if args.floor and rates["ping"] and rates.get("cpu floor"):
        print(f"  minimal write throughput / ceiling: {rates['floor'] / rates['ping']:.2f}; server CPU of /healthz / "
              f"of a minimal write: {rates['cpu ping'] / rates['cpu floor']:.2f} (the most any answer POST can reach)")
    client_share = phases["ping"].client_cpu / phases["ping"].wall
    if client_share > 0.8:
        print(f"  note: the client used {client_share:.2f} cores in the ping phase (a Python client tops out near "
              f"1): the ceiling is partly the client's, not the server's")
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
    parser.add_argument("--floor", action="store_true",
                        help="also measure benchmarks/floor_app.py's minimal authenticated write")
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
