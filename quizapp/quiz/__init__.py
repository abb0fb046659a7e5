"""Students' side: the deck list, one question per page, feedback and the end-of-quiz summary."""

from flask import Blueprint

bp = Blueprint("quiz", __name__)

from quizapp.quiz import routes  # noqa: E402,F401
