"""`quizapp generate`: articles in, question banks out (a thin layer over quizapp.generation)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from quizapp.cli.paths import settings, shown
from quizapp.generation.batch import run


@click.command("generate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option("--dry-run", is_flag=True, help="Show what would change without writing any file.")
@click.option(
    "--questions-dir",
    default="questions",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the deck files live.",
)
def generate_command(files: tuple[str, ...], dry_run: bool, questions_dir: Path) -> None:
    """Generate cloze and multiple-choice items for each article FILE into questions/<deck>.yaml."""
    failures = 0
    root = Path(settings()[1])
    results = run(files, questions_dir, dry_run=dry_run, root=root)
    show_bar = len(files) > 1 and sys.stderr.isatty()
    with click.progressbar(
        results, length=len(files), label="Generating", file=sys.stderr, hidden=not show_bar
    ) as bar:
        for result in bar:
            if result.error:
                failures += 1
                click.echo(f"error: {result.error}", err=True)
                continue
            verb = (
                "would update"
                if dry_run and result.merge.changed
                else ("updated" if result.merge.changed else "unchanged")
            )
            click.echo(f"{shown(result.bank, root)}: {verb}: {result.merge.summary()}")
    if failures:
        raise click.exceptions.Exit(1)
