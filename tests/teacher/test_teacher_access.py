"""Only teachers: students get 403 on every teacher page and action, visitors are sent to log in."""

from __future__ import annotations

import pytest

from .conftest import DRAFTS


def teacher_urls(app) -> list[tuple[str, str]]:
    """(method, url) of every rule of the teacher blueprint, with real ids filled in."""
    values = {"deck_id": "nordkorea-russland", "question_id": DRAFTS[0], "job_id": "0" * 32}
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if not rule.endpoint.startswith("teacher."):
                continue
            url = rule.build({k: values[k] for k in rule.arguments}, append_unknown=False)[1]
            urls.extend((method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"}))
    return urls


def test_every_teacher_rule_is_covered(app):
    endpoints = {url for _, url in teacher_urls(app)}
    assert len(endpoints) >= 8


def test_students_get_403_everywhere(app, student, client, forms, deck_file):
    before = deck_file.read_bytes()
    token = forms.token("/")
    for method, url in teacher_urls(app):
        data = {"csrf_token": token, "status": "approved", "content_hash": "x", "show_drafts": "true",
                "text": "x", "source_sentence": "x", "save": "1"}
        response = client.open(url, method=method, data=data if method == "POST" else None)
        assert response.status_code == 403, (method, url)
    assert deck_file.read_bytes() == before


def test_visitors_are_sent_to_log_in(app, client, deck_file):
    for method, url in teacher_urls(app):
        response = client.open(url, method=method)
        assert response.status_code in (302, 400), (method, url)  # POSTs without a CSRF token are 400
        if response.status_code == 302:
            assert "/auth/login" in response.headers["Location"]


def test_the_nav_link_is_for_teachers_only(app, auth, client, create_user, deck_file):
    create_user("schueler")
    create_user("lehrerin", teacher=True)
    auth.login("schueler")
    assert "/teacher/" not in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login("lehrerin")
    assert 'href="/teacher/"' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/teacher/decks/nope", "/teacher/questions/nope/edit", "/teacher/decks/nope/yaml"])
def test_unknown_decks_and_items_are_404(teacher, client, url):
    assert client.get(url).status_code == 404
