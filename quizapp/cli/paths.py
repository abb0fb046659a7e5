"""Settings the file commands need without an app, and paths shown relative to the project."""

from __future__ import annotations

import os
from pathlib import Path

from flask import current_app, has_app_context


def settings() -> tuple[str, str]:
    """QUESTIONS_DIR and PROJECT_ROOT from the running app, or from the config files without one."""
    if has_app_context():
        return current_app.config["QUESTIONS_DIR"], current_app.config["PROJECT_ROOT"]
    from flask import Config

    from quizapp.config import PROJECT_ROOT, DefaultConfig, apply_environment

    config = Config(str(PROJECT_ROOT))
    config.from_object(DefaultConfig)
    instance = os.environ.get("QUIZAPP_INSTANCE_PATH") or str(PROJECT_ROOT / "instance")
    config.from_pyfile(str(Path(instance) / "config.py"), silent=True)
    apply_environment(config)
    return config["QUESTIONS_DIR"], config["PROJECT_ROOT"]


def shown(path: str | Path, root: str | Path) -> str:
    """The path relative to the project root, else to the working directory, else as it was given.

    Messages never show the server's absolute paths for files inside the project:
    >>> shown("/srv/quiz/questions/x.yaml", "/srv/quiz")
    'questions/x.yaml'
    """
    resolved = Path(os.path.abspath(path))  # not resolve(): a symlinked file keeps the name it was given
    for base in (Path(root), Path.cwd()):
        try:
            return resolved.relative_to(os.path.abspath(base)).as_posix()
        except ValueError:
            continue
    return str(path)
