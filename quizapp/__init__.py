"""quizapp: news articles become quizzes and flashcards for classrooms."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from flask import Flask

from quizapp.config import DefaultConfig, apply_environment, instance_secret_key

log = logging.getLogger(__name__)


def create_app(test_config: dict | None = None, instance_path: str | None = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, commands, error pages, database."""
    instance_path = instance_path or os.environ.get("QUIZAPP_INSTANCE_PATH") or None
    app = Flask(__name__, instance_relative_config=True, instance_path=instance_path)
    app.config.from_object(DefaultConfig)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        apply_environment(app.config)
    else:
        app.config.from_mapping(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)

    register_extensions(app)
    register_blueprints(app)
    register_commands(app)
    register_errorhandlers(app)
    prepare_database(app)
    return app


def register_extensions(app: Flask) -> None:
    from flask_babel import lazy_gettext

    from quizapp.extensions import babel, csrf, db, login_manager, migrate
    from quizapp.i18n import register_i18n, select_locale, select_timezone
    from quizapp.request_limits import register_request_limits
    from quizapp.security import register_security

    register_request_limits(app)  # before the blueprints: their URL rules bind the `int` converter
    register_i18n(app)  # before Babel reads its translation directories
    on_sqlite = app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite")
    if not on_sqlite:
        # A database server may restart or a proxy drop idle connections: test each pooled connection as
        # it is handed out, so the request gets a fresh one instead of an error page.
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": True,
                                                   **app.config["SQLALCHEMY_ENGINE_OPTIONS"]}
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = lazy_gettext("Please log in to see this page.")
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    register_security(app)

    from quizapp.auth.loader import load_user  # noqa: F401  registers the user loader

    if on_sqlite:
        from quizapp.db_sqlite import harden_sqlite

        with app.app_context():
            harden_sqlite(db.engine)


def register_blueprints(app: Flask) -> None:
    from quizapp.admin import bp as admin_bp
    from quizapp.auth import bp as auth_bp
    from quizapp.classes import bp as classes_bp
    from quizapp.export import bp as export_bp
    from quizapp.health import bp as health_bp
    from quizapp.live import bp as live_bp
    from quizapp.progress import bp as progress_bp
    from quizapp.quiz import bp as quiz_bp
    from quizapp.teacher import bp as teacher_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(quiz_bp)
    app.register_blueprint(teacher_bp)
    app.register_blueprint(progress_bp)
    app.register_blueprint(export_bp)
    app.register_blueprint(health_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(classes_bp)
    app.register_blueprint(live_bp)


def register_commands(app: Flask) -> None:
    from quizapp.cli import register_cli

    register_cli(app)


def register_errorhandlers(app: Flask) -> None:
    from quizapp.errors import register_error_pages

    register_error_pages(app)


def prepare_database(app: Flask) -> None:
    """Upgrade the schema and load the bank files, so a fresh start needs nothing else."""
    from quizapp.live_reload import init_live_reload
    from quizapp.startup import upgrade_and_sync

    if app.config.get("UPGRADE_DB_ON_START") or app.config.get("SYNC_BANKS_ON_START"):
        upgrade_and_sync(app)
    init_live_reload(app)  # later edits of the bank files are picked up without a restart
