"""Run one job by its id: claim it, do its kind of work, record the result or a message for the teacher.

`run_job` is what the RQ worker imports by name; `quizapp worker` sets `worker_app` before it starts, so
the forked work horses inherit the app and the warm generation models instead of loading them per job.
"""

from __future__ import annotations

import importlib
import logging
from typing import Callable

from flask import Flask
from flask_babel import force_locale
from flask_babel import gettext as _
from rq.timeouts import BaseTimeoutException

from quizapp.extensions import db
from quizapp.jobs import JobFailed
from quizapp.models import Job
from quizapp.operations.jobs import claim_job, fail_job, finish_job, set_stage

log = logging.getLogger(__name__)

# kind -> "module:function(job, stage) -> result"; looked up when a job runs (the teacher blueprint is a
# web module, imported only by the worker that needs it)
JOB_KINDS = {"new_deck": "quizapp.teacher.new_deck:run_new_deck_job"}

worker_app: Flask | None = None


def job_handler(kind: str) -> Callable:
    module, name = JOB_KINDS[kind].split(":")
    return getattr(importlib.import_module(module), name)


def run_job(job_id: str, app: Flask | None = None) -> None:
    """Do the job unless another worker already took it; every outcome ends up in its row."""
    global worker_app
    if app is None:
        if worker_app is None:
            from quizapp import create_app

            worker_app = create_app()
        app = worker_app
    with app.app_context():
        if not claim_job(job_id):
            return
        job = db.session.get(Job, job_id)
        with force_locale(job.locale):
            try:
                result = job_handler(job.kind)(job, lambda stage: set_stage(job_id, stage))
            except JobFailed as exc:
                fail_job(job_id, str(exc), retryable=False)
            except BaseTimeoutException:  # RQ stopped it at JOB_TIMEOUT_SECONDS
                fail_job(job_id, _("Generating took longer than %(seconds)s seconds and was stopped; nothing was "
                                   "saved. Split the article into shorter parts and try again.",
                                   seconds=app.config["JOB_TIMEOUT_SECONDS"]))
            except Exception:
                log.exception("job %s (%s) failed", job_id, job.kind)
                fail_job(job_id, _("Something went wrong on our side while generating; nothing was saved. "
                                   "Try again, and tell your administrator if it happens again."))
            except BaseException:  # the worker is being stopped (timeout, shutdown): say so, then stop
                fail_job(job_id, _("The worker was stopped before the job finished; nothing was saved. "
                                   "Try again."))
                raise
            else:
                finish_job(job_id, result)
        db.session.remove()


def warm_up() -> None:
    """Load the generator's models and lexicons once, before the worker forks its work horses."""
    from quizapp.generation.batch import warm_up as load_generator

    load_generator()
