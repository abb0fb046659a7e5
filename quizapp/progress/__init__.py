"""Progress: the learner's review mode and deck dashboards; the teacher's class overview and item analysis."""

from flask import Blueprint

bp = Blueprint("progress", __name__, url_prefix="/progress")

from quizapp.progress import class_routes, formatting, routes, student_accounts  # noqa: E402,F401
