"""Register, log in, log out (here or everywhere)."""

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, login_user, logout_user

from quizapp.auth import bp
from quizapp.auth.forms import LoginForm, LogoutEverywhereForm, RegistrationForm
from quizapp.bidi import isolated
from quizapp.extensions import db, limiter
from quizapp.i18n import is_local_url
from quizapp.operations.classes import join_class
from quizapp.operations.users import UsernameTaken, authenticate, create_user
from quizapp.security import (address_and_username, login_failed, login_failure_rate_limit, login_rate_limit,
                              register_rate_limit)

KEPT_ACROSS_LOGINS = ("lang",)  # the interface language stays; everything else starts afresh


def renew_session() -> None:
    """Start a fresh session (so a new CSRF secret too) when someone logs in or out."""
    kept = {key: session[key] for key in KEPT_ACROSS_LOGINS if key in session}
    session.clear()
    session.update(kept)
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)  # Flask-WTF's per-request copy


def stay_logged_in(user) -> None:
    """Log this browser in again after the account's nonce changed; new cookies carry the new nonce."""
    remembered = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
    renew_session()
    login_user(user, remember=remembered)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(register_rate_limit, methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("quiz.index"))
    mode = current_app.config.get("REGISTRATION", "code")
    if mode == "closed":
        return render_template("auth/register_closed.html"), 403
    form = RegistrationForm(code=request.args.get("code", ""))
    if form.validate_on_submit():
        try:
            user = create_user(form.username.data, form.password.data)
        except UsernameTaken:
            form.username.errors.append(_("This username is taken."))
        else:
            if form.school_class is not None:
                join_class(user, form.school_class)
            db.session.commit()
            renew_session()
            login_user(user)
            flash(_("Welcome, %(name)s!", name=isolated(user.username)), "success")
            if form.school_class is not None:
                flash(_("You joined %(name)s.", name=isolated(form.school_class.name)), "success")
            return redirect(url_for("quiz.index"))
    return render_template("auth/register.html", form=form, code_needed=mode == "code")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_rate_limit, key_func=address_and_username, methods=["POST"])
@limiter.limit(login_failure_rate_limit, key_func=get_remote_address, methods=["POST"],
               deduct_when=login_failed, scope="login-failures")
def login():
    if current_user.is_authenticated:
        return redirect(url_for("quiz.index"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is None:
            form.password.errors.append(_("Wrong username or password."))
        else:
            db.session.commit()  # a one-time code is used up
            renew_session()
            login_user(user, remember=form.remember.data)
            if user.must_change_password:
                return redirect(url_for("auth.change_password"))
            target = form.next.data
            return redirect(target if is_local_url(target) else url_for("quiz.index"))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    """Log out; the account's session nonce changes, so copies of this session's cookies stop working."""
    current_user.end_sessions()
    db.session.commit()
    renew_session()
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.post("/logout-everywhere")
@login_required
def logout_everywhere():
    """End every other login of this account (other browsers, copied cookies); this browser stays in."""
    form = LogoutEverywhereForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        user.end_sessions()
        db.session.commit()
        stay_logged_in(user)
        flash(_("You are logged out on all other devices."), "success")
    return redirect(url_for("auth.account"))
