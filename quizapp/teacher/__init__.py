"""Teacher pages: the decks and their items, the review queue, editing the bank files in the browser."""

from flask import Blueprint, abort, render_template
from flask_babel import gettext as _
from flask_login import current_user

from quizapp.extensions import db, login_manager

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


@bp.before_request
def teachers_only():
    """Every page and action here: log in first, and students get 403."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_teacher:
        abort(403)


@bp.errorhandler(OSError)
def bank_file_unreadable(error: OSError):
    """A bank file deleted, replaced by a device or grown past the limit between the last load and this
    page: say so instead of an error page that claims something went wrong on our side."""
    db.session.rollback()
    message = _("The bank file cannot be read right now (it was removed, or is no longer a text file of at "
                "most the allowed size). Nothing was saved; check the file in questions/ and reload.")
    return render_template("error.html", code=409, message=message), 409


# the imports register the views
from quizapp.teacher import (  # noqa: E402,F401
    deck_settings, editing, interop, labels, new_deck, publishing, questions, review, routes,
)
