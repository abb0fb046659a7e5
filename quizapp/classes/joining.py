"""Students join classes: with the code typed in, or through the join link (or its QR code)."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from quizapp.bidi import isolated
from quizapp.classes import bp
from quizapp.classes.forms import JoinForm
from quizapp.extensions import db, limiter
from quizapp.operations.classes import class_by_code, classes_of_student, join_class
from quizapp.security import register_rate_limit


@bp.route("/join", methods=["GET", "POST"])
@login_required
@limiter.limit(register_rate_limit, methods=["POST"])  # codes are not to be guessed by trying many
def join():
    form = JoinForm(code=request.args.get("code", ""))
    status = 200
    if current_user.is_teacher:
        return render_template("classes/join.html", form=None, classes=[])
    if form.validate_on_submit():
        school_class = class_by_code(form.code.data)
        if school_class is None:
            form.code.errors.append(_("No open class has this code. Check it with your teacher."))
            status = 422
        else:
            if join_class(current_user, school_class):
                db.session.commit()
                flash(_("You joined %(name)s.", name=isolated(school_class.name)), "success")
            else:
                flash(_("You are in %(name)s already.", name=isolated(school_class.name)), "info")
            return redirect(url_for("quiz.index"))
    elif form.errors:
        status = 422
    return render_template("classes/join.html", form=form, classes=classes_of_student(current_user)), status


@bp.get("/join/<join_code>")
def join_link(join_code: str):
    """The link a teacher shares (and its QR code): new students register with the code filled in;
    logged-in students confirm with one click."""
    if current_user.is_authenticated:
        return redirect(url_for("classes.join", code=join_code))
    if current_app.config.get("REGISTRATION") == "closed":
        return redirect(url_for("auth.login", next=url_for("classes.join", code=join_code)))
    return redirect(url_for("auth.register", code=join_code))
