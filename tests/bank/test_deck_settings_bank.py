"""The deck block's optional settings: where the article comes from (address, publisher, licence) and
whether the deck is archived. Files without them load as before; wrong values name their line."""

from __future__ import annotations

import pytest

from quizapp.bank import BankLoadFailed, load_bank_text
from quizapp.bank.write import add_question, remove_question, set_deck_fields

from .test_load import GOOD

SOURCED = GOOD.replace("    date: 2025-07-01\n", "    date: 2025-07-01\n    url: https://www.derstandard.at/story/1\n"
                       "    attribution: DER STANDARD\n    licence: CC BY-NC-SA\n"
                       ).replace("questions:\n", "  archived: true\nquestions:\n")


def errors_of(text: str) -> list[str]:
    with pytest.raises(BankLoadFailed) as info:
        load_bank_text(text, "questions/t.yaml")
    return [str(e) for e in info.value.errors]


def test_a_file_without_the_settings_loads_as_before():
    deck = load_bank_text(GOOD).deck
    assert (deck.source_url, deck.source_attribution, deck.source_licence, deck.archived) == (None, None, None, False)


def test_the_settings_load():
    deck = load_bank_text(SOURCED).deck
    assert deck.source_url == "https://www.derstandard.at/story/1" and deck.archived
    assert (deck.source_attribution, deck.source_licence) == ("DER STANDARD", "CC BY-NC-SA")


@pytest.mark.parametrize("old, new, expected", [
    ("url: https://www.derstandard.at/story/1", "url: javascript:alert(1)",
     "questions/t.yaml:9:10: deck source: url 'javascript:alert(1)' must be a web address starting with https://"),
    ("archived: true", "archived: ja", "questions/t.yaml:12:13: deck: 'archived' must be true or false"),
    ("licence: CC BY-NC-SA", "licence: " + "x" * 101, "questions/t.yaml:11:14: deck source: 'licence' is 101"),
    ("licence: CC BY-NC-SA", "license: CC BY-NC-SA", "questions/t.yaml:11:5: deck source: unknown key 'license'"),
])
def test_a_wrong_setting_names_its_line(old, new, expected):
    assert any(message.startswith(expected) for message in errors_of(SOURCED.replace(old, new)))


def test_settings_are_written_into_the_deck_block_only():
    text = set_deck_fields(GOOD, {"title": "Neu", "source": {"url": "https://example.org/a", "licence": "CC BY"},
                                  "archived": True})
    assert text.split("questions:")[1] == GOOD.split("questions:")[1]
    assert "  title: Neu\n" in text and "    url: https://example.org/a\n    licence: CC BY\n" in text
    deck = load_bank_text(text).deck
    assert deck.archived and deck.source_licence == "CC BY" and deck.source_date == "2025-07-01"
    assert "archived" not in set_deck_fields(text, {"archived": None})


def test_an_added_item_goes_to_the_end_and_a_removed_one_leaves_no_trace():
    item = {"id": "q-neu", "type": "cloze", "text": "{{c1::Neu}} ist es.", "source": {"sentence": "Neu ist es."},
            "status": "approved", "tags": ["a", "b"]}
    added = add_question(GOOD, item)
    assert added.startswith(GOOD)
    assert added[len(GOOD):] == ("  - id: q-neu\n    type: cloze\n    text: '{{c1::Neu}} ist es.'\n    source:\n"
                                 "      sentence: Neu ist es.\n    tags: [a, b]\n    status: approved\n")
    assert [q.id for q in load_bank_text(added).questions] == ["q-cloze", "q-mcq", "q-neu"]
    assert remove_question(added, "q-neu") == GOOD
    assert [q.id for q in load_bank_text(remove_question(GOOD, "q-cloze")).questions] == ["q-mcq"]


def test_validate_checks_the_settings_too(project, monkeypatch):
    from .bank_sample import BANK
    from .test_bank_validate import cli

    sourced = BANK.replace("    path: seeds/fluss.txt\n", "    path: seeds/fluss.txt\n    url: www.example.org\n"
                           "    licence: CC BY\n")
    (project / "questions" / "fluss.yaml").write_text(sourced, encoding="utf-8")
    result = cli(project, monkeypatch, "questions")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["questions/fluss.yaml:8:10: deck source: url 'www.example.org' must be a "
                                          "web address starting with https:// or http://"]
    fixed = sourced.replace("www.example.org", "https://www.example.org/fluss")
    (project / "questions" / "fluss.yaml").write_text(fixed, encoding="utf-8")
    assert cli(project, monkeypatch, "questions").exit_code == 0
