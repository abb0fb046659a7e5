"""Fact keys change nothing in the Anki export: the same notes, with the same GUIDs, before and after."""

from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import Question
from quizapp.operations.banks import sync_question_banks

from tests.anki.support import CLASS_DECK as DECK
from tests.anki.support import AnkiCollection


def exported_guids(runner, tmp_path, name: str) -> set[str]:
    out = tmp_path / f"{name}.apkg"
    result = runner.invoke(args=["export-anki", DECK, "-o", str(out)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / name
    folder.mkdir()
    collection = AnkiCollection(folder / "collection.anki2")
    try:
        collection.import_package(out)
        return set(collection.col.db.list("select guid from notes"))
    finally:
        collection.col.close()


def test_adding_fact_keys_keeps_the_note_guids(app, runner, questions_dir, tmp_path):
    before = exported_guids(runner, tmp_path, "before")
    path = questions_dir / f"{DECK}.yaml"
    counter = iter(range(1000))
    path.write_text(re.sub(r"(?m)^    status:", lambda m: f"    fact: fakt-{next(counter)}\n{m.group(0)}",
                           path.read_text(encoding="utf-8")), encoding="utf-8")
    with app.app_context():
        report = sync_question_banks(questions_dir)
        db.session.commit()
        assert report.errors == {} and report.loaded
        assert {q.fact_key for q in db.session.query(Question)} >= {"fakt-0", "fakt-1"}
    assert before and exported_guids(runner, tmp_path, "after") == before
