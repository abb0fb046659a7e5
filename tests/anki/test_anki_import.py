"""Exported packages as Anki itself imports and renders them."""

from __future__ import annotations

import datetime as dt
import html
import re
import time

import genanki
import pytest

from quizapp.anki import (
    CLOZE_MODEL_ID, MCQ_MODEL_ID, ExportError, anki_deck_id, deck_from_bank, write_package,
)
from quizapp.bank import load_bank_text
from tests.anki.support import BANK, T1, T2


def guid(question_id: str) -> str:
    return genanki.guid_for("quizapp", question_id)


def shown_text(card_html: str) -> str:
    """What a person reads on the card: the HTML without the style block and tags, entities decoded."""
    body = re.sub(r"<style>.*?</style>", "", card_html, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def card_of(anki, question_id: str, ord_: int = 0):
    note = anki.note_by_guid(guid(question_id))
    return next(c for c in note.cards() if c.ord == ord_)


@pytest.fixture
def package(bank, tmp_path):
    path = tmp_path / "test-deck.apkg"
    write_package([deck_from_bank(bank, T1)], path)
    return path


def test_approved_items_become_notes_with_one_card_per_gap(anki, package):
    log = anki.import_package(package)
    assert len(log.new) == 3
    assert anki.col.note_count() == 3
    assert anki.col.card_count() == 1 + 2 + 1
    assert len(anki.note_by_guid(guid("q-zwei-luecken")).cards()) == 2
    assert anki.col.models.get(CLOZE_MODEL_ID)["name"] == "quizapp Cloze"
    assert anki.col.models.get(MCQ_MODEL_ID)["name"] == "quizapp Multiple Choice"
    assert "quizapp::Grenzen & Flüsse" in [d.name for d in anki.col.decks.all_names_and_ids()]


def test_fields_tags_and_mod_time(anki, package):
    anki.import_package(package)
    cloze = anki.note_by_guid(guid("q-fluss"))
    assert cloze["Text"] == "Die Brücke spannt sich über den Grenzfluss {{c1::Tumen::Fluss}}."
    assert cloze["Source"] == "Die Brücke spannt sich über den Grenzfluss Tumen."
    assert cloze["Title"] == "Grenzen &amp; Flüsse"
    assert sorted(cloze.tags) == ["geografie", "kind::ort", "quizapp::test-deck", "status::approved"]
    assert cloze.mod == int(T1.replace(tzinfo=dt.UTC).timestamp())
    mcq = anki.note_by_guid(guid("q-mcq"))
    assert mcq["Answer"] == "Tumen &amp; Co"
    assert mcq["Explanation"] == "Der Tumen ist 521 km lang."
    assert mcq["Context"] == "Vorher ging es um Züge."
    assert mcq.note_type()["sortf"] == 0


def test_cloze_card_shows_the_hint_and_then_the_answer(anki, package):
    anki.import_package(package)
    card = card_of(anki, "q-fluss")
    question, answer = card.question(), card.answer()
    assert '<span class="cloze" data-cloze="Tumen" data-ordinal="1">[Fluss]</span>' in question
    assert "Tumen" not in shown_text(question)
    assert '<span class="cloze" data-ordinal="1">Tumen</span>' in answer
    assert "Die Brücke spannt sich über den Grenzfluss Tumen." in shown_text(answer)
    assert "Grenzen & Flüsse" in shown_text(answer)
    assert ".nightMode" in question and ".night_mode" in question


def test_each_gap_is_its_own_card(anki, package):
    anki.import_package(package)
    first, second = card_of(anki, "q-zwei-luecken", 0), card_of(anki, "q-zwei-luecken", 1)
    assert "[...]" in first.question() and "1860" in shown_text(first.question())
    assert "[...]" in second.question()
    assert "Die Grenze ist 17 Kilometer lang & seit [...] bekannt <ca.>." in shown_text(second.question())
    assert "bekannt &lt;ca.&gt;." in second.question()
    assert "Laut Artikel." in shown_text(first.answer())


def test_mcq_front_shows_options_and_back_marks_the_right_one(anki, package):
    anki.import_package(package)
    card = card_of(anki, "q-mcq")
    question, answer = card.question(), card.answer()
    front = shown_text(question)
    assert "Welcher Fluss bildet die Grenze? <Hinweis> ____ & mehr" in front
    for option in ("Tumen & Co", "Amur", "<b>Jalu</b>", "Ussuri"):
        assert option in front
    assert question.count("<li") == 4
    assert 'class="answer"' not in question and "521 km" not in front
    assert '<div class="back">' in answer
    assert '<li class="right">Tumen &amp; Co</li>' in answer
    assert '<div class="answer">Tumen &amp; Co</div>' in answer
    assert "Der Tumen ist 521 km lang." in shown_text(answer)
    assert "<b>" not in re.sub(r"<style>.*?</style>", "", answer, flags=re.DOTALL)


def test_drafts_on_request_and_retired_never(anki, bank, tmp_path):
    path = tmp_path / "drafts.apkg"
    assert write_package([deck_from_bank(bank, T1, include_drafts=True)], path) == 4
    anki.import_package(path)
    assert anki.col.note_count() == 4
    assert anki.col.find_notes("tag:status::draft")
    assert not anki.col.find_notes("tag:status::retired")
    assert not anki.col.db.scalar("select count() from notes where guid = ?", guid("q-alt"))


def test_edited_question_updates_in_place_and_keeps_its_reviews(anki, bank, package, tmp_path):
    anki.import_package(package)
    card = card_of(anki, "q-fluss")
    anki.review(card.id)
    assert anki.revlog_count(card.id) == 1

    edited = load_bank_text(BANK.replace("{{c1::Tumen::Fluss}}.", "{{c1::Tumen::Fluss}} im Osten."))
    times = {q.id: T1 for q in edited.questions}
    times["q-fluss"] = T2
    second = tmp_path / "second.apkg"
    write_package([deck_from_bank(edited, times)], second)
    log = anki.import_package(second)

    assert len(log.new) == 0 and len(log.updated) == 1
    assert anki.col.note_count() == 3 and anki.col.card_count() == 4
    note = anki.note_by_guid(guid("q-fluss"))
    assert note["Text"].endswith("{{c1::Tumen::Fluss}} im Osten.")
    assert card_of(anki, "q-fluss").id == card.id
    assert anki.revlog_count(card.id) == 1
    assert anki.col.get_card(card.id).reps == 1


def test_importing_the_same_package_again_changes_nothing(anki, package):
    anki.import_package(package)
    log = anki.import_package(package)
    assert len(log.new) == 0 and len(log.updated) == 0
    assert anki.col.note_count() == 3


def test_a_learners_own_edit_survives_a_rebuild_of_unchanged_items(anki, bank, package, tmp_path):
    anki.import_package(package)
    note = anki.note_by_guid(guid("q-mcq"))
    note["Explanation"] = "Meine eigene Notiz"
    anki.col.update_note(note)
    rebuilt = tmp_path / "rebuilt.apkg"
    a_year_from_now = int(time.time()) + 365 * 86400  # files built later must not win over the learner
    write_package([deck_from_bank(bank, T1)], rebuilt, timestamp=a_year_from_now)
    anki.import_package(rebuilt)
    assert anki.note_by_guid(guid("q-mcq"))["Explanation"] == "Meine eigene Notiz"


def test_the_same_data_gives_the_same_bytes(bank, tmp_path):
    first, second = tmp_path / "1.apkg", tmp_path / "2.apkg"
    write_package([deck_from_bank(bank, T1)], first)
    write_package([deck_from_bank(bank, T1)], second)
    assert first.read_bytes() == second.read_bytes()


def test_deck_ids_come_from_the_deck_id():
    assert anki_deck_id("test-deck") == anki_deck_id("test-deck") != anki_deck_id("other-deck")


def test_nothing_to_export_is_refused(bank, tmp_path):
    empty = deck_from_bank(load_bank_text(BANK.replace("status: approved", "status: draft")), T1)
    with pytest.raises(ExportError, match="nothing to export"):
        write_package([empty], tmp_path / "x.apkg")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["missing-dir/x.apkg", "a-file/x.apkg", "a-dir"])
def test_an_unwritable_path_leaves_no_file(bank, tmp_path, where):
    (tmp_path / "a-file").write_text("not a folder")
    (tmp_path / "a-dir").mkdir()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(ExportError, match="cannot write"):
        write_package([deck_from_bank(bank, T1)], tmp_path / where)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
