"""Teacher pages: the decks and their items, the review queue, editing the bank files in the browser."""

from flask import Blueprint, abort
from flask_login import current_user

from quizapp.extensions import login_manager

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


@bp.before_request
def teachers_only():
    """Every page and action here: log in first, and students get 403."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_teacher:
        abort(403)


from quizapp.teacher import editing, new_deck, routes  # noqa: E402,F401  registers the views
