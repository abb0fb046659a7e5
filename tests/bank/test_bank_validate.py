"""Every kind of bank problem is reported at its line and column, all at once."""

from __future__ import annotations

import json

import pytest

from quizapp.bank.validate import bank_files, validate_files
from quizapp.cli.validate import validate_command

from .bank_sample import BANK


def errors_for(project, text: str) -> list[str]:
    path = project / "questions" / "fluss.yaml"
    path.write_text(text, encoding="utf-8")
    report = validate_files([(path, "questions/fluss.yaml")], project)
    return [str(e) for e in report.errors]


def test_the_sample_bank_is_valid(project):
    report = validate_files([(project / "questions" / "fluss.yaml", "questions/fluss.yaml")], project)
    assert report.errors == []
    assert report.summary() == "1 files, 2 questions: no problems found"


@pytest.mark.parametrize("old, new, expected", [
    ("    answer: Tumen\n", "    answer: [Tumen\n", "13:16: YAML syntax error: expected ',' or ']'"),
    ("  title: Der Fluss\n", "  title: Der Fluss\n  title: Nochmal\n", "5:3: YAML syntax error"),
    ("    distractors: [Amur, Jalu]", "    distractor: [Amur, Jalu]",
     "13:5: question 'fluss-name': unknown key 'distractor'"),
    ("  title: Der Fluss\n", "", "3:3: deck: missing key 'title'"),
    ("    status: approved\n", "", "9:5: question 'fluss-name': missing key 'status'"),
    ("  title: Der Fluss", "  title: [Der, Fluss]", "4:10: deck: 'title' must be text, not a list"),
    ("    answer: Tumen", "    answer: 1.5", "12:13: question 'fluss-name': 'answer' must be text"),
    ("  language: de", "  language: de\n  show_drafts: maybe",
     "6:16: deck: 'show_drafts' must be true or false"),
    ("    source:\n      sentence: Der Fluss", "    source: Der Fluss\n    x:\n      sentence: Der Fluss",
     "14:13: question 'fluss-name': 'source' must be a mapping"),
    ("      start: 13", "      start: -1", "16:14: question 'fluss-name': source 'start' must be a whole number"),
    ("      end: 44", "      end: 10", "17:12: question 'fluss-name': source 'end' must be greater than 'start'"),
    ("  language: de", "  language: fr", "5:13: deck: language 'fr' is not supported"),
    ("    type: mcq", "    type: essay", "10:11: question 'fluss-name': type 'essay' is unknown"),
    ("    status: draft", "    status: done", "25:13: question 'grenze-laenge': status 'done' is unknown"),
    ("  id: fluss\n", "  id: Fluss_1\n", "3:7: deck: id 'Fluss_1' may only contain"),
    ("  - id: grenze-laenge", "  - id: grenze länge", "19:9: question #2: id 'grenze länge' may only contain"),
    ("    tags: [grenze]", "    tags: [die grenze]", "24:11: question 'grenze-laenge': tag 'die grenze'"),
    ("{{c1::17::Zahl}}", "17", "21:11: question 'grenze-laenge': a cloze text needs at least one gap"),
    ("{{c1::17::Zahl}} Kilometer", "{{c1::17::Zahl}} {{c2::Kilometer", "21:11: question 'grenze-laenge': "
     "unbalanced cloze braces"),
    ("{{c1::17::Zahl}}", "{{c2::17::Zahl}}", "21:11: question 'grenze-laenge': cloze gaps must be numbered "
     "c1, c2, ... without holes (found c2)"),
    ("{{c1::17::Zahl}}", "{{c1::}}", "21:11: question 'grenze-laenge': cloze gap c1 is empty"),
    ("    text: Die Grenze", "    answer: '17'\n    text: Die Grenze",
     "21:5: question 'grenze-laenge': a cloze item takes its answer from the gap"),
    ("    tags: [grenze]", "    distractors: [zwölf]",
     "24:5: question 'grenze-laenge': a cloze item has no distractors"),
    ("    distractors: [Amur, Jalu]\n", "", "9:5: question 'fluss-name': an mcq item needs at least one distractor"),
    ("    answer: Tumen\n", "", "9:5: question 'fluss-name': missing key 'answer' (an mcq item needs one)"),
    ("[Amur, Jalu]", "[Amur, tumen]", "13:25: question 'fluss-name': answer \"Tumen\" is also a distractor"),
    ("[Amur, Jalu]", "[Amur, AMUR]", "13:25: question 'fluss-name': options \"Amur\" and \"AMUR\" are the same"),
    ("  - id: grenze-laenge", "  - id: fluss-name", "19:9: question 'fluss-name': duplicate id"),
    ("    path: seeds/fluss.txt", "    path: seeds/gone.txt",
     "7:11: deck source: the article 'seeds/gone.txt' does not exist"),
    ("    path: seeds/fluss.txt", "    path: ../../etc/passwd",
     "7:11: deck source: path '../../etc/passwd' must name an article in seeds/, like seeds/article.txt"),
    ("      sentence: Die Grenze ist 17", "      sentence: Die Grenze ist 18",
     "23:17: question 'grenze-laenge': the source sentence is not in seeds/fluss.txt"),
    ("      start: 13\n      end: 44", "      start: 12\n      end: 43",
     "16:14: question 'fluss-name': source start/end (12-43) do not point at the source sentence (it is at 13-44)"),
    ("      end: 44\n", "", "16:14: question 'fluss-name': source 'end' is missing (give both offsets or neither)"),
])
def test_each_problem_has_its_line_and_column(project, old, new, expected):
    assert old in BANK
    errors = errors_for(project, BANK.replace(old, new, 1))
    assert any(e.startswith(f"questions/fluss.yaml:{expected}") for e in errors), errors


