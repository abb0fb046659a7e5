"""`validate [PATH...]`: check bank files and list every problem, without touching any database."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
from flask import current_app, has_app_context

from quizapp.bank.validate import bank_files, validate_files


def _settings() -> tuple[str, str]:
    """QUESTIONS_DIR and PROJECT_ROOT from the running app, or from the config files without one."""
    if has_app_context():
        return current_app.config["QUESTIONS_DIR"], current_app.config["PROJECT_ROOT"]
    from flask import Config

    from quizapp.config import PROJECT_ROOT, DefaultConfig, apply_environment

    config = Config(str(PROJECT_ROOT))
    config.from_object(DefaultConfig)
    instance = os.environ.get("QUIZAPP_INSTANCE_PATH") or str(PROJECT_ROOT / "instance")
    config.from_pyfile(str(Path(instance) / "config.py"), silent=True)
    apply_environment(config)
    return config["QUESTIONS_DIR"], config["PROJECT_ROOT"]


def _display(path: Path) -> str:
    """The path as the teacher would type it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json prints one object with every problem, for tools.")
def validate_command(paths: tuple[Path, ...], fmt: str) -> None:
    """Check bank files (default: every *.yaml in the questions directory); exit 1 on any problem."""
    questions_dir, project_root = _settings()
    files: list[Path] = []
    for path in paths or (Path(questions_dir),):
        files.extend(bank_files(path) if path.is_dir() else [path])
    report = validate_files([(p, _display(p)) for p in files], project_root)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for error in report.errors:
            click.echo(str(error))
        click.echo(report.summary(), err=not report.ok)
    if not report.ok:
        raise SystemExit(1)
