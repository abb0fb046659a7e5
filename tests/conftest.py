"""Shared fixtures: an app on SQLite (and on PostgreSQL when QUIZAPP_TEST_DATABASE_URL is set)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from quizapp import create_app
from quizapp.extensions import db

PROJECT_ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("QUIZAPP_TEST_DATABASE_URL")
CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def reset_postgres(url: str) -> None:
    """Drop everything in the test database so each test starts from an empty schema."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """Every app test runs on SQLite, and again on PostgreSQL when it is configured."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL run needs QUIZAPP_TEST_DATABASE_URL (CI sets it)")
    reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


FROZEN_BANKS = PROJECT_ROOT / "tests" / "fixtures" / "banks"


@pytest.fixture
def questions_dir(tmp_path) -> Path:
    """A private questions/ holding the frozen hand-written seed deck (22 items, ids nkru-*).

    The real questions/ is regenerated as the generator improves; tests count and name items, so
    they use this frozen copy and can edit it freely.
    """
    target = tmp_path / "questions"
    shutil.copytree(FROZEN_BANKS, target)
    return target


@pytest.fixture
def app_config(database_url, questions_dir) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "QUESTIONS_DIR": str(questions_dir),
        "PROJECT_ROOT": str(PROJECT_ROOT),
        # tests written before classes: anyone registers, every deck is published and open for self-study;
        # tests of classes and publishing set "code" and False (tests/classes/)
        "REGISTRATION": "open",
        "PUBLISH_NEW_DECKS": True,
        "LIVE_STREAM_SECONDS": 0.3,  # live quiz event streams end soon, so a test reading one is not held
        "LIVE_RECHECK_SECONDS": 0.05,
        # background jobs on a thread of the test process: tests can patch the generator, and no test app
        # spawns a warm worker process of its own (production's child process: tests/browser/test_new_deck_browser.py)
        "JOB_RUNNER": "thread",
    }


@pytest.fixture
def app(app_config, tmp_path):
    app = create_app(app_config, instance_path=str(tmp_path / "instance"))
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token_from(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "page has no CSRF token"
    return match.group(1) or match.group(2)


class FormClient:
    """Posts forms the way a browser does: with the CSRF token of the page it came from."""

    def __init__(self, client):
        self.client = client

    def token(self, url: str = "/auth/login") -> str:
        return csrf_token_from(self.client.get(url).get_data(as_text=True))

    def post(self, url: str, data: dict | None = None, page: str = "/auth/login", **kwargs):
        data = dict(data or {})
        data.setdefault("csrf_token", self.token(page))
        return self.client.post(url, data=data, **kwargs)


@pytest.fixture
def forms(client) -> FormClient:
    return FormClient(client)


class AuthActions:
    """Register, log in and log out through the real forms."""

    def __init__(self, client, forms: FormClient):
        self.client, self.forms = client, forms

    def register(self, username: str = "anna", password: str = "geheim123"):
        return self.forms.post("/auth/register", {"username": username, "password": password,
                                                  "password2": password}, page="/auth/register")

    def login(self, username: str = "anna", password: str = "geheim123"):
        return self.forms.post("/auth/login", {"username": username, "password": password})

    def logout(self):
        return self.forms.post("/auth/logout", page="/")


@pytest.fixture
def auth(client, forms) -> AuthActions:
    return AuthActions(client, forms)


@pytest.fixture
def create_user(app):
    """Builder: create_user('bob', teacher=True) adds an account directly.

    Students and teachers land in one shared class (`school_class`, as migration 0007 does for existing
    installations), so every teacher sees every student; school_class=None leaves the account out."""
    from quizapp.operations.users import create_user as make

    def build(username: str = "anna", password: str = "geheim123", teacher: bool = False,
              school_class: str | None = "Klasse"):
        with app.app_context():
            user = make(username, password, is_teacher=teacher)
            if school_class is not None:
                put_into_class(user, school_class)
            db.session.commit()
            return user.id

    return build


def put_into_class(user, name: str) -> None:
    """The teacher teaches, the student joins, the class of this name (made on first use)."""
    from quizapp.models import SchoolClass
    from quizapp.operations.classes import add_teacher, create_class, join_class

    school_class = db.session.scalar(sa.select(SchoolClass).where(SchoolClass.name == name))
    if school_class is None:
        school_class = create_class(user, name) if user.is_teacher else None
        if school_class is None:
            from quizapp.operations.classes import new_join_code

            school_class = SchoolClass(name=name, join_code=new_join_code())
            db.session.add(school_class)
            db.session.flush()
    if user.is_teacher:
        add_teacher(school_class, user)
    else:
        join_class(user, school_class)
