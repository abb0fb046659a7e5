"""Health check for load balancers and monitoring: no login, no session, no rate limit."""

from flask import Blueprint

bp = Blueprint("health", __name__)

from quizapp.health import routes  # noqa: E402,F401
