"""The account page: change the password (required after a one-time code), download one's data, delete."""

import json

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from quizapp.analytics.csvfile import csv_text
from quizapp.auth import bp
from quizapp.auth.forms import ChangePasswordForm, DeleteAccountForm, LogoutEverywhereForm
from quizapp.auth.routes import renew_session, stay_logged_in
from quizapp.extensions import db, limiter
from quizapp.operations.data_rights import CARDS_HEADER, card_rows, delete_account, personal_data
from quizapp.operations.passwords import change_password as set_new_password
from quizapp.progress.spreadsheets import download_response
from quizapp.security import logged_in_account, login_rate_limit

# What someone who must choose a new password may still reach.
OPEN_BEFORE_NEW_PASSWORD = {"auth.change_password", "auth.logout", "static", "i18n.switch_language",
                            "health.healthz"}


@bp.before_app_request
def new_password_first():
    """After logging in with a one-time code, every page asks for a new password first."""
    if request.endpoint in OPEN_BEFORE_NEW_PASSWORD or not current_user.is_authenticated:
        return None
    if current_user.must_change_password:
        return redirect(url_for("auth.change_password"))
    return None


@bp.get("/account")
@login_required
def account():
    return render_template("auth/account.html", form=LogoutEverywhereForm())


@bp.route("/password", methods=["GET", "POST"])
@limiter.limit(login_rate_limit, key_func=logged_in_account, methods=["POST"])
@login_required
def change_password():
    user = current_user._get_current_object()
    form = ChangePasswordForm(user)
    if form.validate_on_submit():
        forced = user.must_change_password
        set_new_password(user, form.password.data)
        db.session.commit()
        stay_logged_in(user)  # this browser stays in; every other login ends
        flash(_("Your new password is set.") if forced else _("Your password is changed."), "success")
        return redirect(url_for("quiz.index") if forced else url_for("auth.account"))
    return render_template("auth/password.html", form=form)


@bp.get("/account/data.json")
@login_required
def data_json():
    """Everything stored about the account, as JSON (DSGVO Art. 15 and 20)."""
    text = json.dumps(personal_data(current_user), ensure_ascii=False, indent=2)
    return download_response(text, f"quizapp-data-{current_user.username}.json", "application/json")


@bp.get("/account/cards.csv")
@login_required
def cards_csv():
    """Where the learner stands with each question (spaced repetition), as CSV."""
    return download_response(csv_text(CARDS_HEADER, card_rows(current_user)),
                             f"quizapp-learning-state-{current_user.username}.csv", "text/csv")


@bp.route("/account/delete", methods=["GET", "POST"])
@limiter.limit(login_rate_limit, key_func=logged_in_account, methods=["POST"])
@login_required
def delete():
    """A student deletes their own account (a teacher's decks and classes need someone to take them over)."""
    user = current_user._get_current_object()
    if user.is_teacher:
        flash(_("Only student accounts can be deleted here."), "info")
        return redirect(url_for("auth.account"))
    form = DeleteAccountForm(user)
    if form.validate_on_submit():
        delete_account(user)
        db.session.commit()
        renew_session()
        logout_user()
        flash(_("Your account is deleted. Your answers are kept without your name."), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/delete.html", form=form)
