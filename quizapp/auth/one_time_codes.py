"""The page behind every "reset password" button (teacher for a student, admin for a teacher)."""

from __future__ import annotations

from flask import abort, render_template
from flask_login import current_user

from quizapp.auth import bp
from quizapp.auth.forms import OneTimeCodeForm
from quizapp.extensions import db
from quizapp.models import User
from quizapp.operations.passwords import RESET_CODE_VALID, issue_reset_code, may_reset_password

# Pages show a reset button only where the reset would be allowed.
bp.add_app_template_global(may_reset_password)


def show_code(person: User, code: str, back_url: str):
    """The one-time code, shown once: it is stored only as a hash."""
    return render_template("auth/one_time_code.html", person=person, code=code,
                           valid_days=RESET_CODE_VALID.days, back_url=back_url)


def reset_and_show_code(person: User, back_url: str):
    """Replace `person`'s password by a one-time code if the logged-in user may (else 403); show the code."""
    if not may_reset_password(current_user, person):
        abort(403)
    if not OneTimeCodeForm().validate_on_submit():
        abort(400)
    code = issue_reset_code(person)
    db.session.commit()
    return show_code(person, code, back_url)
