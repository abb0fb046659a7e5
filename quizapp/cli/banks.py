"""`sync-banks`: load the YAML files in questions/ into the database now."""

import click
from flask import current_app
from flask.cli import with_appcontext

from quizapp.extensions import db
from quizapp.operations.banks import sync_question_banks


@click.command("sync-banks")
@with_appcontext
def sync_banks_command() -> None:
    """Load changed bank files; a file with errors is rejected whole and listed."""
    report = sync_question_banks(current_app.config["QUESTIONS_DIR"])
    db.session.commit()
    for name in report.loaded:
        click.echo(f"loaded {name}")
    click.echo(f"{len(report.loaded)} loaded, {len(report.unchanged)} unchanged, {len(report.errors)} rejected")
    for errors in report.errors.values():
        for error in errors:
            click.echo(str(error), err=True)
    if report.errors:
        raise SystemExit(1)
