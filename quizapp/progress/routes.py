"""The learner's side: review across decks, a dashboard per deck, practice of weak items, own history."""

from __future__ import annotations


from flask import Response, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from quizapp.analytics.csvfile import csv_text
from quizapp.analytics.days import today_bounds
from quizapp.bank.cloze import cloze_plain
from quizapp.extensions import db
from quizapp.models import Deck
from quizapp.models.time import utcnow
from quizapp.operations.deck_access import may_reach
from quizapp.operations.progress import (
    HISTORY_HEADER, answers_by_item, deck_dashboard, history_rows, history_table, weakest_ids,
)
from quizapp.operations.quiz import deck_progress, start_run
from quizapp.operations.reviews import due_status, new_ids, start_review_run
from quizapp.progress import bp, spreadsheets
from quizapp.progress.charts import dashboard_charts
from quizapp.progress.spreadsheets import xlsx_response


bp.add_app_template_filter(cloze_plain, "cloze_plain")


@bp.app_template_global()
def review_status() -> dict:
    """Due and new-today counts for the home page's review entry (two queries, only where it is shown)."""
    now, config = utcnow(), current_app.config
    new = len(new_ids(current_user, now, int(config["REVIEW_NEW_PER_DAY"]), config["TIMEZONE"]))
    due, next_due = due_status(current_user, today_bounds(now, config["TIMEZONE"])[1])
    return {"due": due, "new": new, "next_due": next_due}


@bp.post("/review")
@login_required
def review():
    now = utcnow()
    run = start_review_run(current_user, now)
    if run is None:
        flash(_("Nothing to review right now. Come back later!"), "info")
        return redirect(url_for("quiz.index"))
    db.session.commit()
    return redirect(url_for("quiz.question", run_id=run.id))


def live_deck(deck_id: str) -> Deck:
    deck = db.session.get(Deck, deck_id)
    if deck is None or not deck.in_files:
        abort(404)
    return deck


def reachable_deck(deck_id: str) -> Deck:
    """A deck the learner may practise (published, and assigned or open for self-study); else 404."""
    if not may_reach(current_user, deck_id):
        abort(404)
    return live_deck(deck_id)


def render_dashboard(student, deck: Deck, own: bool):
    """The dashboard of `student` on `deck`; `own` shows the learner's buttons, not a teacher's view."""
    now, tz = utcnow(), current_app.config["TIMEZONE"]
    dash = deck_dashboard(student.id, deck.id, now, tz)
    figures = deck_progress(student, today_bounds(now, tz)[1]).get(deck.id)  # as on the deck card
    answers = [] if own else answers_by_item(student.id, deck.id)
    return render_template("progress/dashboard.html", deck=deck, dash=dash, charts=dashboard_charts(dash),
                           student=student, own=own, figures=figures, answers=answers)


@bp.get("/decks/<deck_id>")
@login_required
def dashboard(deck_id: str):
    return render_dashboard(current_user, reachable_deck(deck_id), own=True)


@bp.post("/decks/<deck_id>/practise")
@login_required
def practise(deck_id: str):
    deck = reachable_deck(deck_id)
    ids = weakest_ids(current_user.id, deck.id)
    if not ids:
        flash(_("No weak items in this deck: nothing to practise."), "success")
        return redirect(url_for("progress.dashboard", deck_id=deck.id))
    run = start_run(current_user, deck, ids, mode="practice")
    db.session.commit()
    return redirect(url_for("quiz.question", run_id=run.id))


def csv_response(text: str, filename: str) -> Response:
    return spreadsheets.download_response(text, filename, "text/csv")


@bp.get("/history.csv")
@login_required
def history_csv():
    """The learner's own answers, every one of them (nobody else's: there is no user in the URL)."""
    return csv_response(csv_text(HISTORY_HEADER, history_rows(current_user)),
                        f"quizapp-history-{current_user.username}.csv")


@bp.get("/history.xlsx")
@login_required
def history_xlsx():
    """The same answers as a spreadsheet for Excel: local times, seconds, translated headings."""
    return xlsx_response(spreadsheets.history_xlsx(history_table(current_user)),
                         f"quizapp-history-{current_user.username}.xlsx")
