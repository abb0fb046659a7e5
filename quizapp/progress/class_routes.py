"""The teacher's side: class overview, one student, item analysis per deck, class results as CSV."""

from __future__ import annotations

from functools import wraps

from flask import abort, current_app, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from quizapp.analytics.csvfile import csv_text
from quizapp.analytics.item_analysis import SORT_COLUMNS, sort_stats
from quizapp.extensions import db
from quizapp.models import SchoolClass, User
from quizapp.operations.classes import classes_taught, is_admin, taught_student_ids, teaches, teaches_student
from quizapp.operations.class_progress import (
    RESULTS_HEADER, item_analysis, live_decks, results_rows, results_table, standings, student_count,
    students, visible_counts,
)
from quizapp.progress import bp, spreadsheets
from quizapp.progress.routes import csv_response, live_deck, render_dashboard
from quizapp.progress.spreadsheets import xlsx_response

PAGE_SIZE = 50


def teacher_required(view):
    """Logged-in teachers (and an admin) only; students get 403."""
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not (current_user.is_teacher or is_admin(current_user)):
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def teacher_scope() -> tuple[object, SchoolClass | None]:
    """The students these pages show: those of the class in `?class=` (one the teacher teaches, else 404),
    or of all the teacher's classes; an admin's scope is every student."""
    class_id = request.args.get("class", type=int)
    if class_id is not None:
        school_class = db.session.get(SchoolClass, class_id)
        if school_class is None or not (teaches(current_user, class_id) or is_admin(current_user)):
            abort(404)
        return taught_student_ids(None, class_id), school_class
    if is_admin(current_user):
        return select(User.id).where(User.is_teacher.is_(False)), None
    return taught_student_ids(current_user), None


def a_student(user_id: int) -> User:
    """A student of one of the teacher's classes; anyone else is 'not found'."""
    user = db.session.get(User, user_id)
    if user is None or user.is_teacher or user.deleted_at is not None \
            or not (is_admin(current_user) or teaches_student(current_user, user_id)):
        abort(404)
    return user


def editor_url(question_id: str) -> str | None:
    """Link to the item's editor once the teacher pages provide it; the deck's item list otherwise."""
    if "teacher.edit_question" in current_app.view_functions:
        return url_for("teacher.edit_question", question_id=question_id)
    return None


@bp.get("/class")
@teacher_required
def class_overview():
    scope, school_class = teacher_scope()
    total = student_count(scope)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, request.args.get("page", 1, type=int)), pages)
    people = students(scope, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    return render_template("progress/class.html", students=people, decks=live_decks(), counts=visible_counts(),
                           table=standings([s.id for s in people]), page=page, pages=pages, total=total,
                           school_class=school_class, classes=classes_taught(current_user))


@bp.get("/class/students/<int:user_id>")
@teacher_required
def class_student(user_id: int):
    student = a_student(user_id)
    return render_template("progress/student.html", student=student, decks=live_decks(),
                           counts=visible_counts(), table=standings([student.id]))


@bp.get("/class/students/<int:user_id>/decks/<deck_id>")
@teacher_required
def class_student_deck(user_id: int, deck_id: str):
    return render_dashboard(a_student(user_id), live_deck(deck_id), own=False)


# The first click on a column shows its worst end first.
DEFAULT_ORDER = {"position": "asc", "learners": "desc", "facility": "asc", "discrimination": "asc",
                 "efficiency": "asc", "flags": "desc"}


@bp.get("/class/decks/<deck_id>/items")
@teacher_required
def item_stats(deck_id: str):
    """The deck's items in one table, worst first (lowest discrimination), sorted by the query string."""
    deck = live_deck(deck_id)
    minimum = int(current_app.config["ITEM_ANALYSIS_MIN_LEARNERS"])
    sort = request.args.get("sort", "discrimination")
    sort = sort if sort in SORT_COLUMNS else "discrimination"
    order = request.args.get("order", DEFAULT_ORDER[sort])
    order = order if order in ("asc", "desc") else DEFAULT_ORDER[sort]
    show_retired = request.args.get("retired") == "1"
    scope, school_class = teacher_scope()
    rows = item_analysis(deck, minimum, scope)
    retired = sum(q.status == "retired" for q, _s in rows)
    if not show_retired:
        rows = [(q, s) for q, s in rows if q.status != "retired"]
    return render_template("progress/items.html", deck=deck, rows=sort_stats(rows, sort, order == "desc"),
                           minimum=minimum, editor_url=editor_url, sort=sort, order=order,
                           default_order=DEFAULT_ORDER, show_retired=show_retired, retired=retired,
                           school_class=school_class)


@bp.get("/class/results.csv")
@teacher_required
def results_csv():
    scope, school_class = teacher_scope()
    return csv_response(csv_text(RESULTS_HEADER, results_rows(scope)), results_filename(school_class, "csv"))


@bp.get("/class/results.xlsx")
@teacher_required
def results_xlsx():
    scope, school_class = teacher_scope()
    return xlsx_response(spreadsheets.results_xlsx(results_table(scope)), results_filename(school_class, "xlsx"))


def results_filename(school_class: SchoolClass | None, suffix: str) -> str:
    """quizapp-class-results.csv, or with the class's id and name: quizapp-class-results-3-7b_Geschichte.csv"""
    if school_class is None:
        return f"quizapp-class-results.{suffix}"
    return f"quizapp-class-results-{school_class.id}-{school_class.name}.{suffix}"
