"""Register, log in, log out."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from quizapp.auth import bp
from quizapp.auth.forms import LoginForm, RegistrationForm
from quizapp.extensions import db, limiter
from quizapp.i18n import is_local_url
from quizapp.operations.users import UsernameTaken, create_user, find_user
from quizapp.security import address_and_username, login_rate_limit, register_rate_limit


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(register_rate_limit, methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("quiz.index"))
    form = RegistrationForm()
    if form.validate_on_submit():
        try:
            user = create_user(form.username.data, form.password.data)
        except UsernameTaken:
            form.username.errors.append(_("This username is taken."))
        else:
            db.session.commit()
            login_user(user)
            flash(_("Welcome, %(name)s!", name=user.username), "success")
            return redirect(url_for("quiz.index"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_rate_limit, key_func=address_and_username, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("quiz.index"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = find_user(form.username.data)
        if user is None or not user.check_password(form.password.data):
            form.password.errors.append(_("Wrong username or password."))
        else:
            login_user(user, remember=form.remember.data)
            target = form.next.data
            return redirect(target if is_local_url(target) else url_for("quiz.index"))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))
