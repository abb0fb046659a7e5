"""New deck from an article: pasted or uploaded text, generated drafts in the review queue."""

from __future__ import annotations

import io
import re

from werkzeug.test import encode_multipart

from quizapp.extensions import db
from quizapp.jobs import own_worker
from quizapp.models import Deck

URL = "/teacher/decks/new"

ARTICLE = (
    "date 2025-03 Der Bodensee ist mit 536 Quadratkilometern der größte See Deutschlands. "
    "Der Rhein fließt bei Bregenz in den See und verlässt ihn bei Stein am Rhein. "
    "Im Jahr 2019 besuchten mehr als 10.000 Taucher den Überlinger See. "
    "Die Stadt Konstanz hat rund 85.000 Einwohner und liegt direkt an der Grenze zur Schweiz.\n"
)


def finished_job_page(forms, queued):
    """The job page once the job that this form post queued has run (the in-process worker's thread)."""
    assert queued.status_code == 303, queued.get_data(as_text=True)
    assert queued.headers["Location"].startswith("/teacher/jobs/")
    assert own_worker(forms.client.application).wait(120), "the job did not finish in 2 minutes"
    return forms.client.get(queued.headers["Location"])


def make_deck(forms, data: dict, **kwargs):
    """Post the new-deck form and follow its job to the end: the review queue, or the job page's error."""
    return finished_job_page(forms, forms.post(URL, data, page=URL, **kwargs))


def test_pasted_article_becomes_a_deck_of_drafts_in_the_review_queue(app, teacher, client, forms, tmp_path):
    queued = forms.post(URL, {"title": "Der Bodensee", "text": ARTICLE}, page=URL)
    waiting = client.get(queued.headers["Location"])  # the job page answers at once, whatever the job's state
    assert waiting.status_code in (200, 303)
    response = finished_job_page(forms, queued)
    assert response.status_code == 303, response.get_data(as_text=True)
    assert response.headers["Location"] == "/teacher/review?deck=der-bodensee"
    assert (tmp_path / "seeds" / "der-bodensee.txt").read_text() == ARTICLE
    bank = (tmp_path / "questions" / "der-bodensee.yaml").read_text()
    assert "path: seeds/der-bodensee.txt" in bank and "title: Der Bodensee" in bank
    statuses = set(re.findall(r"^    status: (\w+)$", bank, re.M))
    assert statuses == {"draft"}
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert page.count('class="card review-item"') == bank.count("  - id: ")
    with app.app_context():
        deck = db.session.get(Deck, "der-bodensee")
        assert deck.title == "Der Bodensee" and len(deck.questions) >= 2


def test_uploaded_article_works_too(teacher, forms, tmp_path):
    response = make_deck(forms, {"upload": (io.BytesIO(ARTICLE.encode()), "see.txt"), "text": ""},
                         content_type="multipart/form-data")
    assert response.status_code == 303, response.get_data(as_text=True)
    assert list((tmp_path / "seeds").glob("der-bodensee-ist-mit-536*.txt"))


def test_no_text_or_a_taken_name_changes_nothing(teacher, forms, tmp_path):
    before = sorted(p.name for p in (tmp_path / "questions").iterdir())
    response = forms.post("/teacher/decks/new", {"title": "x", "text": "  "}, page="/teacher/decks/new")
    assert response.status_code == 422 and "Paste the article or choose a file." in response.get_data(as_text=True)
    response = forms.post("/teacher/decks/new", {"title": "2025-07 Nordkorea Russland", "text": ARTICLE},
                          page="/teacher/decks/new")
    assert response.status_code == 422
    assert re.search(r'id="title"[^>]*>\s*<p class="error" role="alert">There is already an article or deck '
                     r"named &#39;2025-07-nordkorea-russland&#39;", response.get_data(as_text=True))
    assert sorted(p.name for p in (tmp_path / "questions").iterdir()) == before
    assert not (tmp_path / "seeds" / "2025-07-nordkorea-russland.txt").read_text() == ARTICLE


def test_an_article_over_the_limit_gets_a_message_beside_the_field(teacher, forms, tmp_path):
    """51 KB pasted (over the 50 KB a worker generates in time): the form says so, nothing is written."""
    before = sorted(p.name for p in (tmp_path / "questions").iterdir())
    long_text = ARTICLE * (51_000 // len(ARTICLE) + 1)
    # multipart, as the browser sends this form (it has a file field); encoded here, in memory
    boundary, body = encode_multipart({"csrf_token": forms.token("/teacher/decks/new"), "title": "Lang",
                                       "text": long_text})
    response = forms.client.post("/teacher/decks/new", data=body,
                                 content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert re.search(r'class="error"[^>]*>The article is larger than 50 KB; split it into several', page)
    assert sorted(p.name for p in (tmp_path / "questions").iterdir()) == before
    assert not (tmp_path / "seeds" / "lang.txt").exists()


def test_a_request_larger_than_any_form_gets_a_friendly_413(teacher, forms, tmp_path):
    response = forms.post("/teacher/decks/new", {"title": "riesig", "text": "x" * (9 * 1024 * 1024)},
                          page="/teacher/decks/new", headers={"Accept-Language": "en"})
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "too large (at most 8 MB)" in page and "Traceback" not in page
    assert not (tmp_path / "seeds" / "riesig.txt").exists()
