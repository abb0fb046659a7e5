"""Classes: registering with a code, joining later, several classes, rename, archive, new code, co-teachers,
removing a student; QUIZAPP_REGISTRATION=code|open|closed."""

from __future__ import annotations

import pytest

from quizapp.classes.qr import qr_svg
from quizapp.extensions import db
from tests.classes.conftest import new_class, register
from tests.conftest import FormClient


def members(app, class_id: int) -> list[str]:
    from quizapp.models import ClassMembership, User

    with app.app_context():
        return sorted(db.session.scalars(db.select(User.username).join(ClassMembership)
                                         .where(ClassMembership.class_id == class_id)))


def test_registering_needs_a_valid_class_code_and_joins_that_class(app, teacher_client):
    class_id, code = new_class(teacher_client)
    without = register(app.test_client(), "anna")
    assert without.status_code == 200 and "Registering needs the code of your class" in without.get_data(as_text=True)
    wrong = register(app.test_client(), "anna", "ZZZZ-ZZZZ")
    assert "No open class has this code" in wrong.get_data(as_text=True)
    typed = f" {code[:4].lower()}-{code[4:]} "  # as read off the board: lower case, a dash, spaces
    assert register(app.test_client(), "anna", typed).status_code == 302
    assert members(app, class_id) == ["anna"]


def test_join_link_fills_in_the_code_and_a_student_joins_a_second_class_later(app, teacher_client):
    first_id, first_code = new_class(teacher_client, "7b Geschichte")
    second_id, second_code = new_class(teacher_client, "7b Deutsch")
    client = app.test_client()
    link = client.get(f"/classes/join/{first_code}")
    assert link.status_code == 302 and f"code={first_code}" in link.headers["Location"]
    assert first_code in client.get(link.headers["Location"]).get_data(as_text=True)  # prefilled
    assert register(client, "anna", first_code).status_code == 302
    joined = FormClient(client).post("/classes/join", {"code": second_code}, page="/classes/join")
    assert joined.status_code == 302
    assert members(app, first_id) == ["anna"] and members(app, second_id) == ["anna"]
    page = client.get("/classes/join").get_data(as_text=True)
    assert "7b Geschichte" in page and "7b Deutsch" in page


def test_new_code_archive_rename_and_removing_a_student(app, teacher_client):
    class_id, code = new_class(teacher_client)
    assert register(app.test_client(), "anna", code).status_code == 302
    page = f"/classes/{class_id}"
    teacher_client.post(f"{page}/rotate-code", page=page)
    assert "No open class has this code" in register(app.test_client(), "ben", code).get_data(as_text=True)
    teacher_client.post(f"{page}/rename", {"name": "8b Geschichte"}, page=page)
    assert "8b Geschichte" in teacher_client.client.get(page).get_data(as_text=True)
    from quizapp.models import User

    with app.app_context():
        anna = db.session.scalar(db.select(User.id).where(User.username == "anna"))
    teacher_client.post(f"{page}/students/{anna}/remove", page=page)
    assert members(app, class_id) == []
    assert teacher_client.client.get(f"/progress/class/students/{anna}").status_code == 404
    teacher_client.post(f"{page}/archive", page=page)
    listing = teacher_client.client.get("/classes/").get_data(as_text=True)
    assert "Archived classes" in listing
    with app.app_context():
        from quizapp.models import SchoolClass

        new_code = db.session.get(SchoolClass, class_id).join_code
    assert "No open class has this code" in register(app.test_client(), "ben", new_code).get_data(as_text=True)


def test_a_co_teacher_sees_the_class_and_others_do_not(app, teacher_client, create_user):
    class_id, code = new_class(teacher_client)
    create_user("tom", teacher=True, school_class=None)
    create_user("otto", teacher=True, school_class=None)
    assert register(app.test_client(), "anna", code).status_code == 302
    page = f"/classes/{class_id}"
    added = teacher_client.post(f"{page}/teachers", {"username": "Tom"}, page=page, follow_redirects=True)
    assert "\u2068tom\u2069 now teaches this class too" in added.get_data(as_text=True)  # the name isolated
    assert "There is no teacher account" in teacher_client.post(
        f"{page}/teachers", {"username": "anna"}, page=page, follow_redirects=True).get_data(as_text=True)
    for name, status in (("tom", 200), ("otto", 404)):
        forms = FormClient(app.test_client())
        forms.post("/auth/login", {"username": name, "password": "geheim123"})
        assert forms.client.get(page).status_code == status
        assert ("anna" in forms.client.get("/progress/class").get_data(as_text=True)) == (status == 200)


def test_qr_code_is_an_svg_of_the_join_link(app, teacher_client):
    class_id, code = new_class(teacher_client)
    response = teacher_client.client.get(f"/classes/{class_id}/qr.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert b"<svg" in response.data and b"<path" in response.data
    # the QR code of the join link itself, drawn here (no external service)
    assert response.data == qr_svg(f"http://localhost/classes/join/{code}", "Join 7b Geschichte")


@pytest.mark.parametrize("mode", ["open", "closed"])
def test_registration_modes(app, mode):
    app.config["REGISTRATION"] = mode
    client = app.test_client()
    if mode == "open":
        assert register(client, "anna").status_code == 302
    else:
        page = client.get("/auth/register")
        assert page.status_code == 403 and "does not take new registrations" in page.get_data(as_text=True)
        response = client.post("/auth/register", data={"username": "anna", "password": "Flusspferd-im-Juli",
                                                       "password2": "Flusspferd-im-Juli"})
        assert response.status_code in (400, 403)  # no form, no token: refused either way
        from quizapp.models import User

        with app.app_context():
            assert db.session.scalar(db.select(db.func.count(User.id))) == 0
