"""The schema comes from Alembic migrations: up from empty, down, and up again."""

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from quizapp import create_app
from quizapp.extensions import db

TABLES = {"users", "decks", "questions", "quiz_runs", "attempts", "review_cards", "jobs"}


def test_upgrade_downgrade_upgrade(app_config, tmp_path):
    config = dict(app_config, UPGRADE_DB_ON_START=False, SYNC_BANKS_ON_START=False)
    app = create_app(config, instance_path=str(tmp_path / "instance"))
    with app.app_context():
        assert not TABLES & set(sa.inspect(db.engine).get_table_names())
        upgrade()
        assert TABLES <= set(sa.inspect(db.engine).get_table_names())
        downgrade(revision="base")
        assert not TABLES & set(sa.inspect(db.engine).get_table_names())
        upgrade()
        assert TABLES <= set(sa.inspect(db.engine).get_table_names())
        db.session.remove()
        db.engine.dispose()


def test_restart_upgrades_in_place_without_losing_data(app_config, tmp_path, create_user):
    create_user("anna")  # the first app (fixture) created the schema and this account
    again = create_app(app_config, instance_path=str(tmp_path / "instance"))
    with again.app_context():
        assert db.session.execute(sa.text("SELECT username FROM users")).scalar_one() == "anna"
        db.session.remove()  # give the connection back before the pool goes
        db.engine.dispose()


def test_accounts_whose_names_read_alike_keep_working_after_0005(app_config, tmp_path):
    """Names made before 0005 that now share a key ("Straße", "STRASSE") each log in by their spelling."""
    from werkzeug.security import generate_password_hash

    from tests.conftest import FormClient

    config = dict(app_config, UPGRADE_DB_ON_START=False, SYNC_BANKS_ON_START=False)
    old = create_app(config, instance_path=str(tmp_path / "old"))
    with old.app_context():
        upgrade(revision="0004_item_tallies")
        for name, password in [("Straße", "erstes-passwort"), ("STRASSE", "zweites-passwort"),
                               ("ａｎｎａ", "drittes-passwort")]:
            db.session.execute(sa.text(
                "INSERT INTO users (username, password_hash, is_teacher, created_at) "
                "VALUES (:name, :hash, false, CURRENT_TIMESTAMP)"),
                {"name": name, "hash": generate_password_hash(password)})
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    app = create_app(app_config, instance_path=str(tmp_path / "new"))  # upgrades on start
    with app.app_context():
        keys = dict(db.session.execute(sa.text("SELECT username, username_key FROM users")).all())
        db.session.remove()
    assert keys["Straße"] == "strasse" and keys["STRASSE"].startswith("strasse#") and keys["ａｎｎａ"] == "anna"

    def logs_in(typed: str, password: str) -> bool:
        forms = FormClient(app.test_client())
        return forms.post("/auth/login", {"username": typed, "password": password}).status_code == 302

    assert logs_in("Straße", "erstes-passwort") and logs_in("strasse", "erstes-passwort")
    assert logs_in("STRASSE", "zweites-passwort")
    assert logs_in("ａｎｎａ", "drittes-passwort") and logs_in("Anna", "drittes-passwort")
    forms = FormClient(app.test_client())
    page = forms.post("/auth/register", {"username": "strasse", "password": "Flusspferd-im-Juli",
                                         "password2": "Flusspferd-im-Juli"}, page="/auth/register")
    assert page.status_code == 200  # taken
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_a_database_of_0006_gets_the_undo_table_and_keeps_its_data(app_config, tmp_path):
    """0010 adds review_actions beside the existing rows; the first review action after it can be undone."""
    config = dict(app_config, UPGRADE_DB_ON_START=False, SYNC_BANKS_ON_START=False)
    old = create_app(config, instance_path=str(tmp_path / "old"))
    with old.app_context():
        upgrade(revision="0006_sessions_fact_keys")
        assert "review_actions" not in sa.inspect(db.engine).get_table_names()
        db.session.execute(sa.text("INSERT INTO users (username, username_key, session_nonce, password_hash, "
                                   "is_teacher, created_at) VALUES ('tina', 'tina', 'n', 'x', true, "
                                   "CURRENT_TIMESTAMP)"))
        db.session.commit()
        upgrade()
        from quizapp.models import ReviewAction, User

        tina = db.session.scalar(sa.select(User).filter_by(username="tina"))
        db.session.add(ReviewAction(user_id=tina.id, changes={"q-1": ["draft", "approved"]}))
        db.session.commit()
        assert db.session.scalar(sa.select(ReviewAction.changes)) == {"q-1": ["draft", "approved"]}
        db.session.commit()  # end the read: on PostgreSQL an open transaction would block the downgrade's DROPs
        downgrade(revision="0006_sessions_fact_keys")
        assert "review_actions" not in sa.inspect(db.engine).get_table_names()
        assert db.session.execute(sa.text("SELECT username FROM users")).scalar_one() == "tina"
        db.session.remove()
        db.engine.dispose()
