"""The new-deck form queues a job; its page shows progress without JavaScript, errors, a retry; the form
takes its title from the headline and keeps an uploaded file's text when it refuses the submit."""

from __future__ import annotations

import datetime as dt
import html
import io
import re

from quizapp.extensions import db
from quizapp.models import Job

from .test_new_deck import ARTICLE, URL, finished_job_page, make_deck

HEADLINE = "Der Bodensee: Größter See Deutschlands"


def test_the_title_defaults_to_the_articles_headline_as_written(teacher, forms, tmp_path):
    response = make_deck(forms, {"title": "", "text": f"{HEADLINE}\n{ARTICLE}"})
    assert response.status_code == 303, response.get_data(as_text=True)
    assert response.headers["Location"] == "/teacher/review?deck=der-bodensee-groesster-see-deutschlands"
    bank = (tmp_path / "questions" / "der-bodensee-groesster-see-deutschlands.yaml").read_text()
    assert f"title: '{HEADLINE}'" in bank or f"title: {HEADLINE}" in bank


def test_the_form_says_the_headline_becomes_the_title_and_the_text_box_is_tall(teacher, forms):
    page = forms.client.get(URL).get_data(as_text=True)
    assert "Left empty, the title is the article’s first line (its headline)." in page
    assert 'class="card new-deck"' in page  # teacher.css: .new-deck textarea#text { min-height: 22rem }


def test_an_uploaded_file_survives_a_refused_submit(teacher, forms, tmp_path):
    """The title is taken: the error sits under the title, and the file's text waits in the text box."""
    response = forms.post(URL, {"title": "Nordkorea Russland", "text": "",
                                "upload": (io.BytesIO(ARTICLE.encode()), "bodensee.txt")},
                          page=URL, content_type="multipart/form-data")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert re.search(r'id="title"[^>]*>\s*<p class="error" role="alert">There is already', page)
    assert "Der Bodensee ist mit 536 Quadratkilometern" in page.split('id="text"')[1].split("</textarea>")[0]
    assert "The text of your file bodensee.txt is in the box above" in page
    text = re.search(r'<textarea[^>]*id="text"[^>]*>\r?\n?(.*?)</textarea>', page, re.S).group(1)  # as browsers
    again = make_deck(forms, {"title": "Der Bodensee", "text": html.unescape(text)})
    assert again.headers["Location"] == "/teacher/review?deck=der-bodensee"
    assert (tmp_path / "seeds" / "der-bodensee.txt").read_text() == ARTICLE


def waiting_job(app, **fields) -> str:
    """A queued job that no worker was told about (as if its worker were busy elsewhere)."""
    from quizapp.operations.jobs import queue_job

    with app.app_context():
        job = queue_job("new_deck", ARTICLE, "Der Bodensee", None, "en")
        for name, value in fields.items():
            setattr(job, name, value)
        db.session.commit()
        return job.id


def test_a_waiting_job_shows_its_progress_and_refreshes_without_javascript(app, teacher, client):
    job_id = waiting_job(app)
    page = client.get(f"/teacher/jobs/{job_id}").get_data(as_text=True)
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert re.search(r'role="status"[^>]*>Waiting for a free worker…</p>', page)
    assert "<progress" in page and "Title: <bdi>Der Bodensee</bdi>" in page
    status = client.get(f"/teacher/jobs/{job_id}/status").get_json()
    assert status == {"state": "queued", "message": "Waiting for a free worker…", "error": None, "next": None}


def test_a_job_whose_worker_died_is_offered_again_and_its_retry_makes_the_deck(app, teacher, forms, tmp_path):
    long_ago = dt.datetime(2020, 1, 1)
    job_id = waiting_job(app, state="running", stage="generating", updated_at=long_ago)
    url = f"/teacher/jobs/{job_id}"
    page = forms.client.get(url).get_data(as_text=True)
    assert "The job stopped without finishing (its worker was restarted); nothing was saved." in page
    assert "<noscript>" not in page and "Try again" in page
    done = finished_job_page(forms, forms.post(f"{url}/retry", page=url))
    assert done.headers["Location"] == "/teacher/review?deck=der-bodensee"
    with app.app_context():
        job = db.session.get(Job, job_id)
        assert (job.state, job.result, job.attempts, job.article) == ("done", "der-bodensee", 1, "")


def test_a_failed_job_can_be_changed_and_sent_again(app, teacher, forms, tmp_path):
    failed = make_deck(forms, {"title": "Le lac", "text": "Le lac de Constance est le plus grand lac.\n"})
    assert failed.status_code == 200
    page = failed.get_data(as_text=True)
    assert "The deck could not be made" in page and "seeds/le-lac.txt: unsupported language" in page
    assert "Try again" not in page  # the same French text would fail the same way
    link = re.search(r'href="(/teacher/decks/new\?job=\w+)"', page).group(1)
    form = forms.client.get(link).get_data(as_text=True)
    assert 'value="Le lac"' in form and "Le lac de Constance est le plus grand lac." in form
    assert not (tmp_path / "seeds" / "le-lac.txt").exists()


def test_the_job_page_speaks_german(app, teacher, forms, tmp_path):
    forms.post("/language/de", page="/")
    job_id = waiting_job(app, locale="de")
    page = forms.client.get(f"/teacher/jobs/{job_id}").get_data(as_text=True)
    assert "Wartet, bis ein Arbeitsprozess frei ist …" in page and "Diese Seite aktualisiert sich" in page
    failed = make_deck(forms, {"title": "Le lac", "text": "Le lac de Constance est le plus grand lac.\n"})
    page = failed.get_data(as_text=True)
    assert "Das Deck konnte nicht erstellt werden" in page and "Artikel oder Titel ändern" in page


def test_students_cannot_see_a_teachers_job(app, student, client):
    job_id = waiting_job(app)
    assert client.get(f"/teacher/jobs/{job_id}").status_code == 403
