"""A new deck is made whole or not at all, even when the worker is stopped mid-way (issue 12, finding 6).

A job's worker may be stopped in the middle (RQ's timeout, a shutdown: SystemExit); these tests raise that
SystemExit at the two places a job can be stopped, and check that a retry of the failed job works.
"""

from __future__ import annotations

import pytest

from quizapp.bank.write import read_bank
from quizapp.extensions import db
from quizapp.models import Deck

from .test_new_deck import ARTICLE, URL, finished_job_page, make_deck


def stop_worker(*args, **kwargs):
    raise SystemExit(1)


def post_new_deck(forms, title: str = "Der Bodensee", text: str = ARTICLE):
    """The form posted and its job run: the review queue (303) or the job page with its error (200)."""
    return make_deck(forms, {"title": title, "text": text})


def leftovers(tmp_path) -> list[str]:
    return sorted(p.name for p in (tmp_path / "seeds").iterdir() if "bodensee" in p.name) + \
        sorted(p.name for p in (tmp_path / "questions").iterdir() if "bodensee" in p.name)


@pytest.mark.parametrize("where", ["quizapp.generation.pipeline.make_items",
                                   "quizapp.teacher.files.sync_and_record"])
def test_a_worker_stopped_mid_way_leaves_nothing_and_the_title_can_be_used_again(
        app, teacher, forms, tmp_path, monkeypatch, where):
    with monkeypatch.context() as patch:
        patch.setattr(where, stop_worker)
        failed = post_new_deck(forms)
    assert failed.status_code == 200
    page = failed.get_data(as_text=True)
    assert "The worker was stopped before the job finished; nothing was saved." in page
    assert leftovers(tmp_path) == []
    job_url = failed.request.path
    retried = finished_job_page(forms, forms.post(f"{job_url}/retry", page=job_url))
    assert retried.status_code == 303, retried.get_data(as_text=True)
    assert retried.headers["Location"] == "/teacher/review?deck=der-bodensee"
    assert leftovers(tmp_path) == ["der-bodensee.txt", "der-bodensee.yaml"]


def test_a_retry_after_a_worker_killed_between_article_and_bank_works(app, teacher, forms, tmp_path):
    """SIGKILL gives no chance to clean up: the article alone is left; the same text again makes the deck."""
    (tmp_path / "seeds" / "der-bodensee.txt").write_text(ARTICLE, encoding="utf-8")
    response = post_new_deck(forms)
    assert response.status_code == 303, response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Deck, "der-bodensee").source_path == "seeds/der-bodensee.txt"
    assert (tmp_path / "seeds" / "der-bodensee.txt").read_text(encoding="utf-8") == ARTICLE


def test_a_deck_of_that_name_saved_meanwhile_by_someone_else_is_kept(teacher, forms, tmp_path, monkeypatch):
    """Another teacher's identical bank lands while this request generates: refused, and theirs stays."""
    from quizapp.teacher import new_deck

    def draft_and_race(*args):
        deck_id, text = real(*args)
        (tmp_path / "questions" / f"{deck_id}.yaml").write_text(text, encoding="utf-8")
        return deck_id, text

    real = new_deck.draft_bank
    monkeypatch.setattr(new_deck, "draft_bank", draft_and_race)
    response = post_new_deck(forms)
    assert response.status_code == 200
    assert "There is already an article or deck named" in response.get_data(as_text=True)
    assert leftovers(tmp_path) == ["der-bodensee.yaml"]


def test_someone_elses_article_of_that_name_is_never_replaced(app, teacher, forms, tmp_path):
    mine = "date 2025-01 Der Bodensee ist im Winter kalt und im Sommer warm, sagt die Stadt Konstanz.\n"
    (tmp_path / "seeds" / "der-bodensee.txt").write_text(mine, encoding="utf-8")
    response = forms.post(URL, {"title": "Der Bodensee", "text": ARTICLE}, page=URL)  # refused by the form
    assert response.status_code == 422
    assert "There is already an article or deck named" in response.get_data(as_text=True)
    assert (tmp_path / "seeds" / "der-bodensee.txt").read_text(encoding="utf-8") == mine
    assert not (tmp_path / "questions" / "der-bodensee.yaml").exists()


def test_a_bank_the_database_refuses_leaves_neither_article_nor_bank(app, teacher, forms, tmp_path):
    """A second deck whose item ids are taken by a deck loaded meanwhile: refused, nothing stays."""
    first = post_new_deck(forms)
    assert first.status_code == 303
    bank = tmp_path / "questions" / "der-bodensee.yaml"
    text, _ = read_bank(bank)
    (tmp_path / "questions" / "kopie.yaml").write_text(text.replace("id: der-bodensee\n", "id: kopie\n", 1))
    bank.unlink()
    (tmp_path / "seeds" / "der-bodensee.txt").unlink()
    forms.client.get("/teacher/")  # the copy (same item ids) is loaded now
    response = post_new_deck(forms)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert 'class="error" role="alert"' in response.get_data(as_text=True)
    assert leftovers(tmp_path) == []


def test_a_bank_over_the_limit_is_refused_at_the_field_and_nothing_is_saved(teacher, forms, deck_file):
    before = deck_file.read_bytes()
    _, sha = read_bank(deck_file)
    url = "/teacher/decks/nordkorea-russland/yaml"
    text = before.decode() + "# " + "x" * 510_000 + "\n"
    response = forms.post(url, {"text": text, "file_sha256": sha, "save": "1"}, page=url)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "The bank file is larger than 500 KB; split it into several decks." in page
    assert deck_file.read_bytes() == before


def test_a_generation_error_names_the_article_without_the_server_path(teacher, forms, tmp_path):
    """A French article: the message names seeds/<name>.txt, not the folder the server runs in."""
    response = post_new_deck(forms, "Le lac", "Le lac de Constance est le plus grand lac de la région.\n")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "seeds/le-lac.txt: unsupported language" in page and str(tmp_path) not in page
