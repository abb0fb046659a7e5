"""A new deck whose worker gunicorn stops at its timeout leaves nothing behind (issue 12, finding 6)."""

from __future__ import annotations

import http.client
from pathlib import Path

from loadkit import PASSWORD, Server, request, token_in

SHORT = ("date 2025-03 Der Bodensee ist mit 536 Quadratkilometern der größte See Deutschlands. "
         "Die Stadt Konstanz hat rund 85.000 Einwohner und liegt direkt an der Grenze zur Schweiz.\n")


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


def new_deck(port: int, text: str) -> int:
    cookies: dict[str, str] = {}
    token = token_in(request(port, "GET", "/auth/login", cookies=cookies).body)
    reply = request(port, "POST", "/auth/login", {"csrf_token": token, "username": "lehrerin",
                                                   "password": PASSWORD}, cookies)
    assert reply.status == 302, reply.status
    token = token_in(request(port, "GET", "/teacher/decks/new", cookies=cookies).body)
    return request(port, "POST", "/teacher/decks/new", {"csrf_token": token, "title": "Der Bodensee",
                                                        "text": text}, cookies, timeout=120).status


def made(project: Path) -> list[str]:
    return sorted(p.name for folder in ("seeds", "questions") for p in (project / folder).iterdir()
                  if not p.name.startswith("nordkorea"))


def test_a_worker_stopped_at_its_timeout_leaves_nothing_and_the_title_works_again(own_database_url, tmp_path):
    project, instance = site(tmp_path, own_database_url)
    hasty = Server(own_database_url, instance, project / "questions", workers=1)
    hasty.options = ["--timeout", "1", "--preload"]  # preloaded: only the request (2.5 s+) counts
    hasty.start()
    try:
        try:
            status = new_deck(hasty.port, long_article())
        except (http.client.RemoteDisconnected, ConnectionError):
            status = None  # the worker was stopped mid-request, as intended
    finally:
        log = hasty.log_path
        hasty.stop()
    # gunicorn answers 500 for a worker it aborts (or the connection just ends)
    assert status in (None, 500), f"the request finished ({status}) before the 1 s timeout; see {log}"
    assert "WORKER TIMEOUT" in log.read_text(errors="replace")
    assert made(project) == []

    server = Server(own_database_url, instance, project / "questions", workers=1)
    server.start()
    try:
        assert new_deck(server.port, SHORT) == 302
    finally:
        server.stop()
    assert made(project) == ["der-bodensee.txt", "der-bodensee.yaml"]
