"""The jobs table's write paths: queue, claim (once), move through stages, finish, fail, retry."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import update

from quizapp.extensions import db
from quizapp.models import Job
from quizapp.models.time import utcnow


def queue_job(kind: str, article: str, title: str | None, owner_id: int | None, locale: str) -> Job:
    """A new job waiting for a worker; the caller commits, then hands its id to the queue."""
    job = Job(id=secrets.token_hex(16), kind=kind, state="queued", article=article, title=title,
              owner_id=owner_id, locale=locale, attempts=0, retryable=True)
    db.session.add(job)
    db.session.flush()
    return job


def claim_job(job_id: str) -> bool:
    """Mark a queued job running; False when another worker took it first or it is no longer queued, so a
    job handed out twice (a retry while the first run was still queued) runs once. Commits."""
    claimed = db.session.execute(
        update(Job).where(Job.id == job_id, Job.state == "queued")
        .values(state="running", stage="generating", attempts=Job.attempts + 1, updated_at=utcnow())
    ).rowcount == 1
    db.session.commit()
    return claimed


def set_stage(job_id: str, stage: str) -> None:
    """A running job's new stage (it also shows the job is alive). Commits."""
    db.session.execute(update(Job).where(Job.id == job_id, Job.state == "running")
                       .values(stage=stage, updated_at=utcnow()))
    db.session.commit()


def finish_job(job_id: str, result: str) -> None:
    """Done: the result is kept and the article text dropped (it now lives in seeds/). Commits."""
    db.session.execute(update(Job).where(Job.id == job_id)
                       .values(state="done", stage=None, result=result, error=None, article="",
                               updated_at=utcnow()))
    db.session.commit()


def fail_job(job_id: str, error: str, retryable: bool = True) -> None:
    """Failed with a message for the teacher; the article stays, for a retry (when the same input may work
    another time) or to be changed. Commits."""
    db.session.rollback()  # whatever the failed work left in the session is not ours to keep
    db.session.execute(update(Job).where(Job.id == job_id, Job.state != "done")
                       .values(state="failed", stage=None, error=error, retryable=retryable,
                               updated_at=utcnow()))
    db.session.commit()


def is_stalled(job: Job, stale_after: dt.timedelta, now: dt.datetime | None = None) -> bool:
    """An unfinished job that nobody touched for that long: its worker died (SIGKILL, a restart)."""
    return not job.finished and (now or utcnow()) - job.updated_at > stale_after


def requeue_job(job: Job) -> bool:
    """Queue a failed (or stalled) job again with the same article; the caller commits and submits."""
    if job.state == "done":
        return False
    job.state, job.stage, job.error, job.updated_at = "queued", None, None, utcnow()
    db.session.flush()
    return True
