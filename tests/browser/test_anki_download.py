"""A student clicks the Anki download on the deck list and gets a package Anki imports."""

import pytest
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.models import Question

from tests.anki.support import CLASS_BANK, CLASS_DECK

pytestmark = pytest.mark.browser


@pytest.fixture
def questions_dir(tmp_path):
    """One known deck, independent of the seed deck."""
    target = tmp_path / "questions"
    target.mkdir()
    (target / f"{CLASS_DECK}.yaml").write_text(CLASS_BANK, encoding="utf-8")
    return target


def test_download_button_gives_a_package_anki_imports(app, create_user, live_server, page, artifacts, tmp_path):
    pytest.importorskip("anki.collection", reason="the test extra installs PyPI 'anki'")
    from tests.anki.support import AnkiCollection

    create_user("lena")
    page.goto(live_server + "/auth/login")
    page.get_by_label("Benutzername").fill("lena")
    page.get_by_label("Passwort").fill("geheim123")
    page.get_by_role("button", name="Anmelden").click()
    link = page.get_by_role("link", name="Für Anki herunterladen")
    expect(link).to_be_visible()
    page.screenshot(path=str(artifacts / "anki-download-deck-list.png"), full_page=True)

    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == f"{CLASS_DECK}.apkg"
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    collection = AnkiCollection(tmp_path / "collection.anki2")
    try:
        log = collection.import_package(path)
        with app.app_context():
            approved = db.session.query(Question).filter_by(status="approved", in_file=True).count()
        assert len(log.new) == approved == collection.col.note_count()
    finally:
        collection.col.close()
