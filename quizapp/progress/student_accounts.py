"""The teacher's side of students' accounts: a one-time code for a forgotten password; what is stored."""

from __future__ import annotations

from flask import render_template, url_for

from quizapp.auth.one_time_codes import reset_and_show_code
from quizapp.operations.passwords import RESET_CODE_VALID
from quizapp.progress import bp
from quizapp.progress.class_routes import a_student, teacher_required


@bp.post("/class/students/<int:user_id>/reset-password")
@teacher_required
def reset_student_password(user_id: int):
    """Show a one-time code once; the student logs in with it and chooses a new password."""
    student = a_student(user_id)
    return reset_and_show_code(student, url_for("progress.class_student", user_id=student.id))


@bp.get("/privacy")
@teacher_required
def privacy():
    """What quizapp stores about students, who sees it, and how long it is kept."""
    return render_template("progress/privacy.html", valid_days=RESET_CODE_VALID.days)
