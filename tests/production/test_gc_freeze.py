"""With the production settings each worker freezes what start-up made out of the garbage collector's sight
(deploy/gunicorn.conf.py, issue 17): full collections then walk only what requests create."""

from __future__ import annotations

import re
from pathlib import Path

from loadkit import Server, prepare_site, request

ROOT = Path(__file__).resolve().parents[2]


def test_each_worker_freezes_the_loaded_app(tmp_path):
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    instance, questions = tmp_path / "instance", tmp_path / "questions"
    prepare_site(url, instance, questions, students=0)
    server = Server(url, instance, questions, workers=2, options=("-c", str(ROOT / "deploy" / "gunicorn.conf.py")))
    server.start()
    try:
        assert request(server.port, "GET", "/auth/login").status == 200
    finally:
        log = server.log_path
        server.stop()
    frozen = [int(n) for n in re.findall(r"quizapp: (\d+) objects frozen", log.read_text(errors="replace"))]
    assert len(frozen) == 2, log.read_text(errors="replace")[-2000:]
    assert min(frozen) > 100_000  # the app, Flask, SQLAlchemy, Babel...: all out of the collector's walk
