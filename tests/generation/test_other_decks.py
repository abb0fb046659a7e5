"""Names from the other decks in questions/: distractors of the same class where the gazetteers know none."""

from __future__ import annotations

from click.testing import CliRunner
from ruamel.yaml import YAML

from quizapp.cli.generate import generate_command
from quizapp.generation.batch import other_decks_names
from quizapp.generation.pipeline import generate_deck_from_text

ARTICLE = (
    "date 2025-07 Außenminister Sergei Lawrow besuchte im Juli 2025 die Ostküste. "
    "Die Delegation wohnte im Ressort Wonsan Kalma direkt am Strand. "
    "Die Zeitung Rodong Sinmun berichtete ausführlich über den Besuch.\n"
)
OTHER_DECK = """\
deck: {id: ferien, title: Ferien, language: de, source: {path: seeds/ferien.txt}}
questions:
""" + "".join(
    f"""  - id: ferien-{n}
    type: mcq
    text: Sie wohnten im ____.
    answer: {name}
    distractors: [A, B, C]
    source: {{sentence: Sie wohnten im {name}.}}
    kind: {kind}
    tags: [{tag}]
    status: approved
""" for n, (name, kind, tag) in enumerate([
        ("Masikryong", "ort", "class::anlage"), ("Ryugyong Hotel", "ort", "class::anlage"),
        ("Sotschi Park", "ort", "class::anlage"), ("Prawda", "organisation", "class::zeitung"),
        ("Iswestija", "organisation", "class::zeitung"), ("Asahi Shimbun", "organisation", "class::zeitung"),
        ("Anna Meier", "person", "freizeit"),
    ])
)


def test_other_decks_names_are_read_by_class_and_person(tmp_path):
    (tmp_path / "ferien.yaml").write_text(OTHER_DECK, encoding="utf-8")
    (tmp_path / "kaputt.yaml").write_text("questions: [unclosed", encoding="utf-8")  # ignored, not fatal
    known = other_decks_names(tmp_path, exclude=set())
    assert known.by_class == {"anlage": ("Masikryong", "Ryugyong Hotel", "Sotschi Park"),
                              "zeitung": ("Asahi Shimbun", "Iswestija", "Prawda")}
    assert known.persons == ("Anna Meier",)
    assert other_decks_names(tmp_path, exclude={"ferien"}).by_class == {}


def test_a_resort_and_a_newspaper_get_options_of_their_class_from_other_decks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "2025-07-besuch.txt").write_text(ARTICLE, encoding="utf-8")
    questions = tmp_path / "questions"
    questions.mkdir()
    alone = generate_deck_from_text(ARTICLE, "2025-07-besuch.txt")
    assert not [item for item in alone["questions"] if item["type"] == "mcq" and item["kind"] != "datum"
                and item["answer"] != "Sergei Lawrow"]  # no three resorts or newspapers known: cloze only

    (questions / "ferien.yaml").write_text(OTHER_DECK, encoding="utf-8")
    result = CliRunner().invoke(generate_command, ["seeds/2025-07-besuch.txt"])
    assert result.exit_code == 0, result.output
    bank = YAML(typ="safe").load((questions / "besuch.yaml").read_text(encoding="utf-8"))
    mcq = {item["answer"]: item for item in bank["questions"] if item["type"] == "mcq"}
    assert set(mcq["Wonsan Kalma"]["distractors"]) == {"Masikryong", "Ryugyong Hotel", "Sotschi Park"}
    assert mcq["Wonsan Kalma"]["tags"] == ["class::anlage"]
    assert set(mcq["Rodong Sinmun"]["distractors"]) == {"Prawda", "Iswestija", "Asahi Shimbun"}
