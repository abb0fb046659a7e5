"""The admin role: the first account from the CLI; teacher accounts in the browser, with one-time codes."""

from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import User
from tests.conftest import FormClient

from .test_passwords import CODE_RE, change, logs_in


def test_create_user_admin_makes_an_admin_who_is_a_teacher(app, runner):
    result = runner.invoke(args=["create-user", "ada", "--admin", "--password", "Flusspferd-im-Juli"])
    assert result.exit_code == 0 and "Created admin account 'ada'." in result.output
    with app.app_context():
        ada = db.session.scalar(db.select(User).filter_by(username="ada"))
        assert ada.is_admin and ada.is_teacher


def test_an_admin_creates_a_teacher_who_logs_in_with_the_code_and_chooses_a_password(app, runner):
    runner.invoke(args=["create-user", "ada", "--admin", "--password", "Flusspferd-im-Juli"])
    admin = FormClient(app.test_client())
    admin.post("/auth/login", {"username": "ada", "password": "Flusspferd-im-Juli"})
    page = admin.client.get("/admin/teachers").get_data(as_text=True)
    assert 'href="/admin/teachers"' in page  # in the top bar
    taken = admin.post("/admin/teachers", {"username": "ADA"}, page="/admin/teachers")
    assert taken.status_code == 200 and "This username is taken." in taken.get_data(as_text=True)
    response = admin.post("/admin/teachers", {"username": "tina"}, page="/admin/teachers")
    code = re.search(CODE_RE, response.get_data(as_text=True)).group(1)

    teacher = FormClient(app.test_client())
    assert teacher.post("/auth/login", {"username": "tina", "password": code}).headers["Location"] \
        .endswith("/auth/password")
    change(teacher, None, "Lehrerzimmer-2026")
    assert teacher.client.get("/teacher/").status_code == 200
    assert teacher.client.get("/admin/teachers").status_code == 403  # a teacher, not an admin
    listed = admin.client.get("/admin/teachers").get_data(as_text=True)
    assert ">tina<" in listed
    assert listed.count("/reset-password") == 1  # tina's; the admin changes their own password instead

    with app.app_context():
        tina = db.session.scalar(db.select(User).filter_by(username="tina")).id
    page = admin.client.get("/admin/teachers").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = admin.client.post(f"/admin/teachers/{tina}/reset-password", data={"csrf_token": token})
    new_code = re.search(CODE_RE, response.get_data(as_text=True)).group(1)
    assert not logs_in(app, "tina", "Lehrerzimmer-2026") and new_code != code
