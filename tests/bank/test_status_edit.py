"""Status edits change only the status word of each item: comments, quotes, layout and every other byte stay."""

from __future__ import annotations

import pytest

from quizapp.bank.status_edit import set_statuses
from quizapp.bank.write import NotEditable

BANK = """\
# Kommentar der Lehrerin: bitte nicht löschen
deck: {id: d, title: Grüße, language: de, source: {path: seeds/x.txt}}
questions:
  - id: a
    type: cloze
    text: "Über {{c1::Brücken}} – ‚Zitat‘"   # Umlaute vor dem Status
    source: {sentence: "Über Brücken.", status: draft}
    status: draft    # noch prüfen
  - {id: b, type: cloze, text: "{{c1::x}}", source: {sentence: x}, status: 'approved'}
  - id: c
    type: cloze
    text: "{{c1::y}}"
    source:
      sentence: y
"""


def test_only_the_status_words_change():
    result = set_statuses(BANK, {"a": "approved", "b": "retired", "c": "retired"})
    assert result == BANK.replace("status: draft    #", "status: approved    #") \
        .replace("status: 'approved'}", "status: 'retired'}") \
        .replace("      sentence: y\n", "      sentence: y\n    status: retired\n")


def test_the_status_of_a_nested_mapping_is_not_the_items():
    result = set_statuses(BANK, {"a": "retired"})
    assert 'source: {sentence: "Über Brücken.", status: draft}' in result
    assert "    status: retired    # noch prüfen\n" in result


def test_crlf_and_no_final_newline_are_kept():
    text = BANK.replace("\n", "\r\n").replace("sentence: y\r\n", "sentence: y\r\n    status: draft")
    assert set_statuses(text, {"c": "approved", "a": "retired"}) == \
        text.replace("status: draft    #", "status: retired    #")[: -len("draft")] + "approved"


@pytest.mark.parametrize("statuses, message", [
    ({"nope": "approved"}, "question 'nope' is not in the file"),
])
def test_an_item_not_in_the_file_is_refused(statuses, message):
    with pytest.raises(NotEditable, match=message):
        set_statuses(BANK, statuses)


def test_a_file_that_is_no_yaml_is_refused():
    with pytest.raises(NotEditable):
        set_statuses(BANK.replace("questions:", "questions: ["), {"a": "approved"})


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError):
        set_statuses(BANK, {"a": "published"})
