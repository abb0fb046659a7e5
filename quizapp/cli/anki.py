"""`export-anki [DECK...] -o FILE.apkg`: the decks in the database as one Anki package."""

import click
from flask.cli import with_appcontext

from quizapp.anki import ExportError, write_package
from quizapp.operations.export import UnknownDecks, export_deck, exportable_decks


@click.command("export-anki")
@click.argument("deck_ids", nargs=-1, metavar="[DECK]...")
@click.option("-o", "--output", required=True, metavar="FILE.apkg", help="Where to write the package.")
@click.option("--drafts", is_flag=True, help="Export draft questions too, not only approved ones.")
@with_appcontext
def export_anki_command(deck_ids: tuple[str, ...], output: str, drafts: bool) -> None:
    """Write the named decks (all decks when none is named) to an Anki package."""
    try:
        decks = exportable_decks(deck_ids)
    except UnknownDecks as exc:
        raise click.ClickException(f"unknown deck: {', '.join(exc.deck_ids)}") from None
    exported = [export_deck(deck, include_drafts=drafts) for deck in decks]
    wanted = "approved or draft" if drafts else "approved"
    empty = [d.id for d in exported if not d.items]
    if deck_ids and empty:
        raise click.ClickException(f"deck {', '.join(empty)} has no {wanted} questions to export")
    exported = [d for d in exported if d.items]
    if not exported:
        raise click.ClickException(f"there are no {wanted} questions to export")
    try:
        count = write_package(exported, output)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Wrote {count} notes from {len(exported)} deck(s) to {output}.")
