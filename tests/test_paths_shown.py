"""Messages name files relative to the project, never by the server's absolute path (issue 12, finding 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quizapp.cli.generate import generate_command
from quizapp.cli.validate import validate_command

ARTICLE = ("date 2025-03 Der Bodensee ist mit 536 Quadratkilometern der größte See Deutschlands. "
           "Die Stadt Konstanz hat rund 85.000 Einwohner und liegt direkt an der Grenze zur Schweiz.\n")


@pytest.fixture
def elsewhere(tmp_path, monkeypatch) -> Path:
    """A project in tmp_path/projekt (named by instance/config.py) and the shell in another directory."""
    project = tmp_path / "projekt"
    for folder in ("seeds", "questions", "instance"):
        (project / folder).mkdir(parents=True)
    (project / "instance" / "config.py").write_text(f"PROJECT_ROOT = {str(project)!r}\n")
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(project / "instance"))
    monkeypatch.setenv("QUIZAPP_QUESTIONS_DIR", str(project / "questions"))
    (tmp_path / "anderswo").mkdir()
    monkeypatch.chdir(tmp_path / "anderswo")
    return project


def test_validate_names_files_relative_to_the_project(elsewhere):
    bank = "deck:\n  id: see\n  title: See\n  language: fr\n  source:\n    path: seeds/see.txt\n" \
        "questions: []\n"
    (elsewhere / "questions" / "see.yaml").write_text(bank)
    result = CliRunner().invoke(validate_command, [str(elsewhere / "questions")])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("questions/see.yaml:4:13: deck: language 'fr'")
    assert str(elsewhere) not in result.output


def test_generate_names_files_relative_to_the_project(elsewhere):
    (elsewhere / "seeds" / "leer.txt").write_text("date 2025-03\n")
    (elsewhere / "seeds" / "2025-03-bodensee.txt").write_text(ARTICLE)
    result = CliRunner().invoke(generate_command, [str(elsewhere / "seeds" / "leer.txt"),
                                                   str(elsewhere / "seeds" / "2025-03-bodensee.txt"),
                                                   "--questions-dir", str(elsewhere / "questions")])
    assert result.exit_code == 1
    assert "error: seeds/leer.txt: empty article" in result.stderr
    assert "questions/bodensee.yaml: updated: " in result.stdout
    assert str(elsewhere) not in result.output
    bank = (elsewhere / "questions" / "bodensee.yaml").read_text()
    assert "    path: seeds/2025-03-bodensee.txt\n" in bank  # so the checks find it in seeds/
    assert CliRunner().invoke(validate_command, []).exit_code == 0
