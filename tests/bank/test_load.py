"""Loading bank files: good ones load; each kind of bad file names its line and is rejected whole."""

from pathlib import Path

import pytest

from quizapp.bank import BankLoadFailed, load_bank_file, load_bank_text

PROJECT_ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
# a comment
deck:
  id: test-deck
  title: Test
  language: de
  source:
    path: seeds/x.txt
    date: 2025-07-01
questions:
  - id: q-cloze
    type: cloze
    text: Die Grenze ist {{c1::17::Zahl}} Kilometer lang.
    accept: [siebzehn]
    source:
      sentence: Die Grenze ist 17 Kilometer lang.
      start: 0
      end: 33
    tags: [grenze]
    status: approved
  - id: q-mcq
    type: mcq
    text: Der Grenzfluss heißt ____.
    answer: Tumen
    distractors: [Amur, Jalu]
    source:
      sentence: Der Grenzfluss heißt Tumen.
    status: draft
"""


def errors_of(text: str) -> list[str]:
    with pytest.raises(BankLoadFailed) as info:
        load_bank_text(text, "questions/t.yaml")
    return [str(e) for e in info.value.errors]


def test_good_file_loads_every_field():
    bank = load_bank_text(GOOD, "questions/t.yaml")
    assert bank.deck.id == "test-deck" and bank.deck.source_date == "2025-07-01"
    cloze, mcq = bank.questions
    assert cloze.answer == "17" and cloze.accept == ("siebzehn",) and cloze.tags == ("grenze",)
    assert cloze.source_start == 0 and cloze.source_end == 33
    assert mcq.answer == "Tumen" and mcq.distractors == ("Amur", "Jalu") and mcq.status == "draft"
    assert cloze.line == 10 and mcq.line == 20


def test_the_seed_deck_is_valid():
    bank = load_bank_file(PROJECT_ROOT / "questions" / "nordkorea-russland.yaml")
    assert len(bank.questions) >= 25
    assert {q.type for q in bank.questions} == {"mcq", "cloze"}
    article = (PROJECT_ROOT / bank.deck.source_path).read_text(encoding="utf-8")
    for q in bank.questions:
        if q.source_start is not None:
            assert article[q.source_start:q.source_end] == q.source_sentence


@pytest.mark.parametrize("broken, expected", [
    (GOOD.replace("    type: mcq\n", "    type: mcq\n  - [unclosed\n"), "questions/t.yaml:23:9: YAML syntax error"),
    (GOOD.replace("    answer: Tumen\n", ""), "questions/t.yaml:20:5: question 'q-mcq': missing key 'answer'"),
    (GOOD.replace("  title: Test\n", ""), "questions/t.yaml:3:3: deck: missing key 'title'"),
    (GOOD.replace("start: 0", "start: null").replace("end: 33", "end: dreiunddreißig"),
     "questions/t.yaml:17:12: question 'q-cloze': source 'end' must be a whole number >= 0"),
    (GOOD.replace("tags: [grenze]", "tags: grenze"),
     "questions/t.yaml:18:11: question 'q-cloze': 'tags' must be a list, not a str"),
    (GOOD.replace("id: q-mcq", "id: q-cloze"),
     "questions/t.yaml:20:9: question 'q-cloze': duplicate id (first used on line 10)"),
    (GOOD.replace("{{c1::17::Zahl}}", "17"),
     "questions/t.yaml:12:11: question 'q-cloze': a cloze text needs at least one gap"),
    (GOOD.replace("{{c1::17::Zahl}}", "{{c2::17::Zahl}}"),
     "questions/t.yaml:12:11: question 'q-cloze': cloze gaps must be numbered c1, c2"),
    (GOOD.replace("{{c1::17::Zahl}}", "{{c1::17::Zahl}"),
     "questions/t.yaml:12:11: question 'q-cloze': a cloze text needs at least one gap"),
    (GOOD.replace("distractors: [Amur, Jalu]", "distractors: [Amur, tumen]"),
     "questions/t.yaml:24:25: question 'q-mcq': answer \"Tumen\" is also a distractor"),
    (GOOD.replace("status: draft", "status: fertig"),
     "questions/t.yaml:27:13: question 'q-mcq': status 'fertig' is unknown"),
    (GOOD.replace("    status: draft", "    status: draft\n    distractor: [x]"),
     "questions/t.yaml:28:5: question 'q-mcq': unknown key 'distractor'"),
    (GOOD.replace("answer: Tumen", "answer: 15.000"),
     "questions/t.yaml:23:13: question 'q-mcq': 'answer' must be text; put the value in quotes"),
    (GOOD.replace("language: de", "language: fr"), "questions/t.yaml:5:13: deck: language 'fr' is not supported"),
    ("- just a list\n", "questions/t.yaml:1:1: the file must be a mapping"),
])
def test_each_bad_file_names_its_line(broken, expected):
    messages = errors_of(broken)
    assert any(m.startswith(expected) for m in messages), messages


def test_all_problems_are_listed_at_once():
    broken = GOOD.replace("  title: Test\n", "").replace("status: draft", "status: fertig")
    assert len(errors_of(broken)) == 2


def test_unreadable_and_non_utf8_files(tmp_path):
    with pytest.raises(BankLoadFailed, match="cannot read"):
        load_bank_file(tmp_path / "missing.yaml")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("deck:\n  title: Gr\xfc\xdfe\n".encode("latin-1"))
    with pytest.raises(BankLoadFailed, match=r"latin1.yaml:2:1: the file is not UTF-8"):
        load_bank_file(bad)
