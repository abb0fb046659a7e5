"""Live quiz in the classroom: the teacher's projector view and the students' phones, joined by a PIN."""

from flask import Blueprint

bp = Blueprint("live", __name__, url_prefix="/live")

from quizapp.live import routes  # noqa: E402,F401
