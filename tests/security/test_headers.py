"""Security headers on every answer, cookie flags, HTTPS mode and the proxy setting."""

from __future__ import annotations

import pytest

from quizapp import create_app
from quizapp.security import CONTENT_SECURITY_POLICY


def set_cookie(response, name: str) -> str:
    for header in response.headers.getlist("Set-Cookie"):
        if header.startswith(f"{name}="):
            return header
    raise AssertionError(f"no {name} cookie set")


@pytest.mark.parametrize("path", ["/auth/login", "/", "/healthz", "/no-such-page", "/static/style.css"])
def test_every_response_has_security_headers(client, path):
    response = client.get(path)
    response.close()  # a static file answer holds the file open
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP: HSTS would be a lie


def test_policy_forbids_inline_code_and_framing():
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY


def test_session_cookie_is_httponly_and_lax(client, auth, create_user):
    create_user("anna")
    cookie = set_cookie(auth.login(), "session")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_https_mode_sets_secure_cookies_and_hsts(app_config, tmp_path, create_user):
    app = create_app({**app_config, "HTTPS": True}, instance_path=str(tmp_path / "instance"))
    client = app.test_client()
    response = client.get("/auth/login", base_url="https://school.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Secure" in set_cookie(response, "session")
    assert app.config["REMEMBER_COOKIE_SECURE"] is True


def test_https_flag_from_environment(monkeypatch):
    from quizapp.config import apply_environment

    config: dict = {}
    monkeypatch.setenv("QUIZAPP_HTTPS", "1")
    monkeypatch.setenv("QUIZAPP_PROXY_FIX", "1")
    monkeypatch.setenv("QUIZAPP_REDIS_URL", "redis://127.0.0.1:6379/0")
    apply_environment(config)
    assert config == {"HTTPS": True, "PROXY_FIX": 1, "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0",
                      "JOBS_REDIS_URL": "redis://127.0.0.1:6379/0"}  # the same Redis carries the job queue


def test_proxy_fix_trusts_one_proxy_for_scheme(app_config, tmp_path):
    """Behind an HTTPS proxy the app builds https:// links and counts the learner's address, not the proxy's."""
    app = create_app({**app_config, "PROXY_FIX": 1}, instance_path=str(tmp_path / "instance"))
    response = app.test_client().get("/", headers={"X-Forwarded-Proto": "https",
                                                   "X-Forwarded-Host": "quiz.school.example"})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login")
    assert "Strict-Transport-Security" in response.headers  # the request was secure at the proxy


def test_without_proxy_fix_forwarded_headers_are_ignored(client):
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in response.headers


def test_a_signed_in_users_pages_and_downloads_are_not_stored_but_static_files_are(client, auth, create_user):
    """Shared classroom PCs: the next user must not find the last one's pages or CSV in the browser cache.

    (tests/security/test_access.py checks the header on every URL rule for a student and a teacher.)
    """
    create_user("anna")
    assert "no-store" not in client.get("/auth/login").headers.get("Cache-Control", "")
    auth.login()
    for path in ("/", "/history.csv", "/no-such-page"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "private, no-store", path
    static = client.get("/static/style.css")
    static.close()
    assert "no-store" not in static.headers.get("Cache-Control", "")
    again = client.get("/static/style.css", headers={"If-None-Match": static.headers["ETag"]})
    again.close()
    assert again.status_code == 304  # still cached and revalidated
    auth.logout()
    assert "no-store" not in client.get("/auth/login").headers.get("Cache-Control", "")
