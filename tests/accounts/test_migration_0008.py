"""Migration 0008 moves an installation with accounts and answers over without changing who may do what."""

from __future__ import annotations

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade
from werkzeug.security import generate_password_hash

from quizapp import create_app
from quizapp.extensions import db
from tests.conftest import FormClient


def test_existing_accounts_keep_password_and_role_and_nobody_becomes_admin(app_config, tmp_path):
    config = dict(app_config, UPGRADE_DB_ON_START=False, SYNC_BANKS_ON_START=False)
    old = create_app(config, instance_path=str(tmp_path / "old"))
    with old.app_context():
        upgrade(revision="0006_sessions_fact_keys")
        for name, teacher in [("anna", False), ("tina", True)]:
            db.session.execute(sa.text(
                "INSERT INTO users (username, username_key, session_nonce, password_hash, is_teacher, "
                "created_at) VALUES (:name, :name, 'n', :hash, :teacher, CURRENT_TIMESTAMP)"),
                {"name": name, "hash": generate_password_hash("Flusspferd-im-Juli"), "teacher": teacher})
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    app = create_app(app_config, instance_path=str(tmp_path / "new"))  # upgrades on start
    with app.app_context():
        rows = db.session.execute(sa.text(
            "SELECT username, is_teacher, is_admin, must_change_password, reset_code_hash, deleted_at "
            "FROM users ORDER BY username")).all()
        db.session.remove()
    assert [tuple(r) for r in rows] == [("anna", False, False, False, None, None),
                                        ("tina", True, False, False, None, None)]
    for name, home in [("anna", "/"), ("tina", "/teacher/")]:
        forms = FormClient(app.test_client())
        response = forms.post("/auth/login", {"username": name, "password": "Flusspferd-im-Juli"})
        assert response.status_code == 302 and not response.headers["Location"].endswith("/auth/password")
        assert forms.client.get(home).status_code == 200
    with app.app_context():
        downgrade(revision="0006_sessions_fact_keys")  # and back: the accounts stay
        assert db.session.execute(sa.text("SELECT count(*) FROM users")).scalar_one() == 2
        assert "is_admin" not in {c["name"] for c in sa.inspect(db.engine).get_columns("users")}
        db.session.remove()
        db.engine.dispose()
