"""`quizapp export-anki`: from the database to a package Anki imports; bad input leaves no file."""

from __future__ import annotations

import datetime as dt

import genanki
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Question
from quizapp.operations.banks import sync_question_banks

from tests.anki.support import CLASS_DECK as DECK

DRAFTS_ONLY = """\
deck:
  id: nur-entwuerfe
  title: Nur Entwürfe
  language: de
  source:
    path: seeds/x.txt
questions:
  - id: ne-eins
    type: cloze
    text: Ein {{c1::Entwurf}}.
    source:
      sentence: Ein Entwurf.
    status: draft
"""


def approved_count(app, deck_id: str = DECK) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Question).where(
            Question.deck_id == deck_id, Question.status == "approved", Question.in_file.is_(True)))


def test_exports_all_decks_when_none_is_named(app, runner, anki, tmp_path):
    out = tmp_path / "alle.apkg"
    result = runner.invoke(args=["export-anki", "-o", str(out)])
    assert result.exit_code == 0, result.output
    anki.import_package(out)
    assert anki.col.note_count() == approved_count(app) > 0
    assert f"{approved_count(app)} notes" in result.output


def test_exports_a_named_deck(app, runner, anki, tmp_path):
    out = tmp_path / "seed.apkg"
    assert runner.invoke(args=["export-anki", DECK, "-o", str(out)]).exit_code == 0
    anki.import_package(out)
    assert anki.col.find_notes(f"tag:quizapp::{DECK}")


def test_unknown_deck_is_refused(runner, tmp_path):
    out = tmp_path / "x.apkg"
    result = runner.invoke(args=["export-anki", DECK, "gibt-es-nicht", "-o", str(out)])
    assert result.exit_code != 0
    assert "unknown deck: gibt-es-nicht" in result.output
    assert not any(tmp_path.glob("*x.apkg*"))


def test_empty_deck_is_refused_unless_drafts_are_asked_for(runner, questions_dir, tmp_path):
    (questions_dir / "nur-entwuerfe.yaml").write_text(DRAFTS_ONLY, encoding="utf-8")
    assert runner.invoke(args=["sync-banks"]).exit_code == 0
    out = tmp_path / "x.apkg"
    result = runner.invoke(args=["export-anki", "nur-entwuerfe", "-o", str(out)])
    assert result.exit_code != 0
    assert "nur-entwuerfe has no approved questions" in result.output
    assert not out.exists()
    assert runner.invoke(args=["export-anki", "nur-entwuerfe", "--drafts", "-o", str(out)]).exit_code == 0
    assert out.exists()


def test_unwritable_path_is_refused(runner, tmp_path):
    out = tmp_path / "fehlt" / "x.apkg"
    result = runner.invoke(args=["export-anki", "-o", str(out)])
    assert result.exit_code != 0
    assert f"cannot write {out}" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "fehlt").exists()


def test_teachers_edit_reaches_anki_and_keeps_the_review(app, runner, anki, questions_dir, tmp_path):
    first = tmp_path / "1.apkg"
    assert runner.invoke(args=["export-anki", DECK, "-o", str(first)]).exit_code == 0
    anki.import_package(first)
    notes = anki.col.note_count()
    guid = genanki.guid_for("quizapp", "kl-grenze")
    note = anki.col.get_note(anki.col.db.scalar("select id from notes where guid = ?", guid))
    card = note.cards()[0]
    anki.review(card.id)

    bank = questions_dir / f"{DECK}.yaml"
    text = bank.read_text(encoding="utf-8")
    old = "Kilometer lang."
    assert old in text
    bank.write_text(text.replace(old, "Kilometer lang und gerade.", 1), encoding="utf-8")
    with app.app_context():
        report = sync_question_banks(questions_dir, now=dt.datetime.now(dt.UTC).replace(tzinfo=None)
                                     + dt.timedelta(minutes=5))
        db.session.commit()
        assert report.loaded == [f"{DECK}.yaml"]

    second = tmp_path / "2.apkg"
    assert runner.invoke(args=["export-anki", DECK, "-o", str(second)]).exit_code == 0
    log = anki.import_package(second)
    assert len(log.new) == 0 and len(log.updated) == 1
    assert anki.col.note_count() == notes
    assert anki.col.get_note(note.id)["Text"].endswith("Kilometer lang und gerade.")
    assert anki.revlog_count(card.id) == 1
