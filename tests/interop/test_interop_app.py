"""`quizapp export` / `quizapp import` and the teacher pages, on SQLite and PostgreSQL: what a teacher
downloads reads back, what a teacher uploads arrives as drafts in the review queue, bad files change nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Deck, Question
from tests.interop.support import parse_gift

SEED = "nordkorea-russland"
QUIZLET = "Haus\thouse\nBäume\t\"trees\", also: wood\nStraße\tstreet\n"


def deck_questions(app, deck_id: str) -> list[Question]:
    with app.app_context():
        return list(db.session.scalars(select(Question).where(Question.deck_id == deck_id)
                                       .order_by(Question.position)))


def test_cli_exports_each_format(app, runner, tmp_path):
    approved = [q.id for q in deck_questions(app, SEED) if q.status == "approved"]
    for fmt, name in (("moodle", "d.xml"), ("gift", "d.gift"), ("qti", "d.zip")):
        result = runner.invoke(args=["export", "--format", fmt, SEED, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "d.xml").read_bytes().count(b"<question type=") == len(approved) + 1  # + category
    gift = parse_gift((tmp_path / "d.gift").read_text(encoding="utf-8"))
    assert {q["title"] for q in gift} <= set(approved) and len(gift) > 0
    items = [n for n in zipfile.ZipFile(tmp_path / "d.zip").namelist() if n.startswith("items/")]
    assert len(items) == len(approved)


def test_cli_export_refuses_an_unknown_deck_and_writes_nothing(runner, tmp_path):
    result = runner.invoke(args=["export", "--format", "moodle", "gibt-es-nicht", "-o", str(tmp_path / "x.xml")])
    assert result.exit_code != 0 and "unknown deck: gibt-es-nicht" in result.output
    assert not (tmp_path / "x.xml").exists()


def test_cli_import_loads_a_new_deck_of_drafts_and_a_second_run_changes_nothing(app, runner, tmp_path):
    source = tmp_path / "Vokabeln.txt"
    source.write_text(QUIZLET, encoding="utf-8")
    result = runner.invoke(args=["import", str(source)])
    assert result.exit_code == 0, result.output
    assert "Imported 3 cards from Vokabeln.txt (Quizlet) as drafts into questions/vokabeln.yaml" in result.output
    questions = deck_questions(app, "vokabeln")
    assert [(q.answer, q.status) for q in questions] == [
        ("house", "draft"), ('"trees", also: wood', "draft"), ("street", "draft")]
    bank = (tmp_path / "questions" / "vokabeln.yaml").read_bytes()
    again = runner.invoke(args=["import", str(source)])
    assert again.exit_code == 0 and "nothing changed" in again.output
    assert (tmp_path / "questions" / "vokabeln.yaml").read_bytes() == bank


def test_cli_import_of_a_bad_file_names_the_lines_and_writes_nothing(app, runner, tmp_path):
    source = tmp_path / "kaputt.csv"
    source.write_text("question;answer\nWer?;Kim\n;Putin\nWo?;\n", encoding="utf-8")
    before = sorted(p.name for p in (tmp_path / "questions").iterdir())
    result = runner.invoke(args=["import", str(source)])
    assert result.exit_code == 1
    assert "error: kaputt.csv:3: question: is empty" in result.output
    assert "error: kaputt.csv:4: answer: is empty" in result.output
    assert "nothing was imported (2 problems)" in result.output
    assert sorted(p.name for p in (tmp_path / "questions").iterdir()) == before
    assert not (tmp_path / "seeds" / "kaputt.txt").exists()


def test_teacher_downloads_each_format_from_the_deck_page(client, teacher):
    page = client.get(f"/teacher/decks/{SEED}").get_data(as_text=True)
    assert 'id="lms-export"' in page and "QTI 2.1" in page
    moodle = client.get(f"/teacher/decks/{SEED}/export?format=moodle")
    assert moodle.status_code == 200 and moodle.data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    assert f"{SEED}-moodle.xml" in moodle.headers["Content-Disposition"]
    gift = client.get(f"/teacher/decks/{SEED}/export?format=gift&drafts=1")
    assert f"{SEED}-drafts.gift.txt" in gift.headers["Content-Disposition"]
    assert parse_gift(gift.get_data(as_text=True))
    qti = client.get(f"/teacher/decks/{SEED}/export?format=qti")
    assert "imsmanifest.xml" in zipfile.ZipFile(io.BytesIO(qti.data)).namelist()
    assert client.get(f"/teacher/decks/{SEED}/export?format=pdf").status_code == 404
    assert client.get("/teacher/decks/gibt-es-nicht/export?format=gift").status_code == 404


def test_teacher_uploads_a_quizlet_file_and_finds_the_drafts_in_the_review_queue(app, client, forms, teacher):
    response = forms.post("/teacher/import", {"upload": (io.BytesIO(QUIZLET.encode()), "Vokabeln Englisch.txt"),
                                              "language": "en"},
                          page="/teacher/import", content_type="multipart/form-data", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "3 cards imported as drafts" in page
    assert "Haus:" in page  # the review queue shows the new drafts
    with app.app_context():
        deck = db.session.get(Deck, "vokabeln-englisch")
        assert (deck.title, deck.language) == ("Vokabeln Englisch", "en")
    again = forms.post("/teacher/import", {"upload": (io.BytesIO(QUIZLET.encode()), "Vokabeln Englisch.txt"),
                                           "language": "en"},
                       page="/teacher/import", content_type="multipart/form-data", follow_redirects=True)
    assert "This file was imported before; nothing changed." in again.get_data(as_text=True)


def test_a_bad_upload_lists_its_problems_and_saves_nothing(app, client, forms, teacher, tmp_path):
    before = sorted(p.relative_to(tmp_path).as_posix() for p in Path(tmp_path).rglob("*.yaml"))
    response = forms.post("/teacher/import", {"upload": (io.BytesIO(b"Haus\thouse\nBaum tree\n"), "fehler.txt"),
                                              "language": "de"},
                          page="/teacher/import", content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Nothing was imported" in page and "fehler.txt:2: no tab between term and definition" in page
    assert sorted(p.relative_to(tmp_path).as_posix() for p in Path(tmp_path).rglob("*.yaml")) == before
    assert not (tmp_path / "seeds" / "fehler.txt").exists()
    missing = forms.post("/teacher/import", {"language": "de"}, page="/teacher/import", content_type="multipart/form-data")
    assert missing.status_code == 422 and "Choose a file." in missing.get_data(as_text=True)


def test_students_get_neither_page(client, auth, create_user, app):
    create_user("schueler")
    auth.login("schueler")
    assert client.get("/teacher/import").status_code == 403
    assert client.get(f"/teacher/decks/{SEED}/export?format=moodle").status_code == 403


def test_the_import_page_refuses_more_cards_than_load_within_the_worker_timeout(client, forms, teacher, tmp_path):
    rows = "".join(f"Wort {n}\tword {n}\n" for n in range(1001)).encode()
    response = forms.post("/teacher/import", {"upload": (io.BytesIO(rows), "gross.txt"), "language": "de"},
                          page="/teacher/import", content_type="multipart/form-data")
    assert response.status_code == 422
    assert "The file holds 1,001 cards; this page imports at most 1,000 at a time." in response.get_data(as_text=True)
    assert not (tmp_path / "questions" / "gross.yaml").exists()


def test_a_title_with_dots_names_the_deck(app, forms, teacher):
    forms.post("/teacher/import", {"upload": (io.BytesIO(QUIZLET.encode()), "x.txt"), "language": "de",
                                   "title": "Kap. 3: Verben"},
               page="/teacher/import", content_type="multipart/form-data")
    with app.app_context():
        assert db.session.get(Deck, "kap-3-verben").title == "Kap. 3: Verben"
