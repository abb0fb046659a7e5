"""Language of the interface: the learner's switch first, then the browser, German by default."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from flask import Blueprint, Flask, current_app, redirect, request, session, url_for
from flask_babel import get_locale

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]


def select_timezone() -> str:
    """Times on pages are the school's local time (TIMEZONE), as its days and streaks are."""
    return current_app.config["TIMEZONE"]


def is_local_url(target: str | None) -> bool:
    """Only redirect within this site (no scheme, no host, no protocol-relative //evil)."""
    if not target:
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//") \
        and "\\" not in target


@bp.post("/language/<code>")
def switch_language(code: str):
    """Remember the chosen interface language and go back where the learner was."""
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    target = request.form.get("next")
    return redirect(target if is_local_url(target) else url_for("quiz.index"))


def compile_catalogs(source: Path, target: Path) -> None:
    """Compile each messages.po into a messages.mo under `target` when it is missing or older.

    Only the .po files live in git; compiling at start keeps the two from drifting apart.
    """
    for po_path in source.glob("*/LC_MESSAGES/messages.po"):
        mo_path = target / po_path.relative_to(source).with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        tmp = mo_path.with_name(f".messages.{os.getpid()}.mo")
        with tmp.open("wb") as handle:
            write_mo(handle, catalog)
        os.replace(tmp, mo_path)


def register_i18n(app: Flask) -> None:
    source = Path(app.root_path) / "translations"
    target = Path(app.instance_path) / "translations"
    compile_catalogs(source, target)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(target)
    app.register_blueprint(bp)

    @app.context_processor
    def inject_locale():
        return {"current_locale": str(get_locale()), "languages": app.config["LANGUAGES"]}
