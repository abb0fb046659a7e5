"""Migration 0007 moves an installation of the previous schema, with data, without loss (SQLite and PostgreSQL)."""

from __future__ import annotations

import sqlalchemy as sa
from flask_migrate import upgrade
from werkzeug.security import generate_password_hash

from quizapp import create_app
from quizapp.extensions import db
from tests.conftest import FormClient

NOW = "2025-03-20 12:00:00"


def insert(table: str, **values) -> None:
    columns = ", ".join(values)
    db.session.execute(sa.text(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(':' + k for k in values)})"),
                       values)


def deck(deck_id: str, title: str) -> None:
    insert("decks", id=deck_id, title=title, language="de", source_path=f"seeds/{deck_id}.txt", show_drafts=False,
           file_name=f"{deck_id}.yaml", file_sha256="0" * 64, in_files=True, loaded_at=NOW)


def question(question_id: str, deck_id: str, status: str) -> None:
    insert("questions", id=question_id, deck_id=deck_id, position=0, type="mcq", text="Der Fluss heißt ____.",
           answer="Amur", distractors='["Jalu", "Ussuri"]', accept="[]", accept_by_gap="{}",
           source_sentence="Der Fluss heißt Amur.", tags="[]", status=status, in_file=True,
           content_hash="1" * 64, content_changed_at=NOW)


def user(name: str, teacher: bool = False) -> int:
    insert("users", username=name, username_key=name.casefold(), session_nonce=f"nonce-{name}",
           password_hash=generate_password_hash("Flusspferd-im-Juli"), is_teacher=teacher, created_at=NOW)
    return db.session.execute(sa.text("SELECT id FROM users WHERE username = :n"), {"n": name}).scalar_one()


def test_0007_puts_students_into_a_default_class_and_publishes_decks_with_approved_items(app_config, tmp_path):
    # the decks live only in the database here: no bank files are read, which would retire them
    config = dict(app_config, UPGRADE_DB_ON_START=False, SYNC_BANKS_ON_START=False, BANK_RELOAD_SECONDS=-1,
                  REGISTRATION="code", PUBLISH_NEW_DECKS=False)
    old = create_app(config, instance_path=str(tmp_path / "old"))
    with old.app_context():
        upgrade(revision="0006_sessions_fact_keys")
        teachers = [user("tina", teacher=True), user("tom", teacher=True)]
        students = [user("anna"), user("ben"), user("carla")]
        deck("amur", "Der Amur")
        question("amur-1", "amur", "approved")
        deck("entwurf", "Nur Entwürfe")
        question("entwurf-1", "entwurf", "draft")
        insert("attempts", user_id=students[0], question_id="amur-1", answer_given="Amur", verdict="right",
               created_at=NOW)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()

    new = create_app(dict(config, UPGRADE_DB_ON_START=True), instance_path=str(tmp_path / "new"))
    with new.app_context():
        from quizapp.models import ClassMembership, Deck, SchoolClass

        classes = db.session.scalars(sa.select(SchoolClass)).all()
        assert [c.name for c in classes] == ["Klasse"] and len(classes[0].join_code) == 8
        assert sorted(t.id for t in classes[0].teachers) == sorted(teachers)
        members = db.session.scalars(sa.select(ClassMembership.user_id)).all()
        assert sorted(members) == sorted(students)
        decks = {d.id: (d.published, d.self_study) for d in db.session.scalars(sa.select(Deck))}
        assert decks == {"amur": (True, True), "entwurf": (False, False)}
        assert db.session.execute(sa.text("SELECT count(*) FROM attempts")).scalar_one() == 1
        db.session.remove()

    forms = FormClient(new.test_client())
    assert forms.post("/auth/login", {"username": "anna", "password": "Flusspferd-im-Juli"}).status_code == 302
    home = forms.client.get("/").get_data(as_text=True)
    assert "Der Amur" in home and "Nur Entwürfe" not in home  # as before: the deck of drafts showed "0 Fragen"
    forms.client.post("/auth/logout", data={"csrf_token": forms.token("/")})
    assert forms.post("/auth/login", {"username": "tom", "password": "Flusspferd-im-Juli"}).status_code == 302
    overview = forms.client.get("/progress/class").get_data(as_text=True)
    assert all(name in overview for name in ("anna", "ben", "carla"))
    with new.app_context():
        db.session.remove()
        db.engine.dispose()


def test_0007_without_students_makes_no_class(app_config, tmp_path):
    config = dict(app_config, UPGRADE_DB_ON_START=False, SYNC_BANKS_ON_START=False)
    old = create_app(config, instance_path=str(tmp_path / "old"))
    with old.app_context():
        upgrade(revision="0006_sessions_fact_keys")
        user("tina", teacher=True)
        db.session.commit()
        upgrade()
        assert db.session.execute(sa.text("SELECT count(*) FROM classes")).scalar_one() == 0
        db.session.remove()
        db.engine.dispose()
