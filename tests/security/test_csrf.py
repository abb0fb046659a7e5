"""Every state-changing URL refuses a request without a valid CSRF token, including those added later."""

from __future__ import annotations

from tests.conftest import csrf_token_from
from tests.security.conftest import log_in
from tests.security.support import STATE_CHANGING, build_url, methods_of


def state_changing_requests(app, world):
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        for method in methods_of(rule):
            if method in STATE_CHANGING:
                yield method, build_url(app, rule, world), rule.endpoint


def test_there_are_state_changing_urls_to_check(app, world):
    endpoints = {endpoint for _, _, endpoint in state_changing_requests(app, world)}
    assert {"auth.login", "auth.logout", "quiz.answer", "quiz.start"} <= endpoints


def test_every_state_changing_request_needs_a_token(app, world, client, forms):
    log_in(forms, "tina")  # a teacher, so that nothing is refused for lack of rights instead
    accepted = []
    for method, url, endpoint in state_changing_requests(app, world):
        response = client.open(url, method=method, data={"username": "tina", "password": "geheim123"})
        if response.status_code != 400:
            accepted.append(f"{method} {url} ({endpoint}) -> {response.status_code}")
    assert not accepted, "state-changing requests accepted without a CSRF token:\n" + "\n".join(accepted)


def test_a_forged_token_is_refused_too(app, world, client, forms):
    log_in(forms, "anna")
    real = csrf_token_from(client.get("/").get_data(as_text=True))
    forged = real[:-4] + ("AAAA" if not real.endswith("AAAA") else "BBBB")
    for method, url, endpoint in state_changing_requests(app, world):
        response = client.open(url, method=method, data={"csrf_token": forged})
        assert response.status_code == 400, f"{method} {url} ({endpoint}) took a forged token"


def test_a_token_from_another_session_is_refused(app, world, forms):
    log_in(forms, "anna")
    stolen = csrf_token_from(forms.client.get("/").get_data(as_text=True))
    other = app.test_client()
    log_in(type(forms)(other), "ben")
    response = other.post(f"/decks/{world.deck_id}/start", data={"csrf_token": stolen})
    assert response.status_code == 400
    assert "Traceback" not in response.get_data(as_text=True)
