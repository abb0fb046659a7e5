"""Progress pages on a big class: median time of the dashboard, the class overview and the item analysis.

    /work/venv/bin/python benchmarks/progress_pages.py [--scale 1.0] [--repeat 15] [--keep DIR]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/bench]

Fills a database with 1,000 students x 200 questions x 20 attempts (4 million attempts; --scale 0.1 makes
it 100 students) by bulk insert (executemany on SQLite, COPY on PostgreSQL), one review card per student and
question, then requests each page `--repeat` times with start-up's objects frozen out of the garbage collector
(gc.freeze, as deploy/gunicorn.conf.py does in each worker) and as many times without, in alternating blocks,
and prints min / median / p95 / max of each (aim: p95 under 150 ms). SQLite always runs; PostgreSQL only with --postgres, and that database's public
schema is DROPPED first, so give it a scratch database. Figures: docs/scheduling.md, section Speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import sqlalchemy as sa

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt
from quizapp.models.time import utcnow
from quizapp.operations.item_tallies import answer_hash

QUESTIONS, ATTEMPTS, STUDENTS = 200, 20, 1000
CLASS_SIZE = 25
DECK = "bench"
PASSWORD = "benchmark1"


def fmt(moment: dt.datetime, pg: bool):
    """What the driver stores for a DateTime column: SQLAlchemy's SQLite text format, or the datetime."""
    return moment if pg else moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def write_bank(folder: Path) -> None:
    """The benchmark deck as a bank file, loaded by the app like any other: half mcq, half cloze."""
    lines = ["deck:", f"  id: {DECK}", "  title: Benchmark", "  language: de", "  source:", "    path: seeds/x.txt",
             "questions:"]
    for i in range(QUESTIONS):
        lines += [f"  - id: b-{i:03d}", "    status: approved", "    source:", f"      sentence: Satz {i}."]
        if i % 2 == 0:
            lines += ["    type: mcq", f"    text: 'Frage {i}: Der Fluss heißt ____.'", "    answer: Tumen",
                      "    distractors: [Amur, Jalu, Ussuri]"]
        else:
            lines += ["    type: cloze", f"    text: 'Frage {i}: Die Grenze ist {{{{c1::{i}}}}} km lang.'"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{DECK}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_app(url: str, folder: Path):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "QUESTIONS_DIR": str(folder / "questions"),
                       "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, "PUBLISH_NEW_DECKS": True},
                      instance_path=str(folder / "instance"))


def answer_for(qid_index: int, verdict: str, rng: random.Random) -> str:
    if qid_index % 2 == 0:
        return "Tumen" if verdict == "right" else rng.choice(["Amur", "Amur", "Jalu", "Ussuri"])
    return str(qid_index) if verdict == "right" else rng.choice(["12", "13", "100", ""])


def generate(students: list[int], now: dt.datetime, pg: bool, seed: int = 7):
    """Yield (attempt row, (round, question, verdict, time)); ability and difficulty make the statistics real."""
    rng = random.Random(seed)
    difficulty = [rng.gauss(0, 1) for _ in range(QUESTIONS)]
    start = now - dt.timedelta(days=60)
    for uid in students:
        ability = rng.gauss(0.5, 1)
        for r in range(ATTEMPTS):
            session = start + dt.timedelta(days=3 * r, minutes=uid % 600)
            for q in range(QUESTIONS):
                p = 1 / (1 + math.exp(difficulty[q] - ability - r / 10))
                roll = rng.random()
                verdict = "right" if roll < p else ("almost" if roll < p + 0.05 else "wrong")
                when = session + dt.timedelta(seconds=20 * q)
                yield (uid, f"b-{q:03d}", answer_for(q, verdict, rng), verdict,
                                  rng.randint(2_000, 40_000), fmt(when, pg)), (r, q, verdict, when)


