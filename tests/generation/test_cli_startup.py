"""`quizapp generate` works on files alone: it builds no app and imports no web or database module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ARTICLE = ("date 2025-03 Der Bodensee ist mit 536 Quadratkilometern der größte See Deutschlands. "
           "Die Stadt Konstanz hat rund 85.000 Einwohner und liegt direkt an der Grenze zur Schweiz.\n")
WEB_MODULES = ("flask_sqlalchemy", "flask_login", "flask_migrate", "quizapp.extensions", "quizapp.teacher",
               "quizapp.models", "sqlalchemy")
PROBE = """
import sys
from quizapp.cli import main
try:
    main()
except SystemExit as stop:
    code = stop.code
print("LOADED", sorted(m for m in sys.modules if m in {names!r}))
sys.exit(code)
"""


def test_generate_writes_the_bank_without_loading_the_web_app(tmp_path):
    seeds, questions, instance = tmp_path / "seeds", tmp_path / "questions", tmp_path / "instance"
    for folder in (seeds, questions, instance):
        folder.mkdir()
    (seeds / "bodensee.txt").write_text(ARTICLE, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "QUIZAPP_INSTANCE_PATH": str(instance), "HOME": str(tmp_path),
           "QUIZAPP_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"}  # never reached
    (instance / "config.py").write_text(f"PROJECT_ROOT = {str(tmp_path)!r}\n")
    done = subprocess.run([sys.executable, "-c", PROBE.format(names=WEB_MODULES), "generate",
                           "--questions-dir", str(questions), "seeds/bodensee.txt"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "questions/bodensee.yaml: updated" in done.stdout
    assert "LOADED []" in done.stdout
    assert "Der Bodensee" in (questions / "bodensee.yaml").read_text(encoding="utf-8")
