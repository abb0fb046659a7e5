"""Slow clients do not stall the site (issue 12, finding 15): with the production settings
(deploy/gunicorn.conf.py, threaded workers) three clients that trickle their requests byte by byte leave a
fourth, normal request served at once, even with a single worker. The same three stall a sync worker, which
is why docs/deployment.md asks for the threaded workers (and a buffering proxy in front)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from loadkit import Server, prepare_site, request

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = ("-c", str(ROOT / "deploy" / "gunicorn.conf.py"))
SYNC = ("--worker-class", "sync")


class SlowClient:
    """Sends the start of a request, then one byte every half second, and never finishes it."""

    def __init__(self, port: int, head: bytes):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.sock.sendall(head)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.trickle, daemon=True)
        self.thread.start()

    def trickle(self) -> None:
        while not self.stop.wait(0.5):
            try:
                self.sock.sendall(b"a")
            except OSError:
                return

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        self.sock.close()


def slow_clients(port: int) -> list[SlowClient]:
    """Two that send their headers slowly, one that sends a form body slowly."""
    return [
        SlowClient(port, b"GET /auth/login HTTP/1.1\r\nHost: quiz\r\nX-Slow: "),
        SlowClient(port, b"GET /healthz HTTP/1.1\r\nHost: quiz\r\nX-Slow: "),
        SlowClient(port, b"POST /auth/login HTTP/1.1\r\nHost: quiz\r\nContent-Length: 100000\r\n"
                         b"Content-Type: application/x-www-form-urlencoded\r\n\r\nu="),
    ]


@pytest.fixture
def site(tmp_path):
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    prepare_site(url, tmp_path / "instance", tmp_path / "questions", students=1)
    return url, tmp_path


def normal_request_seconds(server: Server, wait: float) -> float | None:
    """Seconds a GET of the login page takes while three slow clients hang on, or None if it timed out."""
    clients = slow_clients(server.port)
    try:
        time.sleep(1.0)  # the slow clients are in, each holding whatever serves it
        started = time.monotonic()
        try:
            reply = request(server.port, "GET", "/auth/login", timeout=wait)
        except TimeoutError:
            return None
        assert reply.status == 200
        return time.monotonic() - started
    finally:
        for client in clients:
            client.close()


def served_beside_slow_clients(site, options: tuple[str, ...], wait: float) -> float | None:
    """Start one gunicorn worker with these options and time a normal request beside three slow clients."""
    url, tmp_path = site
    server = Server(url, tmp_path / "instance", tmp_path / "questions", workers=1, options=options)
    server.start()
    try:
        return normal_request_seconds(server, wait=wait)
    finally:
        server.stop()


def test_three_slow_clients_do_not_stall_a_fourth_request(site):
    seconds = served_beside_slow_clients(site, PRODUCTION, wait=10)
    assert seconds is not None, "a normal request waited behind three slow clients"
    assert seconds < 5  # generous: it takes milliseconds; a stalled worker would wait for its 60 s timeout


def test_the_same_slow_clients_stall_a_sync_worker(site):
    """Why the settings matter: the test's slow clients do hold a sync worker (so the test above can fail)."""
    assert served_beside_slow_clients(site, SYNC, wait=4) is None


def test_one_thread_of_a_worker_reloads_the_bank_files_at_a_time(app, questions_dir):
    """Threaded workers: while one thread loads changed bank files, the others serve without loading them."""
    from quizapp.extensions import db
    from quizapp.live_reload import SYNC_LOCK
    from quizapp.models import Deck

    app.config["BANK_RELOAD_SECONDS"] = 0
    bank = next(questions_dir.glob("*.yaml"))
    text = bank.read_text(encoding="utf-8").replace("  title: '", "  title: 'Neu: ", 1)
    bank.write_text(text, encoding="utf-8")
    client = app.test_client()

    def title() -> str:
        with app.app_context():
            return db.session.scalars(db.select(Deck.title)).one()

    with SYNC_LOCK:  # as if another thread were loading right now
        assert client.get("/auth/login").status_code == 200
        assert not title().startswith("Neu: ")
    assert client.get("/auth/login").status_code == 200
    assert title().startswith("Neu: ")