def test_every_problem_is_listed_at_once(project):
    text = BANK.replace("[Amur, Jalu]", "[Amur, Tumen]").replace("{{c1::17::Zahl}}", "17")
    errors = errors_for(project, text.replace("  language: de", "  language: fr"))
    assert [e.split(": ", 1)[0] for e in errors] == [
        "questions/fluss.yaml:5:13", "questions/fluss.yaml:13:25", "questions/fluss.yaml:21:11"]


def test_a_file_that_is_not_utf8_is_named(project):
    path = project / "questions" / "fluss.yaml"
    path.write_bytes(BANK.encode("utf-8") + "# Grüße\n".encode("latin-1"))
    report = validate_files([(path, "questions/fluss.yaml")], project)
    assert [str(e) for e in report.errors] == ["questions/fluss.yaml:26:1: the file is not UTF-8 text"]


def test_ids_are_unique_across_banks(project):
    second = BANK.replace("id: fluss\n", "id: fluss-zwei\n").replace("id: grenze-laenge", "id: grenze-neu")
    (project / "questions" / "zwei.yaml").write_text(second, encoding="utf-8")
    files = [(p, f"questions/{p.name}") for p in bank_files(project / "questions")]
    report = validate_files(files, project)
    assert [str(e) for e in report.errors] == [
        "questions/zwei.yaml:9:9: question 'fluss-name': id is also used in questions/fluss.yaml:9"]


def test_deck_ids_are_unique_across_banks(project):
    second = BANK.replace("fluss-name", "a1").replace("grenze-laenge", "a2")
    (project / "questions" / "zwei.yaml").write_text(second, encoding="utf-8")
    report = validate_files([(p, p.name) for p in bank_files(project / "questions")], project)
    assert [str(e) for e in report.errors] == ["zwei.yaml:3:7: deck id 'fluss' is also used in fluss.yaml"]


def cli(project, monkeypatch, *args, command=validate_command):
    """Run the command as the console script would: settings from instance/config.py, no app."""
    from click.testing import CliRunner

    instance = project / "instance"
    instance.mkdir(exist_ok=True)
    (instance / "config.py").write_text(f"PROJECT_ROOT = {str(project)!r}\n")
    monkeypatch.chdir(project)
    monkeypatch.setenv("QUIZAPP_QUESTIONS_DIR", str(project / "questions"))
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(instance))
    return CliRunner().invoke(command, list(args))


def test_cli_lists_problems_one_per_line_and_exits_1(project, monkeypatch):
    (project / "questions" / "fluss.yaml").write_text(BANK.replace("[Amur, Jalu]", "[Amur, Tumen]"))
    result = cli(project, monkeypatch, "questions")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "questions/fluss.yaml:13:25: question 'fluss-name': answer \"Tumen\" is also a distractor"]
    assert "1 problems in 1 of 1 files" in result.stderr


def test_cli_summary_and_exit_0_when_all_is_well(project, monkeypatch):
    result = cli(project, monkeypatch, "questions/fluss.yaml")
    assert result.exit_code == 0
    assert result.stdout == "1 files, 2 questions: no problems found\n"


def test_cli_json_for_tools(project, monkeypatch):
    (project / "questions" / "fluss.yaml").write_text(BANK.replace("  language: de", "  language: fr"))
    result = cli(project, monkeypatch, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["files"] == 1
    assert data["errors"][0] == {"file": "questions/fluss.yaml", "line": 5, "column": 13,
                                 "message": "deck: language 'fr' is not supported (use one of: de, en)"}


def test_cli_needs_no_database(project, monkeypatch):
    """`quizapp validate` on an unconfigured machine: the app is not built, no database is created."""
    from quizapp.cli import cli as console_script

    result = cli(project, monkeypatch, "validate", command=console_script)
    assert result.exit_code == 0, result.output
    assert result.stdout == "1 files, 2 questions: no problems found\n"
    assert sorted(p.name for p in (project / "instance").iterdir()) == ["config.py"]
