"""`quizapp worker`: runs queued jobs (new decks from articles) from the Redis queue of QUIZAPP_REDIS_URL."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop once the queue is empty (for scripts and tests).")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run jobs from the Redis queue; start as many as you like, on any machine that reaches the database."""
    from rq import Worker

    from quizapp.extensions import db
    from quizapp.jobs import redis_queue
    from quizapp.jobs import runner

    app = current_app._get_current_object()
    if not app.config.get("JOBS_REDIS_URL"):
        raise click.UsageError("QUIZAPP_REDIS_URL is not set: without Redis each app process runs its own "
                               "jobs, and no worker is needed.")
    runner.warm_up()  # the generator's models, loaded once here and shared by every forked work horse
    runner.worker_app = app
    db.session.remove()
    db.engine.dispose()  # no connection crosses the fork: each work horse opens its own
    queue = redis_queue(app)
    click.echo(f"quizapp worker: queue {queue.name!r} at {app.config['JOBS_REDIS_URL']}", err=True)
    Worker([queue], connection=queue.connection).work(burst=burst, logging_level="WARNING")
