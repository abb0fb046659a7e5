"""What happens once when the app starts: schema upgrade, then loading the bank files."""

from __future__ import annotations

from flask import Flask
from flask_migrate import upgrade

from quizapp.extensions import db


def upgrade_and_sync(app: Flask) -> None:
    """Bring the schema to head and load questions/; errors in a bank file are logged, not fatal."""
    from quizapp.operations.banks import sync_question_banks

    with app.app_context():
        if app.config.get("UPGRADE_DB_ON_START"):
            upgrade_database(app)
        if app.config.get("SYNC_BANKS_ON_START"):
            report = sync_question_banks(app.config["QUESTIONS_DIR"])
            db.session.commit()
            for errors in report.errors.values():
                for error in errors:
                    app.logger.warning("question bank rejected: %s", error)
            app.extensions["quizapp.bank_errors"] = report.errors


def upgrade_database(app: Flask) -> None:
    """Run Alembic to head; on PostgreSQL, one worker at a time (advisory lock)."""
    engine = db.engine
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT pg_advisory_lock(724301)")
            try:
                upgrade()
            finally:
                conn.exec_driver_sql("SELECT pg_advisory_unlock(724301)")
                conn.commit()
    else:
        upgrade()
