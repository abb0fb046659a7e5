"""Downloads: a deck as an Anki package, for everyone, with drafts for teachers, or one learner's weak items."""

from flask import Blueprint

bp = Blueprint("export", __name__)

from quizapp.export import routes  # noqa: E402,F401
