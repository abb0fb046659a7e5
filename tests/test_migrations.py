"""The schema comes from Alembic migrations: up from empty, down, and up again."""

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from quizapp import create_app
from quizapp.extensions import db

TABLES = {"users", "decks", "questions", "quiz_runs", "attempts", "review_cards"}


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
