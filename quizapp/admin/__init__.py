"""The administrator's pages: teacher accounts made in the browser (the first admin comes from the CLI)."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from quizapp.admin import routes  # noqa: E402,F401
