"""Long work off the request path: a job row in the database, its id handed to a worker.

With `QUIZAPP_REDIS_URL` set the id goes to an RQ queue in Redis and `quizapp worker` processes (as many as
the school likes, on any machine that reaches the database) run it; without Redis one thread inside each
app process runs its own jobs, one at a time, which is enough for one classroom. Either way the job row says
how far it is, so any app server can show its progress, and a job that died can be retried.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import queue
import threading
import time

from flask import Flask

log = logging.getLogger(__name__)


class JobFailed(Exception):
    """The work cannot be done with this input; the message is for the teacher, and nothing was kept."""


def submit(app: Flask, job_id: str) -> None:
    """Hand a committed job to a worker: the Redis queue when configured (and reachable), else this process."""
    if app.config.get("JOBS_REDIS_URL"):
        try:
            redis_queue(app).enqueue("quizapp.jobs.runner.run_job", job_id, job_id=f"quizapp-{job_id}-"
                                     f"{os.urandom(4).hex()}", job_timeout=app.config["JOB_TIMEOUT_SECONDS"],
                                     result_ttl=3600, failure_ttl=86400)
            return
        except Exception:  # Redis down: this process does the work rather than losing the teacher's article
            log.exception("job queue at %s unreachable; running job %s in this process",
                          app.config["JOBS_REDIS_URL"], job_id)
    own_worker(app).submit(app, job_id)


def own_worker(app: Flask) -> InProcessWorker:
    """The app's own worker (one per app: a test process builds many apps, a web process one)."""
    with _APPS_LOCK:
        return app.extensions.setdefault("quizapp.jobs", InProcessWorker())


def prepare_worker(app: Flask) -> None:
    """Warm this process's own worker ahead of a job, unless the jobs go to Redis workers."""
    if not app.config.get("JOBS_REDIS_URL"):
        own_worker(app).prepare(app)


def redis_queue(app: Flask):
    """The RQ queue all app servers and `quizapp worker` processes share."""
    from redis import Redis
    from rq import Queue

    connection = Redis.from_url(app.config["JOBS_REDIS_URL"], socket_connect_timeout=2)
    return Queue(app.config["JOB_QUEUE"], connection=connection)


class InProcessWorker:
    """This app process's own worker for when there is no Redis: by default one child process (spawned on
    first use, kept warm for the next job) so that generating neither holds the web process's GIL nor dies
    with a web worker that is recycled; JOB_RUNNER = "thread" runs jobs on a thread instead (tests that
    patch the generator, the development server). Jobs run one at a time, in order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid = 0
        self._mode = ""
        self._jobs = self._done = None
        self._runner: threading.Thread | multiprocessing.process.BaseProcess | None = None
        self._pending = 0

    def submit(self, app: Flask, job_id: str) -> None:
        with self._lock:
            self._ensure_running(app)
            self._pending += 1
            self._jobs.put(job_id)

    def prepare(self, app: Flask) -> None:
        """Start the worker (and so load the generator) while the teacher is still filling in the form."""
        with self._lock:
            self._ensure_running(app)

    def _ensure_running(self, app: Flask) -> None:
        mode = app.config.get("JOB_RUNNER", "process")
        if self._pid != os.getpid() or self._mode != mode or self._runner is None or not self._runner.is_alive():
            self._start(app, mode)

    def _start(self, app: Flask, mode: str) -> None:
        self._pid, self._mode, self._pending = os.getpid(), mode, 0
        if mode == "thread":
            self._jobs, self._done = queue.Queue(), queue.Queue()
            self._runner = threading.Thread(target=serve_jobs, args=(app, self._jobs, self._done),
                                            name="quizapp-jobs", daemon=True)
        else:
            context = multiprocessing.get_context("spawn")  # a fresh interpreter: no copied locks or threads
            self._jobs, self._done = context.Queue(), context.Queue()
            self._runner = context.Process(target=serve_jobs_in_child,
                                           args=(worker_config(app), app.instance_path, os.getpid(),
                                                 self._jobs, self._done),
                                           name="quizapp-jobs", daemon=True)
        self._runner.start()

    def wait(self, timeout: float = 60) -> bool:
        """Whether every job submitted so far has finished within timeout; for tests and benchmarks."""
        deadline = time.monotonic() + timeout
        while self._pending > 0:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                self._done.get(timeout=min(left, 1))
            except queue.Empty:
                if not self._runner.is_alive():
                    return False
                continue
            self._pending -= 1
        return True


def worker_config(app: Flask) -> dict:
    """The app's settings as the child builds its app from them (schema and banks are the parent's job)."""
    config = {}
    for key, value in app.config.items():
        try:
            pickle.dumps(value)
        except Exception:  # noqa: BLE001  a setting that cannot cross to the child is not one it needs
            continue
        config[key] = value
    return dict(config, UPGRADE_DB_ON_START=False, SYNC_BANKS_ON_START=False)


def serve_jobs(app: Flask, jobs, done, parent_pid: int | None = None) -> None:
    """Run job ids from `jobs` one after another, reporting each on `done`; stops when the parent is gone."""
    from quizapp.jobs.runner import run_job

    while True:
        try:
            job_id = jobs.get(timeout=5)
        except queue.Empty:
            if parent_pid is not None and os.getppid() != parent_pid:
                return  # the web process that started us is gone: so is anyone waiting for us
            continue
        try:
            run_job(job_id, app)
        except Exception:  # noqa: BLE001  the worker serves the next job whatever this one did
            log.exception("job %s stopped", job_id)
        except BaseException:
            log.exception("job %s stopped", job_id)
            if parent_pid is not None:
                raise  # a child told to stop (SIGTERM as SystemExit) stops; the job says so already
        finally:
            done.put(job_id)


def serve_jobs_in_child(config: dict, instance_path: str, parent_pid: int, jobs, done) -> None:
    """The child process: its own app from the parent's settings, warm models, then the jobs."""
    import signal

    from quizapp import create_app
    from quizapp.jobs.runner import warm_up

    def stop(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)  # a stopped job is marked failed (retryable) before the child ends
    app = create_app(config, instance_path=instance_path)
    warm_up()
    serve_jobs(app, jobs, done, parent_pid)


_APPS_LOCK = threading.Lock()
