"""The teacher's classes: list and create, one class's page (code, link, QR, students, assignments) and
its one-click changes. Only the class's own teachers (and an admin) reach a class; others get 404."""

from __future__ import annotations

import datetime as dt

from flask import Response, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from wtforms.fields.choices import SelectChoice

from quizapp.analytics.days import zone
from quizapp.classes import bp
from quizapp.classes.forms import ActionForm, AssignmentForm, ClassNameForm, CoTeacherForm
from quizapp.classes.qr import qr_svg
from quizapp.bidi import isolated
from quizapp.extensions import db
from quizapp.models import Assignment, ClassMembership, Deck, SchoolClass, User
from quizapp.models.time import utcnow
from quizapp.operations.assignments import assign_deck, class_assignment_progress
from quizapp.operations.class_progress import visible_counts
from quizapp.operations.classes import (
    add_teacher, classes_taught, create_class, is_admin, member_counts, remove_student, rotate_code, teaches,
)
from quizapp.operations.deck_access import reachable_decks
from quizapp.operations.users import find_user
from quizapp.progress.class_routes import teacher_required  # teachers (and an admin) only; students 403


def my_class(class_id: int) -> SchoolClass:
    """A class the current teacher teaches (an admin: any class); 404 otherwise, revealing nothing."""
    school_class = db.session.get(SchoolClass, class_id)
    if school_class is None or not (teaches(current_user, class_id) or is_admin(current_user)):
        abort(404)
    return school_class


def back_to(school_class: SchoolClass):
    return redirect(url_for("classes.detail", class_id=school_class.id))


@bp.get("/")
@teacher_required
def index():
    return render_index(ClassNameForm())


def render_index(form: ClassNameForm, status: int = 200):
    """The teacher's classes (open ones, then archived) with the form for a new one."""
    open_classes, archived = classes_taught(current_user), classes_taught(current_user, archived=True)
    counts = member_counts([c.id for c in open_classes + archived])
    return render_template("classes/index.html", classes=open_classes, archived=archived, counts=counts,
                           form=form), status


@bp.post("/")
@teacher_required
def create():
    form = ClassNameForm()
    if not form.validate_on_submit():
        return render_index(form, 422)
    school_class = create_class(current_user, form.name.data)
    db.session.commit()
    flash(_("Class “%(name)s” created. Give your students its code or link.", name=isolated(school_class.name)),
          "success")
    return back_to(school_class)


def join_url(school_class: SchoolClass) -> str:
    return url_for("classes.join_link", join_code=school_class.join_code, _external=True)


@bp.get("/<int:class_id>")
@teacher_required
def detail(class_id: int):
    school_class = my_class(class_id)
    members = list(db.session.scalars(
        select(User).join(ClassMembership, ClassMembership.user_id == User.id)
        .where(ClassMembership.class_id == class_id).order_by(func.lower(User.username), User.id)))
    assign_form = AssignmentForm()
    assign_form.deck_id.choices = deck_choices()
    return render_template(
        "classes/detail.html", school_class=school_class, members=members, join_url=join_url(school_class),
        progress=class_assignment_progress(school_class, [m.id for m in members]),
        goals=assignment_goals(school_class), name_form=ClassNameForm(name=school_class.name),
        action_form=ActionForm(), teacher_form=CoTeacherForm(), assign_form=assign_form, now=utcnow())


def deck_choices() -> list[SelectChoice]:
    """Decks a class can be given: published ones with approved items (students could not open others)."""
    return [SelectChoice(deck.id, isolated(deck.title)) for deck in reachable_decks(current_user)]


def assignment_goals(school_class: SchoolClass) -> dict[int, int]:
    """Assignment id -> items a student answers to complete it (the target, at most the deck's items)."""
    counts = visible_counts()
    return {a.id: min(a.target, counts.get(a.deck_id, 0)) if a.target else counts.get(a.deck_id, 0)
            for a in school_class.assignments}


