"""`export --format moodle|gift|qti DECK -o FILE` and `import FILE`: decks to and from other tools."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from quizapp.cli.paths import shown
from quizapp.interop import EXPORT_FORMATS, IMPORT_FORMATS, ImportFailed
from quizapp.interop.bankfile import deck_id_for, plan_import, write_import
from quizapp.interop.formats import export_file
from quizapp.interop.importing import read_cards
from quizapp.operations.export import UnknownDecks, exportable_decks
from quizapp.operations.interop import exported_deck, load_imported

FORMAT_NAMES = {"moodle": "Moodle XML", "gift": "GIFT", "qti": "QTI 2.1", "quizlet": "Quizlet", "csv": "CSV",
                "apkg": "Anki"}


@click.command("export")
@click.argument("deck_id", metavar="DECK")
@click.option("--format", "file_format", required=True, type=click.Choice(EXPORT_FORMATS),
              help="moodle: Moodle XML; gift: Moodle's GIFT text; qti: QTI 2.1 package (zip).")
@click.option("-o", "--output", required=True, metavar="FILE", help="Where to write the file.")
@click.option("--drafts", is_flag=True, help="Export draft questions too, not only approved ones.")
@with_appcontext
def export_command(deck_id: str, file_format: str, output: str, drafts: bool) -> None:
    """Write one deck for Moodle (XML or GIFT) or for QTI 2.1 tools (ILIAS, OpenOLAT, itslearning)."""
    try:
        (deck,) = exportable_decks([deck_id])
    except UnknownDecks:
        raise click.ClickException(f"unknown deck: {deck_id}") from None
    exported = exported_deck(deck, include_drafts=drafts)
    if not exported.items:
        raise click.ClickException(f"deck {deck_id} has no {'approved or draft' if drafts else 'approved'} "
                                   "questions to export")
    result = export_file(exported, file_format)
    count = len(exported.items) - len(result.skipped)
    if not count:
        raise click.ClickException(f"GIFT cannot hold any question of {deck_id}: each is a cloze item with "
                                   "several gaps (use --format moodle or qti)")
    Path(output).write_bytes(result.data)
    click.echo(f"Wrote {count} questions of {deck_id} as {FORMAT_NAMES[file_format]} to {output}.")
    if result.skipped:
        click.echo(f"Left out {len(result.skipped)} cloze items with several gaps (GIFT holds one answer "
                   f"per question): {', '.join(result.skipped)}", err=True)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "file_format", type=click.Choice(IMPORT_FORMATS),
              help="Default: apkg for Anki packages, csv for a CSV with a header row, else quizlet.")
@click.option("--deck", "deck_id", help="Deck id (default: from the file name).")
@click.option("--title", help="Deck title (default: the file name).")
@click.option("--language", type=click.Choice(("de", "en")), default="de", show_default=True)
@click.option("--term-separator", help="Quizlet: tab, comma or the text between term and definition.")
@click.option("--row-separator", help="Quizlet: newline, semicolon or the text between cards.")
@with_appcontext
def import_command(file: Path, file_format: str | None, deck_id: str | None, title: str | None, language: str,
                   term_separator: str | None, row_separator: str | None) -> None:
    """Import a Quizlet export, a CSV deck or an Anki package as a new deck of drafts in questions/."""
    questions, root = current_app.config["QUESTIONS_DIR"], current_app.config["PROJECT_ROOT"]
    name = file.name
    try:
        cards, notices, file_format = read_cards(file.read_bytes(), name, file_format, term_separator,
                                                 row_separator)
        deck_id = deck_id_for(deck_id or file.stem)
        plan = plan_import(cards, deck_id, title or " ".join(file.stem.replace("_", " ").split()), language,
                           name, notices)
        result = write_import(plan, questions, root)
    except ImportFailed as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        raise click.ClickException(f"{name}: nothing was imported ({len(exc.problems)} problems)") from None
    for notice in plan.notices:
        click.echo(f"note: {notice}", err=True)
    if result.unchanged:
        click.echo(f"{name}: already imported into {', '.join(p.bank_file for p in plan.parts)}; nothing changed.")
        return
    errors = load_imported(questions)
    click.echo(f"Imported {plan.count} cards from {name} ({FORMAT_NAMES[file_format]}) as drafts into "
               + ", ".join(shown(Path(questions) / p.bank_file, root) for p in plan.parts) + ".")
    for error in errors:
        click.echo(f"error: {error}", err=True)
