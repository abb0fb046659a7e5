"""Profile the quiz loop in-process: SQL statements and time per question GET and answer POST.

    /work/venv/bin/python benchmarks/quiz_profile.py [--requests 20] [--profile] [--top 25] [--file-order]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres]

Flask's test client against a SQLite file in a temporary folder and, given a server URL, a PostgreSQL
database of its own (made and dropped here). One student answers the seed deck; for the first
`--requests` questions it prints statements per request and milliseconds per request (with /healthz,
the cheapest request, for comparison) and, with --profile, the cProfile functions with the most
cumulative time (timings are then inflated by the profiler). CPU is this process's time: with SQLite it includes the database, with PostgreSQL not.
Nothing goes over the network. --file-order asks the deck's items in file order (as runs did before study
sessions chose and mixed them), to compare the same requests with an older version.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadkit import CHOICE_RE, GAP_RE, PASSWORD, QUESTION_ID_RE, ROOT, own_postgres_database  # noqa: E402

from quizapp import create_app  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.operations.users import create_user  # noqa: E402

RUN_RE = re.compile(r"/runs/(\d+)")


def build(database_url: str, scratch: Path):
    questions = scratch / "questions"
    shutil.copytree(ROOT / "questions", questions)
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "profile", "WTF_CSRF_ENABLED": False,
                      "QUESTIONS_DIR": str(questions), "PUBLISH_NEW_DECKS": True},  # decks open to the student
                     instance_path=str(scratch / "instance"))
    with app.app_context():
        create_user("student", PASSWORD)
        db.session.commit()
        from quizapp.models import Deck
        deck_id = db.session.scalars(db.select(Deck.id).order_by(Deck.id)).first()
    return app, deck_id


def median(seconds: list[float]) -> float:
    """The median in milliseconds."""
    return sorted(seconds)[len(seconds) // 2] * 1000


def answer_data(page: str, n: int) -> dict:
    data = {"question_id": QUESTION_ID_RE.search(page).group(1)}
    choices = CHOICE_RE.findall(page)
    if choices:
        data["choice"] = choices[n % len(choices)]
    for name in GAP_RE.findall(page):
        data[name] = "17"
    return data


def in_file_order(app, run_id: int) -> None:
    """The run's questions become every visible item of its deck in file order."""
    from quizapp.models import QuizRun
    from quizapp.operations.quiz import visible_questions

    with app.app_context():
        run = db.session.get(QuizRun, run_id)
        run.question_ids = [q.id for q in visible_questions(run.deck)]
        db.session.commit()


def measure(label: str, database_url: str, requests: int, top: int | None, file_order: bool = False) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        app, deck_id = build(database_url, Path(scratch))
        with app.app_context():
            engine = db.engine
        statements: list[str] = []
        event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2].split()[0]))
        client = app.test_client()
        client.post("/auth/login", data={"username": "student", "password": PASSWORD})
        run = client.post(f"/decks/{deck_id}/start").headers["Location"]
        run_path = "/runs/" + RUN_RE.search(run).group(1)
        if file_order:
            in_file_order(app, int(RUN_RE.search(run).group(1)))
        timings = {"question": [], "answer": []}
        cpu = {"question": [], "answer": []}
        counts = {"question": [], "answer": []}
        profiler = cProfile.Profile() if top else None
        for n in range(requests):
            statements.clear()
            began, used = time.perf_counter(), time.process_time()
            profiler and profiler.enable()
            page = client.get(run_path)
            profiler and profiler.disable()
            timings["question"].append(time.perf_counter() - began)
            cpu["question"].append(time.process_time() - used)
            counts["question"].append(len(statements))
            if page.status_code != 200:
                break
            data = answer_data(page.get_data(as_text=True), n)
            statements.clear()
            began, used = time.perf_counter(), time.process_time()
            profiler and profiler.enable()
            reply = client.post(f"{run_path}/answer", data=data)
            profiler and profiler.disable()
            timings["answer"].append(time.perf_counter() - began)
            cpu["answer"].append(time.process_time() - used)
            counts["answer"].append(len(statements))
            assert reply.status_code == 302, reply.status_code
            last_kinds = Counter(statements)
        print(f"\n{label}: {len(timings['answer'])} questions answered")
        for kind in ("question", "answer"):
            print(f"  {kind:<9} SQL statements first/last/max: {counts[kind][0]}/{counts[kind][-1]}/"
                  f"{max(counts[kind])}   median ms: wall {median(timings[kind]):.1f}, CPU {median(cpu[kind]):.1f}")
        print(f"  statements in the last answer POST: {dict(last_kinds)}")
        ping, ping_cpu = [], []
        for _ in range(200):
            began, used = time.perf_counter(), time.process_time()
            client.get("/healthz")
            ping.append(time.perf_counter() - began)
            ping_cpu.append(time.process_time() - used)
        print(f"  /healthz  median ms: wall {median(ping):.2f}, CPU {median(ping_cpu):.2f}")
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="print the cProfile functions")
    parser.add_argument("--top", type=int, default=40, help="how many functions --profile prints")
    parser.add_argument("--postgres", help="a PostgreSQL server URL; a database of our own is made there")
    parser.add_argument("--file-order", action="store_true", help="the deck's items in file order")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        measure("SQLite", f"sqlite:///{scratch}/profile.sqlite", args.requests, args.profile and args.top,
                args.file_order)
    if args.postgres:
        with own_postgres_database(args.postgres, prefix="quizapp_perf") as url:
            measure("PostgreSQL", url, args.requests, args.profile and args.top,
                args.file_order)
    return 0


if __name__ == "__main__":
    sys.exit(main())
