"""A bank cannot turn the checks into a file reader: articles come from seeds/ only (issue 12, finding 2).

The attack: name the secret key as the deck's article and guess its first characters as a source
sentence; if the answer to a right guess differs from the answer to a wrong one, 66 requests recover the
key. Each surface (the whole-file editor's preview, the item editor, `quizapp validate`) must answer a
right and a wrong guess alike, with a message that names only the path.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from quizapp.bank.write import read_bank
from quizapp.config import instance_secret_key

from .conftest import DECK_FILE
from .test_teacher_edit import form_data

# the problems a page lists: the whole-file editor's, a field's, the item editor's above its form
ERROR_RE = re.compile(r'<span class="problem-message">(.*?)</span>|<p class="error" role="alert">(.*?)</p>'
                      r'|<li>(?:<code>)?(.*?)(?:</code>)?</li>', re.S)
REFUSED = "must name an article in seeds/"
WRONG = "zzzzzzzz"  # never in a hex key


def attack_paths(root: Path, instance: Path) -> dict[str, str]:
    """Ways to name the key file from a bank: plain, with '..', absolute, and through a symlink in seeds/."""
    link = root / "seeds" / "notizen.txt"
    link.symlink_to(instance / "secret_key")
    return {"plain": "instance/secret_key", "dotdot": "seeds/../instance/secret_key",
            "absolute": str(instance / "secret_key"), "symlink": "seeds/notizen.txt"}


def bank_naming(path: str, sentence: str) -> str:
    return (f"deck:\n  id: nordkorea-russland\n  title: Geheim\n  language: de\n"
            f"  source:\n    path: '{path}'\n"
            "questions:\n  - id: nkru-grenze-laenge\n    type: cloze\n"
            "    text: Der Schlüssel ist {{c1::x}}.\n"
            f"    source:\n      sentence: '{sentence}'\n    status: draft\n")


def shown_errors(response, guess: str) -> list[str]:
    """The problems the page lists, with the guess blanked out (it is the user's own text)."""
    found = ["".join(groups) for groups in ERROR_RE.findall(response.get_data(as_text=True))]
    return [html.unescape(e).replace(guess, "GUESS") for e in found]


@pytest.mark.parametrize("how", ["plain", "dotdot", "absolute", "symlink"])
def test_the_preview_gives_no_verdict_on_the_secret_key(app, teacher, forms, tmp_path, how):
    key = instance_secret_key(app.instance_path)
    path = attack_paths(tmp_path, Path(app.instance_path))[how]
    url = "/teacher/decks/nordkorea-russland/yaml"
    answers = {}
    for guess in (key[:8], WRONG):
        response = forms.post(url, {"text": bank_naming(path, guess), "preview": "1"}, page=url)
        answers[guess] = (response.status_code, shown_errors(response, guess))
    assert answers[key[:8]] == answers[WRONG]
    status, errors = answers[WRONG]
    assert status == 422 and len(errors) == 1 and REFUSED in errors[0], errors
    assert key[:8] not in str(errors)


def test_the_item_editor_gives_no_verdict_on_the_secret_key(app, teacher, forms, deck_file, tmp_path):
    """The file on disk (written by hand, the loader does not read articles) names the key as its article."""
    key = instance_secret_key(app.instance_path)
    deck_file.write_text(deck_file.read_text().replace("path: seeds/2025-07-nordkorea-russland.txt",
                                                       "path: instance/secret_key"))
    url = "/teacher/questions/nkru-grenze-laenge/edit"
    answers = {}
    for guess in (key[:8], WRONG):
        _, sha = read_bank(deck_file)
        response = forms.post(url, form_data(sha, source_sentence=guess), page=url)
        answers[guess] = (response.status_code, shown_errors(response, guess))
    assert answers[key[:8]] == answers[WRONG]
    status, errors = answers[WRONG]
    assert status == 422 and any(REFUSED in e for e in errors), errors
    assert "path: instance/secret_key" in deck_file.read_text()  # nothing was saved
    assert key not in deck_file.read_text()


def test_validate_gives_no_verdict_on_the_secret_key(tmp_path, monkeypatch):
    from tests.bank.test_bank_validate import cli

    (tmp_path / "seeds").mkdir()
    (tmp_path / "questions").mkdir()
    instance = tmp_path / "instance"
    instance.mkdir()
    key = instance_secret_key(str(instance))
    answers = {}
    for how, path in attack_paths(tmp_path, instance).items():
        for guess in (key[:8], WRONG):
            (tmp_path / "questions" / DECK_FILE).write_text(bank_naming(path, guess), encoding="utf-8")
            result = cli(tmp_path, monkeypatch, "questions")
            answers[how, guess] = (result.exit_code, result.stdout.replace(guess, "GUESS"))
        assert answers[how, key[:8]] == answers[how, WRONG]
        exit_code, out = answers[how, WRONG]
        assert exit_code == 1 and out.count("\n") == 1 and REFUSED in out, out
        assert out.startswith("questions/nordkorea-russland.yaml:6:11: deck source: ")
