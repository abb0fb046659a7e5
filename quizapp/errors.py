"""Friendly error pages: a message for the user, never a stack trace."""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError
from werkzeug.exceptions import HTTPException

from quizapp.extensions import db
from quizapp.request_limits import TooManyFormParts


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        message = _("The form had expired or was sent twice from an old page. Please try again.")
        return render_template("error.html", code=400, message=message), 400

    @app.errorhandler(TooManyFormParts)
    def too_many_fields(error: TooManyFormParts):
        message = _("What you sent has too many form fields (at most %(count)s). Nothing was saved.",
                    count=app.config.get("MAX_FORM_PARTS"))
        return render_template("error.html", code=413, message=message), 413

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

    @app.errorhandler(DataError)
    def unstorable_value(error: DataError):
        """A value the database refuses (out of range, wrong encoding): the request's changes are undone."""
        db.session.rollback()
        app.logger.warning("value refused by the database: %s", error.orig)
        message = _("Something you sent cannot be stored (a value is out of range). Nothing was saved.")
        return render_template("error.html", code=400, message=message), 400

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        db.session.rollback()
        app.logger.exception("unhandled error")
        # Never "your answer is saved": the request that failed may have been the one carrying it.
        message = _("Something went wrong on our side. What you just sent may not have been saved: "
                    "please go back and try again. Answers you already saw feedback for are kept.")
        return render_template("error.html", code=500, message=message), 500
