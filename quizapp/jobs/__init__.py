"""Long work off the request path: a job row in the database, its id handed to a worker.

With `QUIZAPP_REDIS_URL` set the id goes to an RQ queue in Redis and `quizapp worker` processes (as many as
the school likes, on any machine that reaches the database) run it; without Redis one thread inside each
app process runs its own jobs, one at a time, which is enough for one classroom. Either way the job row says
how far it is, so any app server can show its progress, and a job that died can be retried.
"""

from __future__ import annotations

import logging
import os
import queue
import threading

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
    in_process.submit(app, job_id)


def redis_queue(app: Flask):
    """The RQ queue all app servers and `quizapp worker` processes share."""
    from redis import Redis
    from rq import Queue

    connection = Redis.from_url(app.config["JOBS_REDIS_URL"], socket_connect_timeout=2)
    return Queue(app.config["JOB_QUEUE"], connection=connection)


class InProcessWorker:
    """One thread per process that runs this process's jobs in order (started on first use, and again in
    a forked child, whose copy of the parent's thread does not run)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._pid = 0

    def submit(self, app: Flask, job_id: str) -> None:
        with self._lock:
            if self._pid != os.getpid() or self._thread is None or not self._thread.is_alive():
                self._jobs, self._pid = queue.Queue(), os.getpid()
                self._thread = threading.Thread(target=self._work, args=(self._jobs,), name="quizapp-jobs",
                                                daemon=True)
                self._thread.start()
            self._jobs.put((app, job_id))

    def wait(self, timeout: float | None = None) -> bool:
        """Whether every submitted job has finished (within timeout); for tests and benchmarks."""
        done = threading.Event()

        def until_empty():
            self._jobs.join()
            done.set()

        threading.Thread(target=until_empty, daemon=True).start()
        return done.wait(timeout)

    @staticmethod
    def _work(jobs: queue.Queue) -> None:
        from quizapp.jobs.runner import run_job

        while True:
            app, job_id = jobs.get()
            try:
                run_job(job_id, app)
            except BaseException:  # noqa: BLE001  the thread serves the next job whatever this one did
                log.exception("job %s stopped", job_id)
            finally:
                jobs.task_done()


in_process = InProcessWorker()