@bp.post("/<int:class_id>/rename")
@teacher_required
def rename(class_id: int):
    school_class = my_class(class_id)
    form = ClassNameForm()
    if form.validate_on_submit():
        school_class.name = form.name.data.strip()
        db.session.commit()
        flash(_("Class renamed."), "success")
    else:
        flash(_("Class name: %(problem)s", problem=" ".join(form.name.errors) or _("try again.")), "error")
    return back_to(school_class)


@bp.post("/<int:class_id>/archive")
@teacher_required
def archive(class_id: int):
    """Archive the class (students no longer see it or its assignments; results stay), or bring it back."""
    school_class = my_class(class_id)
    if ActionForm().validate_on_submit():
        school_class.archived_at = None if school_class.archived else utcnow()
        db.session.commit()
        flash(_("Class archived: its code no longer works, its results stay.") if school_class.archived
              else _("Class restored."), "success")
    return back_to(school_class)


@bp.post("/<int:class_id>/rotate-code")
@teacher_required
def rotate(class_id: int):
    school_class = my_class(class_id)
    if ActionForm().validate_on_submit():
        rotate_code(school_class)
        db.session.commit()
        flash(_("New code: %(code)s. The old code and link no longer work.", code=school_class.join_code),
              "success")
    return back_to(school_class)


@bp.post("/<int:class_id>/teachers")
@teacher_required
def add_co_teacher(class_id: int):
    school_class = my_class(class_id)
    form = CoTeacherForm()
    if form.validate_on_submit():
        teacher = find_user(form.username.data)
        if teacher is None or not teacher.is_teacher:
            flash(_("There is no teacher account of that name."), "error")
        elif add_teacher(school_class, teacher):
            db.session.commit()
            flash(_("%(name)s now teaches this class too.", name=isolated(teacher.username)), "success")
        else:
            flash(_("%(name)s teaches this class already.", name=isolated(teacher.username)), "info")
    return back_to(school_class)


@bp.post("/<int:class_id>/students/<int:user_id>/remove")
@teacher_required
def remove(class_id: int, user_id: int):
    school_class = my_class(class_id)
    if ActionForm().validate_on_submit():
        if not remove_student(school_class, user_id):
            abort(404)
        db.session.commit()
        flash(_("The student was removed from the class; their answers stay theirs."), "success")
    return back_to(school_class)


@bp.post("/<int:class_id>/assignments")
@teacher_required
def assign(class_id: int):
    school_class = my_class(class_id)
    form = AssignmentForm()
    form.deck_id.choices = deck_choices()
    if not form.validate_on_submit():
        problems = [f"{form[name].label.text}: {' '.join(errors)}" for name, errors in form.errors.items()
                    if name != "csrf_token"]
        flash(_("Not assigned. %(problems)s", problems=" ".join(problems) or _("Please try again.")), "error")
        return back_to(school_class)
    deck = db.session.get(Deck, form.deck_id.data)
    assign_deck(school_class, deck, due_utc(form.due_date.data, form.due_time.data), form.target_count())
    db.session.commit()
    flash(_("“%(deck)s” assigned to %(name)s.", deck=isolated(deck.title), name=isolated(school_class.name)),
          "success")
    return back_to(school_class)


def due_utc(day: dt.date | None, time: dt.time | None) -> dt.datetime | None:
    """The due date as the school's local date and time (end of day when no time is given), in naive UTC."""
    if day is None:
        return None
    local = dt.datetime.combine(day, time or dt.time(23, 59), tzinfo=zone(current_app.config["TIMEZONE"]))
    return local.astimezone(dt.UTC).replace(tzinfo=None)


@bp.post("/<int:class_id>/assignments/<int:assignment_id>/delete")
@teacher_required
def unassign(class_id: int, assignment_id: int):
    school_class = my_class(class_id)
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.class_id != school_class.id:
        abort(404)
    if ActionForm().validate_on_submit():
        db.session.delete(assignment)
        db.session.commit()
        flash(_("Assignment removed; the students' answers stay."), "success")
    return back_to(school_class)


@bp.get("/<int:class_id>/qr.svg")
@teacher_required
def qr_code(class_id: int):
    school_class = my_class(class_id)
    svg = qr_svg(join_url(school_class), _("Join %(name)s", name=school_class.name))
    return Response(svg, mimetype="image/svg+xml")
