"""Command line: `flask --app quizapp ...` and the `quizapp` console script share these commands.

`validate` and `generate` work on files only: the console script finds them without building the app (no
database, no web modules imported), so a teacher's `quizapp generate` starts as fast as the generator can.
"""

from __future__ import annotations

from flask import Flask
from flask.cli import FlaskGroup

from quizapp.cli.generate import generate_command
from quizapp.cli.validate import validate_command


def register_cli(app: Flask) -> None:
    """Attach every quizapp command to the app's CLI group."""
    from quizapp.cli.anki import export_anki_command
    from quizapp.cli.banks import sync_banks_command
    from quizapp.cli.interop import export_command, import_command  # database and web modules: load late
    from quizapp.cli.users import create_user_command
    from quizapp.cli.worker import worker_command

    app.cli.add_command(create_user_command)
    app.cli.add_command(sync_banks_command)
    app.cli.add_command(export_anki_command)
    app.cli.add_command(validate_command)
    app.cli.add_command(generate_command)
    app.cli.add_command(export_command)
    app.cli.add_command(import_command)
    app.cli.add_command(worker_command)


def _create_app():
    from quizapp import create_app

    return create_app()


cli = FlaskGroup(create_app=_create_app, help="quizapp: quizzes and flashcards from news articles.")
cli.add_command(validate_command)  # found before the app is built: validating needs no database
cli.add_command(generate_command)  # nor does generating: it reads articles and writes bank files


# `quizapp run` is one classroom on one computer with nothing set up: anyone may register and new decks are
# published and open for self-study (a school server sets QUIZAPP_REGISTRATION=code, the default elsewhere).
CLASSROOM_DEFAULTS = {"QUIZAPP_REGISTRATION": "open", "QUIZAPP_PUBLISH_NEW_DECKS": "1"}


def classroom_defaults(argv: list[str], environ) -> None:
    """Fill in CLASSROOM_DEFAULTS for `quizapp run` where the environment does not say otherwise.

    >>> env = {"QUIZAPP_REGISTRATION": "code"}
    >>> classroom_defaults(["run"], env); env == {"QUIZAPP_REGISTRATION": "code", "QUIZAPP_PUBLISH_NEW_DECKS": "1"}
    True
    >>> env = {}; classroom_defaults(["generate", "seeds/a.txt"], env); env
    {}
    """
    if argv[:1] == ["run"]:
        for key, value in CLASSROOM_DEFAULTS.items():
            environ.setdefault(key, value)


def main() -> None:
    """Entry point of the `quizapp` console script."""
    import os
    import sys

    classroom_defaults(sys.argv[1:], os.environ)
    cli.main()
