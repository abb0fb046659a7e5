"""A new deck from a long article is made in the background: no request holds a worker (issue 17)."""

from __future__ import annotations

import time
from pathlib import Path

from loadkit import PASSWORD, Server, request, token_in

def long_article() -> str:
    """About 45 KB of German news (within the 50 KB limit): more than a few seconds to generate."""
    corpus = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    out, n = [], 0
    while sum(len(t.encode()) for t in out) < 45_000:
        out.append(texts[n % len(texts)])
        n += 1
    return "\n\n".join(out)


def site(tmp_path: Path, database_url: str) -> tuple[Path, Path]:
    """A project (seeds/, questions/ with the seed deck) in tmp_path and a teacher account."""
    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.operations.users import create_user

    project, instance = tmp_path / "projekt", tmp_path / "instance"
    for folder in ("seeds", "questions", "instance"):
        (project if folder != "instance" else tmp_path).joinpath(folder).mkdir(parents=True)
    (instance / "config.py").write_text(f"PROJECT_ROOT = {str(project)!r}\n")
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "load-test-secret",
                      "QUESTIONS_DIR": str(project / "questions"), "PROJECT_ROOT": str(project)},
                     instance_path=str(instance))
    with app.app_context():
        create_user("lehrerin", PASSWORD, is_teacher=True)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return project, instance


def new_deck(port: int, text: str) -> tuple[int, str, dict]:
    """Log in and post the new-deck form: (status, Location, cookies)."""
    cookies: dict[str, str] = {}
    token = token_in(request(port, "GET", "/auth/login", cookies=cookies).body)
    reply = request(port, "POST", "/auth/login", {"csrf_token": token, "username": "lehrerin",
                                                   "password": PASSWORD}, cookies)
    assert reply.status == 302, reply.status
    token = token_in(request(port, "GET", "/teacher/decks/new", cookies=cookies).body)
    reply = request(port, "POST", "/teacher/decks/new", {"csrf_token": token, "title": "Der Bodensee",
                                                         "text": text}, cookies, timeout=10)
    return reply.status, reply.headers.get("location", ""), cookies


def made(project: Path) -> list[str]:
    return sorted(p.name for folder in ("seeds", "questions") for p in (project / folder).iterdir()
                  if not p.name.startswith("nordkorea"))


def test_a_long_article_never_holds_a_worker_past_its_timeout(own_database_url, tmp_path):
    """45 KB (well over 10 s of generating) under a 10 s worker timeout: the form answers at once, pages keep
    answering while the job runs in the background, and the deck is made; before jobs, gunicorn killed
    this request."""
    project, instance = site(tmp_path, own_database_url)
    hasty = Server(own_database_url, instance, project / "questions", workers=1)
    hasty.options = ["--timeout", "10", "--preload"]  # preloaded: only what happens after start counts
    hasty.start()
    try:
        started = time.monotonic()
        status, job_url, cookies = new_deck(hasty.port, long_article())
        assert status == 303 and job_url.startswith("/teacher/jobs/"), status
        assert time.monotonic() - started < 5
        states = []
        while time.monotonic() - started < 240:
            assert request(hasty.port, "GET", "/healthz", timeout=5).status == 200  # the worker is not held
            reply = request(hasty.port, "GET", job_url, cookies=cookies, timeout=5)
            states.append(reply.status)
            if reply.status != 200:
                break
            time.sleep(1)
    finally:
        log = hasty.log_path
        hasty.stop()
    assert reply.status == 303 and reply.headers["location"] == "/teacher/review?deck=der-bodensee", states
    assert "WORKER TIMEOUT" not in log.read_text(errors="replace")
    assert made(project) == ["der-bodensee.txt", "der-bodensee.yaml"]
