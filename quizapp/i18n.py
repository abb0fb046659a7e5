"""Language of the interface: the learner's switch first, then the browser, German by default."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Flask, current_app, redirect, request, session, url_for
from flask_babel import get_locale

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]


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


def register_i18n(app: Flask) -> None:
    app.register_blueprint(bp)

    @app.context_processor
    def inject_locale():
        return {"current_locale": str(get_locale()), "languages": app.config["LANGUAGES"]}
