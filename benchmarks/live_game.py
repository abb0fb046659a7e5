"""Live quiz under load: N players in one game against gunicorn with the production settings.

    .venv/bin/python benchmarks/live_game.py [--players 200] [--questions 5] [--seconds 20] [--workers 2]
        [--threads 128] [--redis redis://127.0.0.1:6379/0] [--postgres postgresql+psycopg://...]

Each player is a thread of this process: it joins as a guest with a nickname, keeps the game's event stream
open (server-sent events, as the phone's page does), and when a notice says a new question is on, fetches its
panel and presses an option, as a phone does. The teacher starts the game and moves on once every player has
answered. Prints, per run: the fan-out latency (from the teacher's button returning to each player's
notice; p50/p95/max), the answer POST latency, answers stored within the countdown out of answers sent,
errors, and the server's CPU. Loopback only; every wait is bounded.

An event stream holds one worker thread while it is open, so a game of N phones needs more than N threads
in all: `--threads` per worker (docs/live-quiz.md). Without --redis each worker only hears its own
changes at once and the others' at its next database re-check (LIVE_RECHECK_SECONDS, 1 s).
"""

from __future__ import annotations

import argparse
import http.client
import re
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadkit import PASSWORD, ROOT, Server, own_postgres_database, percentile, request, token_in  # noqa: E402

CHOICE_RE = re.compile(r'name="choice" value="([^"]*)"')


