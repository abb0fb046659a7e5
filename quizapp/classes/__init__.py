"""Classes: teachers make classes and assign decks; students join them with a code, link or QR code."""

from flask import Blueprint

bp = Blueprint("classes", __name__, url_prefix="/classes")

from quizapp.classes import joining, routes  # noqa: E402,F401  registers the views
