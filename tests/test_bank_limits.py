"""A bank file the database cannot hold: validate says so first, the load reports it, the app keeps going."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from quizapp import create_app
from quizapp.bank.validate import bank_files, validate_files
from quizapp.extensions import db
from quizapp.models import Attempt, BankLoadError, Deck, Question, ReviewCard
from quizapp.operations.bank_errors import sync_and_record

from tests.history import record_answer

from .conftest import PROJECT_ROOT

BANK = "nordkorea-russland.yaml"
SECOND = "zweites.yaml"


def second_deck(questions_dir, old: str = "", new: str = "") -> str:
    """A second deck made from the frozen one (its own deck and question ids), with one edit."""
    text = (questions_dir / BANK).read_text(encoding="utf-8")
    text = text.replace("id: nordkorea-russland", "id: zweites", 1).replace("id: nkru-", "id: zw-")
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    (questions_dir / SECOND).write_text(text, encoding="utf-8")
    return text


def validate(questions_dir) -> dict[str, list[str]]:
    report = validate_files([(p, p.name) for p in bank_files(questions_dir)], PROJECT_ROOT)
    found: dict[str, list[str]] = {}
    for error in report.errors:
        found.setdefault(error.file, []).append(error.message)
    return found


def stored_errors(app) -> dict[str, list[str]]:
    with app.app_context():
        found: dict[str, list[str]] = {}
        for row in db.session.scalars(sa.select(BankLoadError)):
            found.setdefault(row.file_name, []).append(row.message)
        return found


OVER_LIMIT = {
    "deck title": ("title: 'Nordkorea", "title: '" + "x" * 300 + " Nordkorea", "title"),
    "deck id": ("id: zweites", "id: " + "z" * 65, "id"),
    "question id": ("id: zw-kursk", "id: zw-" + "k" * 126, "id"),
    "kind": ("kind: zahl", "kind: " + "z" * 65, "kind"),
    "source date": ("date: 2025-07", "date: '" + "2025-07-" * 5 + "'", "date"),
    "source offset": ("start: 145\n      end: 269", "start: 3000000000\n      end: 3000000124", "start"),
    "NUL in a text": ("context: Nordkoreas", 'context: "\\0 Nordkoreas', "context"),
}


@pytest.mark.parametrize("case", OVER_LIMIT, ids=list(OVER_LIMIT))
def test_a_value_beyond_a_database_limit_is_refused_by_validate_and_by_the_load(app, questions_dir, case):
    old, new, key = OVER_LIMIT[case]
    if case == "NUL in a text":  # the context runs to the end of its line; close the quotes there
        text = second_deck(questions_dir)
        line = next(line for line in text.splitlines() if "context: Nordkoreas" in line)
        text = text.replace(line, line.replace("context: ", 'context: "\\0 ') + '"', 1)
        (questions_dir / SECOND).write_text(text, encoding="utf-8")
    else:
        second_deck(questions_dir, old, new)
    problems = validate(questions_dir)
    assert list(problems) == [SECOND] and any(f"'{key}'" in message for message in problems[SECOND])
    with app.app_context():
        report = sync_and_record(questions_dir)
        db.session.commit()
        assert list(report.errors) == [SECOND]
        assert db.session.get(Deck, "nordkorea-russland").in_files
    assert list(stored_errors(app)) == [SECOND]


def test_the_app_boots_with_a_file_the_database_cannot_hold(app_config, questions_dir, tmp_path, client):
    second_deck(questions_dir, "title: 'Nordkorea", "title: '" + "x" * 300 + " Nordkorea")
    fresh = create_app(app_config, instance_path=str(tmp_path / "instance2"))
    assert list(stored_errors(fresh)) == [SECOND]
    with fresh.app_context():
        assert db.session.get(Deck, "nordkorea-russland").in_files
        assert db.session.get(Deck, "zweites") is None
        db.session.remove()
        db.engine.dispose()


REFUSE_ZWEITES = {
    "sqlite": ["CREATE TRIGGER refuse_zweites BEFORE INSERT ON decks WHEN NEW.id = 'zweites' "
               "BEGIN SELECT RAISE(ABORT, 'no decks called zweites'); END"],
    "postgresql": [
        "CREATE FUNCTION refuse_zweites() RETURNS trigger AS $$ BEGIN "
        "IF NEW.id = 'zweites' THEN RAISE EXCEPTION 'no decks called zweites'; END IF; RETURN NEW; END "
        "$$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_zweites BEFORE INSERT ON decks FOR EACH ROW EXECUTE FUNCTION refuse_zweites()",
    ],
}


def test_any_database_refusal_is_the_files_load_error_and_other_saves_go_on(app, questions_dir, tmp_path,
                                                                              app_config):
    """Whatever the database refuses (here a trigger): that file is reported, others load, the app boots."""
    with app.app_context():
        for statement in REFUSE_ZWEITES[db.engine.dialect.name]:
            db.session.execute(sa.text(statement))
        db.session.commit()
    second_deck(questions_dir)
    good = (questions_dir / BANK).read_text(encoding="utf-8")
    (questions_dir / BANK).write_text(good.replace("title: 'Nordkorea", "title: 'Neu: Nordkorea", 1),
                                      encoding="utf-8")
    with app.app_context():
        report = sync_and_record(questions_dir)
        db.session.commit()
        assert report.loaded == [BANK] and list(report.errors) == [SECOND]
        assert "database" in report.errors[SECOND][0].message
        assert db.session.get(Deck, "nordkorea-russland").title.startswith("Neu: ")
    assert list(stored_errors(app)) == [SECOND]
    fresh = create_app(app_config, instance_path=str(tmp_path / "instance2"))
    fresh.config["BANK_RELOAD_SECONDS"] = 0
    assert fresh.test_client().get("/healthz").status_code < 500
    assert list(stored_errors(fresh)) == [SECOND]
    with fresh.app_context():
        db.session.remove()
        db.engine.dispose()


def test_an_item_moved_to_another_deck_takes_its_history_along(app, questions_dir, create_user):
    second_deck(questions_dir)
    with app.app_context():
        sync_and_record(questions_dir)
        db.session.commit()
    user_id = create_user("anna")
    record_answer(app, user_id, "nkru-kursk", "nordkorea-russland", review=True)
    first = (questions_dir / BANK).read_text(encoding="utf-8")
    block = "  - id: nkru-kursk\n" + first.split("  - id: nkru-kursk\n", 1)[1].split("  - id: ", 1)[0]
    (questions_dir / BANK).write_text(first.replace(block, ""), encoding="utf-8")
    (questions_dir / SECOND).write_text((questions_dir / SECOND).read_text(encoding="utf-8") + block,
                                        encoding="utf-8")
    assert validate(questions_dir) == {}
    with app.app_context():
        report = sync_and_record(questions_dir)
        db.session.commit()
        assert report.errors == {} and sorted(report.loaded) == [BANK, SECOND]
        moved = db.session.get(Question, "nkru-kursk")
        assert moved.deck_id == "zweites" and moved.in_file
        assert db.session.scalars(sa.select(Attempt)).one().question_id == "nkru-kursk"
        assert db.session.scalars(sa.select(ReviewCard)).one().reps == 1
    assert stored_errors(app) == {}
