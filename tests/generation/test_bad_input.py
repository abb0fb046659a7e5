"""Bad input: a clear message, a non-zero exit code, and no bank written or changed."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from quizapp.cli.generate import generate_command
from quizapp.generation import GenerationError
from quizapp.generation.source import MAX_BYTES, read_article

GERMAN = "Der Fluss ist lang und die Brücke ist alt. "

BAD = [
    (b"", "empty article"),
    (b"   \r\n\r\n  ", "empty article"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("Grüße aus Wien und der Stadt.".encode("latin-1"), "not UTF-8"),
    ((GERMAN * (MAX_BYTES // len(GERMAN) + 10)).encode(), "too large"),
    (b"Le chat est sur la table et il dort bien tranquillement ce soir.", "unsupported language"),
    (b"date 2025-07 lang fr Bonjour.", "unsupported language (fr)"),
]


@pytest.mark.parametrize("content, message", BAD)
def test_read_article_rejects(write_article, content, message):
    with pytest.raises(GenerationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_article(write_article(content))


def test_missing_file(tmp_path):
    with pytest.raises(GenerationError, match="no such file"):
        read_article(tmp_path / "nope.txt")


@pytest.mark.parametrize("content, message", BAD[:4])
def test_cli_exits_non_zero_and_writes_nothing(write_article, tmp_path, content, message):
    questions = tmp_path / "questions"
    questions.mkdir()
    bank = questions / "test-artikel.yaml"
    bank.write_text("# a teacher's file\ndeck: {id: test-artikel}\nquestions: []\n", encoding="utf-8")
    before = bank.read_bytes()
    result = CliRunner().invoke(
        generate_command, [str(write_article(content)), "--questions-dir", str(questions)]
    )
    assert result.exit_code == 1
    assert message in result.output
    assert bank.read_bytes() == before
    assert sorted(p.name for p in questions.iterdir()) == ["test-artikel.yaml"]


def test_cli_missing_file_among_good_ones(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(generate_command, ["missing.txt"])
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.output
    assert not (tmp_path / "questions").exists()


def test_broken_existing_bank_is_left_alone(write_article, tmp_path):
    questions = tmp_path / "questions"
    questions.mkdir()
    bank = questions / "test-artikel.yaml"
    bank.write_text("deck: [unclosed\n", encoding="utf-8")
    article = write_article(
        "Im Juni 2024 besuchte Präsident Wladimir Putin erstmals seit 24 Jahren Nordkorea."
    )
    result = CliRunner().invoke(generate_command, [str(article), "--questions-dir", str(questions)])
    assert result.exit_code == 1
    assert "cannot read the existing bank" in result.output
    assert bank.read_text(encoding="utf-8") == "deck: [unclosed\n"
