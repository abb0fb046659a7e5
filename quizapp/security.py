"""Hardening that every response gets: security headers, HTTPS cookies, proxy headers, rate limits."""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

from quizapp.accounts import username_key
from quizapp.extensions import limiter

# No 'unsafe-inline' anywhere: templates carry no inline scripts, styles or on*= handlers
# (tests/security/test_templates.py keeps it that way); everything comes from /static.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
HSTS = "max-age=31536000"


def register_security(app: Flask) -> None:
    """Bind the rate limiter, trust the configured proxies and add the headers to every response."""
    if app.config.get("HTTPS"):
        app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True,
                          PREFERRED_URL_SCHEME="https")
    proxies = int(app.config.get("PROXY_FIX") or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    limiter.init_app(app)

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if app.config.get("HTTPS") or request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response


def login_rate_limit() -> str:
    """The configured login limit (read per request, so tests and deployments can change it)."""
    return current_app.config["LOGIN_RATE_LIMIT"]


def login_failure_rate_limit() -> str:
    """The configured limit on failed logins per client address, whichever accounts they tried."""
    return current_app.config["LOGIN_FAILURE_RATE_LIMIT"]


def login_failed(response: Response) -> bool:
    """A login form sent back instead of a redirect: wrong name or password (or an empty field)."""
    return request.method == "POST" and response.status_code == 200


def register_rate_limit() -> str:
    return current_app.config["REGISTER_RATE_LIMIT"]


def address_and_username() -> str:
    """Count login tries per client address and username: one class behind one router still logs in."""
    username = username_key((request.form.get("username") or "")[:64])  # "ANNA", "ａｎｎａ": one counter
    return f"{request.remote_addr or '-'}|{username}"
