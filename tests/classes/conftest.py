"""Classes as a school runs them: registration needs a class code, new decks wait to be published."""

from __future__ import annotations

import pytest

from quizapp.extensions import db

DECK = "nordkorea-russland"
TITLE = "Nordkorea und Russland"


@pytest.fixture
def app_config(app_config):
    return dict(app_config, REGISTRATION="code", PUBLISH_NEW_DECKS=False, BABEL_DEFAULT_LOCALE="en")


@pytest.fixture
def teacher_client(app, create_user):
    """A logged-in teacher 'tina' (no class yet) and helpers to post her forms."""
    from tests.conftest import FormClient

    create_user("tina", teacher=True, school_class=None)
    client = app.test_client()
    forms = FormClient(client)
    assert forms.post("/auth/login", {"username": "tina", "password": "geheim123"}).status_code == 302
    return forms


def new_class(forms, name: str = "7b Geschichte") -> tuple[int, str]:
    """Create a class through the page; its id and join code."""
    from quizapp.models import SchoolClass

    response = forms.post("/classes/", {"name": name}, page="/classes/")
    assert response.status_code == 302, response.get_data(as_text=True)
    class_id = int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    with forms.client.application.app_context():
        return class_id, db.session.get(SchoolClass, class_id).join_code


def publish(forms, self_study: bool = False) -> None:
    response = forms.post(f"/teacher/decks/{DECK}/publishing",
                          {"published": "true", "self_study": "true" if self_study else "false"},
                          page=f"/teacher/decks/{DECK}")
    assert response.status_code == 302


def register(client, name: str, code: str = ""):
    from tests.conftest import FormClient

    return FormClient(client).post("/auth/register", {"username": name, "password": "Flusspferd-im-Juli",
                                                      "password2": "Flusspferd-im-Juli", "code": code},
                                   page="/auth/register")
