"""Drive a real gunicorn server on loopback: start and kill it, simulate students, count stored answers.

Shared by benchmarks/load.py and tests/production/test_crash.py. Every request goes to 127.0.0.1 only,
and every loop is bounded by a request budget and a deadline.
"""

from __future__ import annotations

import html
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "geheim123"
TOKEN_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')
QUESTION_ID_RE = re.compile(r'name="question_id" type="hidden" value="([^"]+)"')
CHOICE_RE = re.compile(r'name="choice"[^>]*value="([^"]*)"')
GAP_RE = re.compile(r'name="(gaps-\d+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with `workers` sync workers on 127.0.0.1, in its own process group (killable as a whole).

    `options` go to gunicorn after the defaults and so win over them (["--timeout", "4"]); a config file
    (["-c", "deploy/gunicorn.conf.py"] for the production settings) has its bind, workers and timeouts
    overridden by the defaults, as gunicorn's command line always wins over its config file.
    """

    def __init__(self, database_url: str, instance: Path, questions: Path, workers: int = 2,
                 log: Path | None = None, app: str = "quizapp:create_app()", options: tuple[str, ...] = ()):
        self.port = free_port()
        self.workers = workers
        self.options = list(options)
        self.app = app  # "floor_app:create_floor_app()" serves benchmarks/floor_app.py
        self.log_path = log or instance / "gunicorn.log"
        self.env = {**os.environ, "QUIZAPP_DATABASE_URL": database_url, "QUIZAPP_INSTANCE_PATH": str(instance),
                    "QUIZAPP_QUESTIONS_DIR": str(questions), "QUIZAPP_SECRET_KEY": "load-test-secret",
                    "PYTHONUNBUFFERED": "1"}
        self.env.pop("QUIZAPP_REDIS_URL", None)
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        command = [sys.executable, "-m", "gunicorn", "--workers", str(self.workers), "--bind",
                   f"127.0.0.1:{self.port}", "--timeout", "60", "--graceful-timeout", "5", *self.options,
                   "--pythonpath", str(ROOT / "benchmarks"), self.app]
        self.log = self.log_path.open("ab")
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=self.log, stderr=self.log,
                                        start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                if request(self.port, "GET", "/healthz", timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.kill()
        raise RuntimeError(f"gunicorn did not answer /healthz within {timeout}s; see {self.log_path}")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the master and every worker at once (the whole process group)."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.log.close()
        self.process = None

    def stop(self) -> None:
        self.kill(signal.SIGTERM)

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the master and its workers (Linux /proc)."""
        if self.process is None:
            return 0.0
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # the process ended while we looked
            if int(fields[2]) == self.process.pid:  # process group: the master and its workers
                total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")


@dataclass
class Reply:
    status: int
    headers: dict
    body: str


def request(port: int, method: str, path: str, data: dict | None = None, cookies: dict | None = None,
            timeout: float = 30) -> Reply:
    """One HTTP request to 127.0.0.1 (a new connection each time: gunicorn's sync workers close it)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Accept-Language": "de"}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        if cookies is not None:
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                cookies[name.strip()] = rest.split(";", 1)[0]
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, text)
    finally:
        conn.close()


@dataclass
class Tally:
    """What the students saw: latencies per kind of request, acknowledged answers, errors."""

    latencies: dict[str, list[float]] = field(
        default_factory=lambda: {"question": [], "answer": [], "answer only": [], "ping": [], "floor": []})
    acknowledged: set[tuple[int, str]] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)

    def ack(self, run_id: int, question_id: str) -> None:
        with self.lock:
            self.acknowledged.add((run_id, question_id))

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


def token_in(html: str) -> str:
    match = TOKEN_RE.search(html)
    if not match:
        raise RuntimeError("page without a CSRF token")
    return match.group(1) or match.group(2)


class Student:
    """Logs in, starts runs of the deck and answers every question; every 5th answer is sent twice."""

    def __init__(self, port: int, username: str, deck_id: str, tally: Tally):
        self.port, self.username, self.deck_id, self.tally = port, username, deck_id, tally
        self.cookies: dict[str, str] = {}
        self.answers = 0
        self.token = ""
        self.learnt: dict[str, dict] = {}  # question id -> the answer form sent for it (without the token)

    def call(self, method: str, path: str, data: dict | None = None) -> Reply:
        return request(self.port, method, path, data, self.cookies)

    def log_in(self) -> None:
        token = token_in(self.call("GET", "/auth/login").body)
        reply = self.call("POST", "/auth/login", {"csrf_token": token, "username": self.username,
                                                  "password": PASSWORD})
        if reply.status != 302:
            raise RuntimeError(f"{self.username}: login answered {reply.status}")

    def start_run(self) -> str:
        self.token = token_in(self.call("GET", "/").body)
        reply = self.call("POST", f"/decks/{self.deck_id}/start", {"csrf_token": self.token})
        if reply.status != 302 or "/runs/" not in reply.headers.get("location", ""):
            raise RuntimeError(f"{self.username}: start answered {reply.status}")
        return urlsplit(reply.headers["location"]).path

    def answer_one(self, run_path: str) -> bool:
        """Answer the run's next question; False when the run is finished."""
        began = time.perf_counter()
        page = self.call("GET", run_path)
        self.tally.add("question", time.perf_counter() - began)
        if page.status == 302:
            return False
        if page.status != 200:
            raise RuntimeError(f"{self.username}: GET {run_path} answered {page.status}")
        match = QUESTION_ID_RE.search(page.body)
        if not match:
            raise RuntimeError(f"{self.username}: question page without question_id")
        question_id = html.unescape(match.group(1))
        data = {"csrf_token": token_in(page.body), "question_id": question_id}
        choices = CHOICE_RE.findall(page.body)
        if choices:
            data["choice"] = html.unescape(choices[self.answers % len(choices)])
        for name in GAP_RE.findall(page.body):
            data[name] = "17" if self.answers % 2 else "Tumen"
        self.learnt[question_id] = {k: v for k, v in data.items() if k != "csrf_token"}
        self.answers += 1
        for _ in range(2 if self.answers % 5 == 0 else 1):  # a double click now and then
            began = time.perf_counter()
            reply = self.call("POST", f"{run_path}/answer", data)
            self.tally.add("answer", time.perf_counter() - began)
            if reply.status != 302:
                raise RuntimeError(f"{self.username}: answer answered {reply.status}")
            self.tally.ack(int(run_path.rstrip("/").rsplit("/", 1)[1]), question_id)
        return True

    def work(self, budget: int, deadline: float, stop: threading.Event) -> None:
        """Answer until `budget` answers are given, the deadline passes or `stop` is set."""
        try:
            self.log_in()
            run = self.start_run()
            while self.answers < budget and time.monotonic() < deadline and not stop.is_set():
                if not self.answer_one(run):
                    run = self.start_run()
        except (OSError, http.client.HTTPException, RuntimeError) as error:
            if not stop.is_set():
                self.tally.error(f"{self.username}: {error}")

    def answer_only(self, run_path: str, forms: list[dict], budget: int, deadline: float) -> None:
        """Post answers to the new run's questions (as learnt before, or the right one), with no page in between."""
        try:
            for form in forms[:budget]:
                question_id = form["question_id"]
                form = self.learnt.get(question_id, form)
                if time.monotonic() > deadline:
                    return
                began = time.perf_counter()
                reply = self.call("POST", f"{run_path}/answer", {"csrf_token": self.token, **form})
                self.tally.add("answer only", time.perf_counter() - began)
                if reply.status != 302:
                    raise RuntimeError(f"{self.username}: answer answered {reply.status}")
                self.tally.ack(int(run_path.rstrip("/").rsplit("/", 1)[1]), question_id)
        except (OSError, http.client.HTTPException, RuntimeError) as error:
            self.tally.error(f"{self.username}: {error}")


def minimal_writes(team: list[Student], budget: int, seconds: float) -> float:
    """The floor (benchmarks/floor_app.py): each student posts `budget` times to /bench/write, the least an
    answer must do (signed in, CSRF, one INSERT, commit, redirect); returns the wall time."""
    deadline = time.monotonic() + seconds

    def post(student: Student) -> None:
        try:
            for _ in range(budget):
                if time.monotonic() > deadline:
                    return
                began = time.perf_counter()
                reply = student.call("POST", "/bench/write", {"csrf_token": student.token})
                student.tally.add("floor", time.perf_counter() - began)
                if reply.status != 302:
                    raise RuntimeError(f"{student.username}: /bench/write answered {reply.status}")
        except (OSError, http.client.HTTPException, RuntimeError) as error:
            student.tally.error(f"{student.username}: {error}")

    return in_threads([lambda s=s: post(s) for s in team], seconds)


def run_students(port: int, usernames: list[str], deck_id: str, tally: Tally, budget: int, seconds: float,
                 stop: threading.Event | None = None, team: list[Student] | None = None) -> float:
    """All students at once in threads; returns the wall time. `team` receives the students, logged in."""
    stop = stop or threading.Event()
    deadline = time.monotonic() + seconds
    students = [Student(port, name, deck_id, tally) for name in usernames]
    if team is not None:
        team.extend(students)
    return in_threads([lambda s=s: s.work(budget, deadline, stop) for s in students], seconds)


def start_new_runs(team: list[Student], seconds: float) -> dict[str, str]:
    """Each student of a first phase starts a new run of the deck: username -> run path."""
    runs: dict[str, str] = {}

    def start(student: Student) -> None:
        try:
            runs[student.username] = student.start_run()
        except (OSError, http.client.HTTPException, RuntimeError) as error:
            student.tally.error(f"{student.username}: {error}")

    in_threads([lambda s=s: start(s) for s in team], seconds)
    return runs


def run_answers_only(team: list[Student], runs: dict[str, str], forms: dict[str, list[dict]], budget: int,
                     seconds: float) -> float:
    """The students post only answers into their new runs; returns the wall time."""
    deadline = time.monotonic() + seconds
    return in_threads([lambda s=s: s.answer_only(runs[s.username], forms[s.username], budget, deadline)
                       for s in team if s.username in runs], seconds)


def run_forms(database_url: str, runs: dict[str, str]) -> dict[str, list[dict]]:
    """username -> an answer form (the right answer) for each question of the student's new run, in order.

    A study session chooses and mixes its questions, so the phase reads them from the database before it
    begins (not measured) instead of reusing the ids of the first phase."""
    import json

    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            questions = {qid: (kind, answer) for qid, kind, answer in
                         conn.exec_driver_sql("SELECT id, type, answer FROM questions")}
            forms = {}
            for username, path in runs.items():
                ids = conn.execute(sa.text("SELECT question_ids FROM quiz_runs WHERE id = :id"),
                                   {"id": int(path.rstrip("/").rsplit("/", 1)[1])}).scalar()
                ids = json.loads(ids) if isinstance(ids, str) else ids
                forms[username] = [answer_form(qid, *questions[qid]) for qid in ids]
            return forms
    finally:
        engine.dispose()


def answer_form(question_id: str, kind: str, answer: str) -> dict:
    """The form a learner who knows the answer sends."""
    if kind == "mcq":
        return {"question_id": question_id, "choice": answer}
    return {"question_id": question_id} | {f"gaps-{n}": gap for n, gap in enumerate(answer.split(" … "))}


def in_threads(jobs: list, seconds: float) -> float:
    """Run the jobs at once, one thread each; the wall time until all ended (or the time bound)."""
    threads = [threading.Thread(target=job) for job in jobs]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return time.perf_counter() - began


def ping(port: int, tally: Tally, clients: int, requests_each: int, seconds: float) -> float:
    """The ceiling: the same number of clients hitting /healthz."""
    deadline = time.monotonic() + seconds

    def loop():
        for _ in range(requests_each):
            if time.monotonic() > deadline:
                return
            began = time.perf_counter()
            try:
                status = request(port, "GET", "/healthz").status
            except OSError as error:
                tally.error(f"ping: {error}")
                return
            tally.add("ping", time.perf_counter() - began)
            if status != 200:
                tally.error(f"ping answered {status}")

    return in_threads([loop] * clients, seconds)


def prepare_site(database_url: str, instance: Path, questions: Path, students: int) -> tuple[list[str], str]:
    """Schema, decks and student accounts, made in this process before the server starts."""
    from sqlalchemy import select

    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.models import Deck
    from quizapp.operations.users import create_user

    if not questions.exists():
        shutil.copytree(ROOT / "questions", questions)
    # one classroom without classes: its decks published and open for self-study (docs/classes.md)
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "load-test-secret",
                      "QUESTIONS_DIR": str(questions), "PUBLISH_NEW_DECKS": True}, instance_path=str(instance))
    names = [f"student{n:03d}" for n in range(students)]
    with app.app_context():
        for name in names:
            create_user(name, PASSWORD)
        db.session.commit()
        deck_id = db.session.scalars(select(Deck.id).order_by(Deck.id)).first()
        db.session.remove()
        db.engine.dispose()
    return names, deck_id


def stored_answers(database_url: str) -> list[tuple[int, str]]:
    """(run id, question id) of every stored attempt, duplicates included."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.exec_driver_sql("SELECT quiz_run_id, question_id FROM attempts")]
    finally:
        engine.dispose()


@contextmanager
def own_postgres_database(server_url: str, prefix: str = "quizapp_load") -> Iterator[str]:
    """A database of our own on the PostgreSQL server of `server_url`, dropped afterwards."""
    import psycopg
    import sqlalchemy as sa

    url = sa.make_url(server_url)
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = url.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]
