"""`validate [PATH...]`: check bank files and list every problem, without touching any database."""

from __future__ import annotations

import json
from pathlib import Path

import click

from quizapp.bank.validate import bank_files, validate_files
from quizapp.cli.paths import settings, shown


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json prints one object with every problem, for tools.")
def validate_command(paths: tuple[Path, ...], fmt: str) -> None:
    """Check bank files (default: every *.yaml in the questions directory); exit 1 on any problem."""
    questions_dir, project_root = settings()
    files: list[Path] = []
    for path in paths or (Path(questions_dir),):
        files.extend(bank_files(path) if path.is_dir() else [path])
    report = validate_files([(p, shown(p, project_root)) for p in files], project_root)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for error in report.errors:
            click.echo(str(error))
        click.echo(report.summary(), err=not report.ok)
    if not report.ok:
        raise SystemExit(1)
