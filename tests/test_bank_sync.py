"""Loading bank files into the database: all or nothing, by id, never losing history."""

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question
from quizapp.operations.banks import sync_question_banks
from tests.history import record_answer

BANK = "nordkorea-russland.yaml"


def test_start_loads_the_seed_deck(app):
    with app.app_context():
        deck = db.session.get(Deck, "nordkorea-russland")
        assert deck is not None and deck.language == "de"
        assert db.session.query(Question).filter_by(deck_id=deck.id).count() == 22


def test_bad_file_is_rejected_whole_and_database_keeps_previous_version(app, questions_dir):
    path = questions_dir / BANK
    good = path.read_text(encoding="utf-8")
    # one good change and one error in the same file: neither may land
    broken = good.replace("title: 'Nordkorea und Russland: Eine immer engere Beziehung'", "title: Geändert", 1)
    broken = broken.replace("type: mcq", "type: multiple", 1)
    path.write_text(broken, encoding="utf-8")
    with app.app_context():
        report = sync_question_banks(questions_dir)
        db.session.commit()
        assert list(report.errors) == [BANK]
        [error] = report.errors[BANK]
        assert str(error).startswith(f"questions/{BANK}:")
        assert "type 'multiple' is unknown" in error.message
        line = broken.splitlines()[error.line - 1]
        assert "type: multiple" in line
        assert db.session.get(Deck, "nordkorea-russland").title.startswith("Nordkorea und Russland:")


def test_changed_file_updates_questions_by_id(app, questions_dir):
    path = questions_dir / BANK
    text = path.read_text(encoding="utf-8").replace("distractors:\n      - Amur", "distractors:\n      - Wolga", 1)
    path.write_text(text, encoding="utf-8")
    with app.app_context():
        before = db.session.get(Question, "nkru-grenzfluss-tumen").content_changed_at
        report = sync_question_banks(questions_dir)
        db.session.commit()
        assert report.loaded == [BANK]
        question = db.session.get(Question, "nkru-grenzfluss-tumen")
        assert question.distractors[0] == "Wolga"
        assert question.content_changed_at >= before
        untouched = db.session.get(Question, "nkru-grenze-laenge")
        assert untouched.content_hash  # still there, unchanged
        assert sync_question_banks(questions_dir).unchanged == [BANK]


def test_removed_question_is_hidden_and_its_attempts_kept(app, questions_dir, create_user):
    user_id = create_user("anna")
    record_answer(app, user_id, "nkru-kursk", "nordkorea-russland")
    path = questions_dir / BANK
    lines = path.read_text(encoding="utf-8").split("\n  - id: ")
    path.write_text("\n  - id: ".join(part for part in lines if not part.startswith("nkru-kursk\n")),
                    encoding="utf-8")
    with app.app_context():
        sync_question_banks(questions_dir)
        db.session.commit()
        question = db.session.get(Question, "nkru-kursk")
        assert question is not None and question.in_file is False
        assert db.session.scalars(select(Attempt)).one().answer_given == "Kursk"


def test_question_id_used_by_two_decks_is_refused(app, questions_dir):
    other = (questions_dir / BANK).read_text(encoding="utf-8").replace(
        "id: nordkorea-russland", "id: zweites-deck", 1)
    (questions_dir / "zweites-deck.yaml").write_text(other, encoding="utf-8")
    with app.app_context():
        report = sync_question_banks(questions_dir)
        db.session.commit()
        assert "zweites-deck.yaml" in report.errors
        assert "is already used in nordkorea-russland.yaml" in report.errors["zweites-deck.yaml"][0].message
        assert db.session.get(Deck, "zweites-deck") is None


def test_sync_command_reports_errors(runner, questions_dir):
    (questions_dir / "kaputt.yaml").write_text("deck: [\n", encoding="utf-8")
    result = runner.invoke(args=["sync-banks"])
    assert result.exit_code == 1
    assert "questions/kaputt.yaml:2:1: YAML syntax error" in result.output
