"""Teacher accounts: listed, created with a one-time code, and given a new code when a password is lost."""

from __future__ import annotations

import secrets
from functools import wraps

from flask import abort, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import func, select

from quizapp.admin import bp
from quizapp.admin.forms import NewTeacherForm
from quizapp.auth.forms import OneTimeCodeForm
from quizapp.auth.one_time_codes import reset_and_show_code, show_code
from quizapp.extensions import db
from quizapp.models import User
from quizapp.operations.passwords import issue_reset_code
from quizapp.operations.users import UsernameTaken, create_user


def admin_required(view):
    """Logged-in admins only; everyone else gets 403."""
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def teachers() -> list[User]:
    return list(db.session.scalars(select(User).where(User.is_teacher.is_(True), User.deleted_at.is_(None))
                                   .order_by(func.lower(User.username), User.id)))


@bp.route("/teachers", methods=["GET", "POST"])
@admin_required
def teacher_accounts():
    form = NewTeacherForm()
    if form.validate_on_submit():
        try:
            teacher = create_user(form.username.data, secrets.token_urlsafe(32), is_teacher=True)
        except UsernameTaken:
            form.username.errors.append(_("This username is taken."))
        else:
            code = issue_reset_code(teacher)
            db.session.commit()
            return show_code(teacher, code, url_for("admin.teacher_accounts"))
    return render_template("admin/teachers.html", form=form, teachers=teachers(),
                           reset_form=OneTimeCodeForm())


@bp.post("/teachers/<int:user_id>/reset-password")
@admin_required
def reset_teacher_password(user_id: int):
    teacher = db.session.get(User, user_id)
    if teacher is None or not teacher.is_teacher or teacher.deleted_at is not None:
        abort(404)
    return reset_and_show_code(teacher, url_for("admin.teacher_accounts"))
