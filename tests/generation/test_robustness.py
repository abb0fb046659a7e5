"""Arbitrary text never crashes the generator, and batches of files give the same banks as single runs."""

from __future__ import annotations

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.cli.generate import generate_command
from quizapp.generation import GenerationError
from quizapp.generation.checks import problems
from quizapp.generation.pipeline import generate_deck_from_text

WORDS = (
    "Der",
    "die",
    "und",
    "ist",
    "Putin",
    "Nordkorea",
    "17",
    "Kilometer",
    "1,2",
    "Millionen",
    "Juni",
    "2024",
    "©",
    "APA/AFP",
    "–",
    "„Kanonenfutter“",
    ":",
    ".",
    "\r\n",
    "\n\n",
    "\ufeff",
    "date",
    "2025-07",
    "Grenzfluss",
    "Tumen",
    "sich",
    "im",
    "Soldaten",
    "15.000",
    "Wien",
    "Damit",
    "hat",
    "er",
    "gesagt",
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=60))
def test_arbitrary_text_gives_valid_items_or_a_clear_error(words):
    text = " ".join(words)
    try:
        deck = generate_deck_from_text(text)
    except GenerationError as error:
        assert str(error)
        return
    for item in deck["questions"]:
        assert problems(item, text) == [], item


def test_batch_matches_single_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    articles = {
        "2025-01-brücke.txt": "Die neue Brücke über den Grenzfluss Tumen ist 17 Kilometer lang und wurde im Mai 2024 "
        "eröffnet. Knapp 3000 Menschen überqueren sie pro Tag.",
        "2025-02-armee.txt": "Mit 1,2 Millionen Soldaten hat Nordkorea eine der größten Armeen der Welt. "
        "Schätzungen gehen von bereits 15.000 Soldaten in Russland aus.",
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    batch = runner.invoke(generate_command, [*articles, "--questions-dir", "batch"])
    assert batch.exit_code == 0, batch.output
    for name in articles:
        single = runner.invoke(generate_command, [name, "--questions-dir", "single"])
        assert single.exit_code == 0, single.output
    for bank in ("bruecke.yaml", "armee.yaml"):
        assert (tmp_path / "batch" / bank).read_bytes() == (tmp_path / "single" / bank).read_bytes()