class Player(threading.Thread):
    def __init__(self, port: int, pin: str, n: int, report: dict, lock: threading.Lock, until: float):
        super().__init__(daemon=True)
        self.port, self.pin, self.n, self.report, self.lock, self.until = port, pin, n, report, lock, until
        self.cookies: dict = {}
        self.token = ""
        self.joined = threading.Event()
        self.answered: set[int] = set()

    def note(self, key: str, value) -> None:
        with self.lock:
            self.report.setdefault(key, []).append(value)

    def run(self) -> None:
        try:
            page = request(self.port, "GET", f"/live/?pin={self.pin}", cookies=self.cookies)
            reply = request(self.port, "POST", "/live/", {"csrf_token": token_in(page.body), "pin": self.pin,
                                                          "nickname": f"Spieler {self.n}"}, cookies=self.cookies)
            if reply.status != 302:
                raise RuntimeError(f"join: {reply.status}")
            self.token = token_in(request(self.port, "GET", f"/live/{self.pin}", cookies=self.cookies).body)
            self.listen()
        except Exception as error:  # noqa: BLE001 - every failure is counted and printed
            self.note("errors", f"player {self.n}: {error!r}")
        finally:
            self.joined.set()

    def listen(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request("GET", f"/live/{self.pin}/events?v=0",
                     headers={"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())})
        stream = conn.getresponse()
        if stream.status != 200:
            raise RuntimeError(f"events: {stream.status}")
        self.joined.set()
        stage = None
        while time.monotonic() < self.until:
            line = stream.readline().decode()
            if not line:
                self.note("closed", self.n)
                break
            self.note("lines", (time.monotonic(), line.strip()[:40]))
            if not line.startswith("data: "):
                continue
            _version, _, new_stage = line[6:].strip().partition(" ")
            if new_stage == stage:
                continue
            stage = new_stage
            self.note("notices", (time.monotonic(), new_stage))
            if new_stage.startswith("question:") and int(new_stage.split(":")[1]) not in self.answered:
                self.answered.add(int(new_stage.split(":")[1]))
                self.answer(int(new_stage.split(":")[1]))
            elif new_stage.startswith("ended"):
                break
        conn.close()

    def answer(self, position: int) -> None:
        panel = request(self.port, "GET", f"/live/{self.pin}/panel", cookies=self.cookies)
        options = CHOICE_RE.findall(panel.body)
        data = {"csrf_token": self.token, "position": str(position)}
        if options:
            data["choice"] = options[self.n % len(options)]
        else:
            data.update({f"gap-{k}": "17" for k in range(1, 4)})
        began = time.monotonic()
        reply = request(self.port, "POST", f"/live/{self.pin}/answer", data, cookies=self.cookies)
        self.note("answer_seconds", time.monotonic() - began)
        if reply.status not in (303, 302):
            self.note("errors", f"player {self.n}: answer {reply.status}")
        self.note("sent", position)


def prepare(database_url: str, instance: Path, questions: int, seconds: int) -> tuple[int, str]:
    """Schema, decks, a teacher and an open game with guests allowed, made before the server starts."""
    import shutil

    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.models import Deck
    from quizapp.operations.live import create_game
    from quizapp.operations.users import create_user

    target = instance / "questions"
    shutil.copytree(ROOT / "questions", target)
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "load-test-secret",
                      "QUESTIONS_DIR": str(target)}, instance_path=str(instance))
    with app.app_context():
        teacher = create_user("lehrerin", PASSWORD, is_teacher=True)
        deck = db.session.scalars(db.select(Deck).order_by(Deck.id)).first()
        game = create_game(teacher, deck, questions, seconds, allow_guests=True)
        db.session.commit()
        result = (game.id, game.pin)
        db.session.remove()
        db.engine.dispose()
    return result


def stored(database_url: str, game_id: int) -> tuple[int, int]:
    """(answers stored, of them within the countdown)."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(f"SELECT time_ms FROM live_answers WHERE game_id = {int(game_id)}").all()
            limit = conn.exec_driver_sql(f"SELECT seconds FROM live_games WHERE id = {int(game_id)}").scalar()
    finally:
        engine.dispose()
    return len(rows), sum(1 for (ms,) in rows if ms <= limit * 1000)


def current_position(database_url: str, game_id: int) -> int:
    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql(f"SELECT current FROM live_games WHERE id = {int(game_id)}").scalar()
    finally:
        engine.dispose()


def teacher_press(port: int, cookies: dict, game_id: int, action: str) -> float:
    page = request(port, "GET", f"/live/games/{game_id}", cookies=cookies)
    pressed = time.monotonic()
    reply = request(port, "POST", f"/live/games/{game_id}/control", {"csrf_token": token_in(page.body), action: "1"},
                    cookies=cookies)
    after = request(port, "GET", f"/live/games/{game_id}", cookies=cookies)
    if reply.status != 303 or 'class="flash flash-error"' in after.body:
        raise RuntimeError(f"the teacher's {action!r} was refused: {reply.status} "
                           f"{re.findall(r'flash-error[^>]*>([^<]*)', after.body)}")
    return pressed


def run(label: str, database_url: str, args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp)
        game_id, pin = prepare(database_url, instance, args.questions, args.seconds)
        server = Server(database_url, instance, instance / "questions", workers=args.workers,
                        options=("-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "--threads", str(args.threads)))
        if args.redis:
            server.env["QUIZAPP_REDIS_URL"] = args.redis
        server.start()
        try:
            teacher: dict = {}
            login = request(server.port, "GET", "/auth/login", cookies=teacher)
            request(server.port, "POST", "/auth/login", {"csrf_token": token_in(login.body), "username": "lehrerin",
                                                        "password": PASSWORD}, cookies=teacher)
            report: dict = {}
            lock = threading.Lock()
            until = time.monotonic() + 60 + args.questions * (args.seconds + 10)
            players = [Player(server.port, pin, n, report, lock, until) for n in range(args.players)]
            cpu_before = server.cpu_seconds()
            for player in players:
                player.start()
            for player in players:
                player.joined.wait(timeout=60)
            time.sleep(1)
            presses = []
            for position in range(args.questions):
                pressed = teacher_press(server.port, teacher, game_id, "start" if position == 0 else "next")
                if position and current_position(database_url, game_id) < position:
                    # not everyone's answer arrived: the first "next" showed the answer, this one moves on
                    pressed = teacher_press(server.port, teacher, game_id, "next")
                presses.append((pressed, f"question:{position}:"))
                deadline = time.monotonic() + args.seconds + 5
                while time.monotonic() < deadline:  # every player has answered (or the countdown is over)
                    with lock:
                        if report.get("sent", []).count(position) >= args.players:
                            break
                    time.sleep(0.05)
                time.sleep(0.3)
            presses.append((teacher_press(server.port, teacher, game_id, "end"), "ended:"))
            for player in players:
                player.join(timeout=30)
            cpu = server.cpu_seconds() - cpu_before
        finally:
            server.stop()
            log_copy = Path(tempfile.gettempdir()) / "live_game_gunicorn.log"
            log_copy.write_bytes(server.log_path.read_bytes())  # for a look after the run
        delays, missed = [], 0
        notices = report.get("notices", [])
        for at, prefix in presses:  # each player's first notice of each new stage, after the button
            heard = [when for when, stage in notices if stage.startswith(prefix) and when >= at - 1]
            delays += [max(0.0, when - at) for when in heard]
            missed += max(0, args.players - len(heard))
        count, in_time = stored(database_url, game_id)
        sent = len(report.get("sent", []))
        answers = report.get("answer_seconds", [])
        errors = report.get("errors", [])
        print(f"\n{label}: {args.players} players, {args.questions} questions, {args.workers} workers x "
              f"{args.threads} threads, fan-out {'Redis' if args.redis else 'per process + 1 s database re-check'}")
        print(f"  fan-out latency (button pressed -> notice at the phone), {len(delays)} notices: "
              f"p50 {percentile(delays, .5) * 1000:.0f} ms, p95 {percentile(delays, .95) * 1000:.0f} ms, "
              f"max {max(delays, default=0) * 1000:.0f} ms; missed {missed}")
        print(f"  answer POST: p50 {percentile(answers, .5) * 1000:.0f} ms, p95 {percentile(answers, .95) * 1000:.0f}"
              f" ms; stored {count} of {sent} sent, {in_time} within the countdown; errors {len(errors)}")
        print(f"  server CPU {cpu:.1f} s in all")
        print("  stages heard:", sorted({s for _w, s in notices}))
        lines = report.get("lines", [])
        if lines:
            first = min(w for w, _l in lines)
            print("  lines:", len(lines), "closed:", len(report.get("closed", [])), "last at", round(max(w for w, _l in lines) - first, 1),
                  "s;", sorted({l for _w, l in lines})[:8])
        for error in errors[:10]:
            print("   ", error)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--players", type=int, default=200)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=128)
    parser.add_argument("--redis", help="a Redis URL for the fan-out between workers")
    parser.add_argument("--postgres", help="a PostgreSQL server URL; a database of our own is made there")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", f"sqlite:///{Path(tmp) / 'live.sqlite'}", args)
    if args.postgres:
        with own_postgres_database(args.postgres, "quizapp_live") as url:
            run("PostgreSQL", url, args)


if __name__ == "__main__":
    main()
