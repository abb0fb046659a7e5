"""Accounts: register, log in, log out; the account page: password, own data, deletion."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from quizapp.auth import account_routes, routes  # noqa: E402,F401