def fill(url: str, scale: float, folder: Path) -> None:
    """Schema through Alembic and the deck through the bank loader, then bulk-load people and answers."""
    now = utcnow().replace(microsecond=0)
    write_bank(folder / "questions")
    app = bench_app(url, folder)
    pg = url.startswith("postgresql")
    count = max(2, round(STUDENTS * scale))
    with app.app_context():
        from quizapp.models import User
        user = User(username="x")
        user.set_password(PASSWORD)
        hashed = user.password_hash
        with db.engine.begin() as conn:
            conn.execute(db.metadata.tables["users"].insert(), [
                dict(id=i + 1, username=f"student{i:04d}", username_key=f"student{i:04d}", password_hash=hashed,
                     is_teacher=False, created_at=now)
                for i in range(count)] + [
                dict(id=count + 1, username="teacher", username_key="teacher", password_hash=hashed,
                     is_teacher=True, created_at=now)])
            if pg:
                conn.exec_driver_sql("SELECT setval('users_id_seq', %s)" % (count + 1))
            # classes of CLASS_SIZE students, all taught by the one teacher (as after migration 0007 she sees
            # everyone); the pages are measured for one class and for all of them
            classes = -(-count // CLASS_SIZE)
            conn.execute(db.metadata.tables["classes"].insert(), [
                dict(id=c + 1, name=f"Klasse {c + 1}", join_code=f"BENCH{c:03d}", created_at=now)
                for c in range(classes)])
            conn.execute(db.metadata.tables["class_teachers"].insert(), [
                dict(class_id=c + 1, user_id=count + 1) for c in range(classes)])
            conn.execute(db.metadata.tables["class_members"].insert(), [
                dict(class_id=i // CLASS_SIZE + 1, user_id=i + 1, joined_at=now) for i in range(count)])
            conn.execute(db.metadata.tables["assignments"].insert(), [
                dict(class_id=1, deck_id=DECK, due_at=now, target=15, created_at=now)])
        indexes = list(Attempt.__table__.indexes)
        with db.engine.begin() as conn:
            for index in indexes:
                index.drop(conn)
        started = time.perf_counter()
        bulk_load(list(range(1, count + 1)), now, pg)
        with db.engine.begin() as conn:
            for index in indexes:
                index.create(conn)
            conn.exec_driver_sql("ANALYZE")
        print(f"  filled {count} students x {QUESTIONS} questions x {ATTEMPTS} attempts "
              f"= {count * QUESTIONS * ATTEMPTS:,} attempts in {time.perf_counter() - started:.0f} s")
        db.engine.dispose()


ATTEMPT_COLUMNS = "user_id, question_id, answer_given, verdict, time_taken_ms, created_at"
CARD_COLUMNS = ("user_id, question_id, state, due, fsrs_card, reps, lapses, last_review, scheduled_days, "
                "correct_count, first_seen, first_verdict, first_answer")


def card_row(uid, qid, history, pg):
    """A review card consistent with the attempts: first attempt, totals, a plausible FSRS state."""
    _r, _q, first_verdict, first_when, first_answer = history[0]
    right = sum(h[2] == "right" for h in history)
    last_when = history[-1][3]
    streak = 0
    for h in reversed(history):
        if h[2] != "right":
            break
        streak += 1
    state = "review" if streak else "relearning"
    days = min(120, 2 ** min(streak, 7) // 2) if streak else 0
    due = last_when + dt.timedelta(days=days, minutes=0 if streak else 10)
    card = {"card_id": 0, "state": 2 if streak else 3, "step": None if streak else 0, "stability": float(days or 1),
            "difficulty": 5.0, "due": due.isoformat() + "+00:00", "last_review": last_when.isoformat() + "+00:00"}
    lapses = sum(1 for a, b in zip(history, history[1:]) if a[2] == "right" and b[2] == "wrong")
    return (uid, qid, state, fmt(due, pg), json.dumps(card), len(history), lapses, fmt(last_when, pg), days, right,
            fmt(first_when, pg), first_verdict, first_answer)


def bulk_load(students: list[int], now: dt.datetime, pg: bool) -> None:
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if not pg:
            cursor.execute("PRAGMA synchronous=OFF")
        mark = "%s" if pg else "?"
        attempts, cards = [], []
        first_learners: dict[tuple, list[str]] = defaultdict(list)  # the item-analysis tallies
        first_answers: dict[tuple, int] = defaultdict(int)
        histories: dict[str, list] = {}
        current = None

        def flush():
            if pg:
                with cursor.copy(f"COPY attempts ({ATTEMPT_COLUMNS}) FROM STDIN") as copy:
                    for row in attempts:
                        copy.write_row(row)
                with cursor.copy(f"COPY review_cards ({CARD_COLUMNS}) FROM STDIN") as copy:
                    for row in cards:
                        copy.write_row(row)
            else:
                cursor.executemany(f"INSERT INTO attempts ({ATTEMPT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", attempts)
                cursor.executemany(f"INSERT INTO review_cards ({CARD_COLUMNS}) VALUES "
                                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cards)
            attempts.clear()
            cards.clear()

        def close_student():
            for qid, history in histories.items():
                cards.append(card_row(current, qid, history, pg))
                _r, _q, verdict, _when, answer = history[0]
                first_learners[qid, verdict].append(str(current))
                first_answers[qid, verdict, answer] += 1
            histories.clear()

        for row, (r, q, verdict, when) in generate(students, now, pg):
            uid = row[0]
            if uid != current:
                if current is not None:
                    close_student()
                if len(attempts) > 200_000:
                    flush()
                current = uid
            histories.setdefault(row[1], []).append((r, q, verdict, when, row[2]))
            attempts.append(row)
        close_student()
        flush()
        cursor.executemany(f"INSERT INTO item_first_verdicts (question_id, verdict, learners) "
                           f"VALUES ({mark}, {mark}, {mark})",
                           [(q, v, " ".join(ids)) for (q, v), ids in first_learners.items()])
        cursor.executemany("INSERT INTO item_first_answers (question_id, verdict, answer_hash, answer, count) "
                           f"VALUES ({mark}, {mark}, {mark}, {mark}, {mark})",
                           [(q, v, answer_hash(a), a, n) for (q, v, a), n in first_answers.items()])
        raw.commit()
    finally:
        raw.close()


def measure(url: str, repeat: int, folder: Path) -> dict[str, dict[str, list[float]]]:
    """Milliseconds per request through the test client, logged in as a student and as the teacher, with
    start-up's objects frozen out of the garbage collector (as deploy/gunicorn.conf.py does in each worker)
    and without, in alternating blocks of 10 requests so that both see the same machine."""
    app = bench_app(url, folder)
    pages = {
        "student0001": {"dashboard": f"/progress/decks/{DECK}"},
        "teacher": {"class overview (all classes)": "/progress/class",
                    "item analysis (all classes)": f"/progress/class/decks/{DECK}/items",
                    "class overview (one class)": "/progress/class?class=1",
                    "item analysis (one class)": f"/progress/class/decks/{DECK}/items?class=1",
                    "class page (one class)": "/classes/1"},
    }
    results = {}
    for username, urls in pages.items():
        client = app.test_client()
        response = client.post("/auth/login", data={"username": username, "password": PASSWORD})
        assert response.status_code == 302, f"login failed for {username}: {response.status_code}"
        for name, page in urls.items():
            assert client.get(page).status_code == 200, page  # warm-up
            times: dict[str, list[float]] = {"frozen": [], "not frozen": [], "frozen cpu": [],
                                             "not frozen cpu": []}
            for block in range(max(2, math.ceil(2 * repeat / 10))):
                mode = "frozen" if block % 2 else "not frozen"
                gc.collect()
                gc.freeze() if mode == "frozen" else gc.unfreeze()
                for _ in range(10):
                    started, cpu = time.perf_counter(), time.process_time()
                    response = client.get(page)
                    times[mode].append((time.perf_counter() - started) * 1000)
                    times[f"{mode} cpu"].append((time.process_time() - cpu) * 1000)  # steadier on a busy machine
                    assert response.status_code == 200
            gc.unfreeze()
            results[name] = times
    with app.app_context():
        db.engine.dispose()
    return results


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def reset_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the 1,000 students (default 1)")
    parser.add_argument("--repeat", type=int, default=40, help="requests per page and mode (frozen or not)")
    parser.add_argument("--keep", help="directory for the SQLite file; reused when it exists already")
    parser.add_argument("--postgres", help="URL of a SCRATCH PostgreSQL database (its public schema is dropped)")
    args = parser.parse_args()
    runs = []
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="quizapp-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    sqlite_file = folder / "sqlite" / f"progress-{args.scale:g}.sqlite"
    sqlite_file.parent.mkdir(parents=True, exist_ok=True)
    runs.append(("SQLite", f"sqlite:///{sqlite_file}", sqlite_file.exists() and args.keep))
    if args.postgres:
        runs.append(("PostgreSQL", args.postgres, False))
    for name, url, reuse in runs:
        print(f"{name}:")
        if not reuse:
            if name == "PostgreSQL":
                reset_postgres(url)
            fill(url, args.scale, folder / name.lower())
        for page, modes in measure(url, args.repeat, folder / name.lower()).items():
            for mode, times in modes.items():
                print(f"  {page:<16} {mode:<14} n {len(times):3d}  min {min(times):6.1f}  median "
                      f"{statistics.median(times):6.1f}  p95 {p95(times):6.1f}  max {max(times):6.1f} ms  "
                      f"(p95 {p95(times) / 150:.2f} x the 150 ms aim)")
    if not args.keep:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
