"""The running app picks up a good edit of a bank file, ignores a bad one and says why."""

from __future__ import annotations

import re

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import BankLoadError, Question

GOOD_OLD = "{{c1::4,5::Zahl}} Tonnen schweren"
GOOD_NEW = "{{c1::4,5::Zahl}} Tonnen schweren (neu)"


def home_page(client) -> str:
    """The student's deck list (titles and question counts), without CSRF tokens (they carry a timestamp)."""
    page = client.get("/").get_data(as_text=True)
    decks = re.search(r'<ul class="decks">.*?</ul>', page, re.S).group(0)
    return re.sub(r'name="csrf_token" value="[^"]*"', "", decks)


def question_text(app, question_id="nkru-raketentest-sprengkopf") -> str:
    with app.app_context():
        return db.session.get(Question, question_id).text


def test_a_good_edit_is_picked_up_without_a_restart(app, student, client, deck_file):
    deck_file.write_text(deck_file.read_text().replace(GOOD_OLD, GOOD_NEW))
    client.get("/")
    assert "(neu)" in question_text(app)


def test_a_bad_edit_is_ignored_and_shown_to_teachers(app, auth, client, forms, create_user, deck_file):
    create_user("schueler")
    create_user("lehrerin", teacher=True)
    auth.login("schueler")
    before = home_page(client)
    bad = deck_file.read_text().replace(GOOD_OLD, GOOD_NEW).replace("    answer: Tumen\n", "    answer: Amur\n")
    deck_file.write_text(bad)
    assert home_page(client) == before  # students keep the last valid version
    assert "(neu)" not in question_text(app)
    auth.logout()
    auth.login("lehrerin")
    forms.post("/language/en", page="/")
    page = client.get("/teacher/").get_data(as_text=True)
    assert "Bank files with errors" in page
    assert "questions/nordkorea-russland.yaml:" in page and "answer &#34;Amur&#34; is also a distractor" in page


def test_every_worker_sees_the_errors_and_a_fix_clears_them(app, app_config, tmp_path, student, client, deck_file):
    good = deck_file.read_text()
    deck_file.write_text(good.replace("  language: de", "  language: fr"))
    client.get("/")
    other_worker = create_app(dict(app_config, SYNC_BANKS_ON_START=False),
                              instance_path=str(tmp_path / "instance"))
    with other_worker.app_context():
        assert [e.message for e in db.session.scalars(db.select(BankLoadError))] == [
            "deck: language 'fr' is not supported (use one of: de, en)"]
        db.session.remove()
        db.engine.dispose()
    deck_file.write_text(good.replace(GOOD_OLD, GOOD_NEW))
    client.get("/")
    with app.app_context():
        assert db.session.scalars(db.select(BankLoadError)).all() == []
    assert "(neu)" in question_text(app)


def test_a_removed_file_hides_its_deck(app, student, client, deck_file):
    deck_file.unlink()
    assert "Nordkorea" not in client.get("/").get_data(as_text=True)
