"""Friendly error pages: a message for the user, never a stack trace."""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from quizapp.extensions import db


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        message = _("The form had expired or was sent twice from an old page. Please try again.")
        return render_template("error.html", code=400, message=message), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        messages = {
            403: _("This page is for teachers only."),
            404: _("There is nothing here."),
            413: _("What you sent is too large (at most %(size)s MB).",
                   size=(app.config.get("MAX_CONTENT_LENGTH") or 0) // (1024 * 1024)),
            429: _("Too many attempts. Please wait a minute and try again."),
        }
        message = messages.get(error.code, error.description)
        return render_template("error.html", code=error.code, message=message), error.code

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        db.session.rollback()
        app.logger.exception("unhandled error")
        message = _("Something went wrong on our side. Your answers so far are saved.")
        return render_template("error.html", code=500, message=message), 500
