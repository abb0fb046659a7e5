"""With QUIZAPP_REDIS_URL the new deck's job waits in Redis until a `quizapp worker` process runs it."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from quizapp.extensions import db
from quizapp.models import Job

from .test_new_deck import ARTICLE, URL

REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_available() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except Exception:
        return False


pytestmark = pytest.mark.skipif(not redis_available(), reason=f"needs Redis at {REDIS_URL}")


@pytest.fixture
def app_config(app_config):
    """A queue of this test's own: other test runs may share the machine's Redis."""
    return dict(app_config, JOBS_REDIS_URL=REDIS_URL, JOB_QUEUE=f"quizapp-test-{uuid.uuid4().hex}")


def run_worker(app, tmp_path: Path) -> subprocess.CompletedProcess:
    """`quizapp worker --burst`, configured as a deployment would be: instance config and environment."""
    instance = tmp_path / "worker-instance"
    instance.mkdir()
    (instance / "config.py").write_text(f"PROJECT_ROOT = {app.config['PROJECT_ROOT']!r}\n"
                                        f"SECRET_KEY = 'worker-test'\n")
    env = dict(os.environ, QUIZAPP_INSTANCE_PATH=str(instance), QUIZAPP_REDIS_URL=REDIS_URL,
               QUIZAPP_JOB_QUEUE=app.config["JOB_QUEUE"], QUIZAPP_QUESTIONS_DIR=app.config["QUESTIONS_DIR"],
               QUIZAPP_DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"])
    script = Path(sys.executable).with_name("quizapp")
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from quizapp.cli import main; main()"]
    return subprocess.run([*command, "worker", "--burst"], env=env, capture_output=True, text=True, timeout=300)


def test_a_worker_process_makes_the_deck_the_form_queued(app, teacher, forms, tmp_path):
    queued = forms.post(URL, {"title": "Der Bodensee", "text": ARTICLE}, page=URL)
    assert queued.status_code == 303
    job_url = queued.headers["Location"]
    waiting = forms.client.get(job_url)
    assert waiting.status_code == 200 and "Waiting for a free worker…" in waiting.get_data(as_text=True)
    assert not (tmp_path / "questions" / "der-bodensee.yaml").exists()

    worker = run_worker(app, tmp_path)
    assert worker.returncode == 0, worker.stderr

    done = forms.client.get(job_url)
    assert done.status_code == 303, done.get_data(as_text=True)
    assert done.headers["Location"] == "/teacher/review?deck=der-bodensee"
    assert (tmp_path / "seeds" / "der-bodensee.txt").read_text() == ARTICLE
    review = forms.client.get(done.headers["Location"]).get_data(as_text=True)
    assert review.count('class="card review-item"') >= 2
    with app.app_context():
        assert db.session.get(Job, job_url.rsplit("/", 1)[1]).attempts == 1


def test_the_worker_command_explains_itself_without_redis(runner, app):
    app.config["JOBS_REDIS_URL"] = None
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code != 0 and "QUIZAPP_REDIS_URL is not set" in result.output
