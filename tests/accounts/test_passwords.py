"""Changing one's password, and a teacher's one-time code that forces a new password at the next login."""

from __future__ import annotations

import datetime as dt

import pytest

from quizapp.extensions import db
from quizapp.models import User
from quizapp.operations.passwords import RESET_CODE_VALID, may_reset_password
from tests.conftest import FormClient, csrf_token_from

CODE_RE = r'class="one-time-code"[^>]*>([A-Z0-9-]{14})<'


def user_named(app, name: str) -> User:
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(username=name))
        db.session.expunge(user)
        return user


def logs_in(app, username: str, password: str) -> bool:
    return FormClient(app.test_client()).post(
        "/auth/login", {"username": username, "password": password}).status_code == 302


def change(forms, current: str | None, new: str, again: str | None = None):
    data = {"password": new, "password2": again or new}
    if current is not None:
        data["current_password"] = current
    return forms.post("/auth/password", data, page="/auth/password")


def test_a_student_changes_the_password_and_only_the_new_one_works(app, auth, forms, client, create_user):
    create_user("anna")
    other_device = FormClient(app.test_client())
    other_device.post("/auth/login", {"username": "anna", "password": "geheim123"})
    auth.login()
    response = change(forms, "geheim123", "Flusspferd-im-Juli")
    assert response.status_code == 302 and response.headers["Location"].endswith("/auth/account")
    assert client.get("/").status_code == 200  # this browser stays logged in
    assert other_device.client.get("/").status_code == 302  # the other login ended
    assert not logs_in(app, "anna", "geheim123")
    assert logs_in(app, "anna", "Flusspferd-im-Juli")


@pytest.mark.parametrize("current, new, again, message", [
    ("falsch123", "Flusspferd-im-Juli", None, "This is not your current password."),
    ("geheim123", "Flusspferd-im-Juli", "Flusspferd-im-Juni", "The passwords do not match."),
    ("geheim123", "12345678", None, "This password is one of the most common ones"),
    ("geheim123", "kurz", None, "between 8 and 200 characters"),
    ("geheim123", "ANNA.berg", None, "The password must not be the username."),
])
def test_a_bad_change_says_why_on_the_field_and_changes_nothing(app, auth, forms, create_user,
                                                               current, new, again, message):
    create_user("anna.berg")
    auth.login("anna.berg")
    response = change(forms, current, new, again)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in html and 'aria-invalid="true"' in html
    assert logs_in(app, "anna.berg", "geheim123")


def reset_by_teacher(app, forms, student_id: int) -> str:
    """Log in as teacher tina, press the student page's reset button, and read the code off the page."""
    import re

    forms.post("/auth/login", {"username": "tina", "password": "geheim123"})
    page = forms.client.get(f"/progress/class/students/{student_id}")
    assert "Reset password: make a one-time code" in page.get_data(as_text=True)
    response = forms.client.post(f"/progress/class/students/{student_id}/reset-password",
                                 data={"csrf_token": csrf_token_from(page.get_data(as_text=True))})
    assert response.status_code == 200
    return re.search(CODE_RE, response.get_data(as_text=True)).group(1)


def test_teacher_reset_gives_a_one_time_code_that_forces_a_new_password(app, forms, create_user):
    anna = create_user("anna")
    create_user("tina", teacher=True)
    student_device = FormClient(app.test_client())
    student_device.post("/auth/login", {"username": "anna", "password": "geheim123"})
    code = reset_by_teacher(app, forms, anna)
    assert student_device.client.get("/").status_code == 302  # her logins ended
    assert not logs_in(app, "anna", "geheim123")  # the old password no longer works
    with app.app_context():
        stored = db.session.get(User, anna)
        assert code.replace("-", "") not in stored.reset_code_hash  # only a hash is kept

    student = FormClient(app.test_client())
    response = student.post("/auth/login", {"username": "anna", "password": code.lower().replace("-", " ")})
    assert response.headers["Location"].endswith("/auth/password")
    for url in ("/", "/auth/account", "/progress/history.csv", "/auth/account/data.json"):
        follow = student.client.get(url)
        assert follow.status_code == 302 and follow.headers["Location"].endswith("/auth/password"), url
    page = student.client.get("/auth/password").get_data(as_text=True)
    assert "Choose a new password" in page and "current_password" not in page
    assert not logs_in(app, "anna", code)  # used up already
    response = change(student, None, "Flusspferd-im-Juli")
    assert response.headers["Location"].endswith("/")
    assert student.client.get("/").status_code == 200
    assert logs_in(app, "anna", "Flusspferd-im-Juli")
    assert not user_named(app, "anna").must_change_password


def test_an_expired_code_does_not_log_in(app, forms, create_user):
    anna = create_user("anna")
    create_user("tina", teacher=True)
    code = reset_by_teacher(app, forms, anna)
    with app.app_context():
        user = db.session.get(User, anna)
        user.reset_code_expires_at -= RESET_CODE_VALID + dt.timedelta(seconds=1)
        db.session.commit()
    assert not logs_in(app, "anna", code)


def test_who_may_reset_whose_password(app, create_user):
    ids = {name: create_user(name, teacher=name.startswith("t")) for name in ("anna", "ben", "tina", "tom")}
    with app.app_context():
        people = {name: db.session.get(User, uid) for name, uid in ids.items()}
        people["ada"] = User(username="ada", username_key="ada", password_hash="x", is_teacher=True,
                             is_admin=True)
        assert may_reset_password(people["tina"], people["anna"])
        assert not may_reset_password(people["anna"], people["ben"])  # students reset nobody
        assert not may_reset_password(people["tina"], people["tom"])  # teachers are the admin's
        assert may_reset_password(people["ada"], people["tom"])
        assert not may_reset_password(people["tina"], people["tina"])  # one's own: change it instead


def test_a_student_cannot_reset_a_password(app, forms, create_user):
    anna = create_user("anna")
    create_user("ben")
    forms.post("/auth/login", {"username": "ben", "password": "geheim123"})
    token = forms.token("/")
    response = forms.client.post(f"/progress/class/students/{anna}/reset-password",
                                 data={"csrf_token": token})
    assert response.status_code == 403
    assert logs_in(app, "anna", "geheim123")


def test_guessing_the_current_password_on_the_account_page_is_limited(app, auth, forms, create_user):
    create_user("anna")
    auth.login()
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    statuses = [change(forms, f"geraten-{i}", "Flusspferd-im-Juli").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]
    deleting = forms.post("/auth/account/delete", {"password": "geraten"}, page="/auth/account")
    assert deleting.status_code == 200  # a limit of its own
    assert logs_in(app, "anna", "geheim123")
