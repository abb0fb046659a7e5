"""Hardening that every response gets: security headers, HTTPS cookies, proxy headers, rate limits."""

from __future__ import annotations

from flask import Flask, Response, current_app, g, request, session
from flask_login import current_user
from markupsafe import Markup, escape
from werkzeug.middleware.proxy_fix import ProxyFix

from quizapp.accounts import username_key
from quizapp.bidi import isolated, without_bidi_controls
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
# A signed-in page or a download must not stay in a shared PC's (or a proxy's) cache for the next user.
NO_STORE = "private, no-store"


def register_security(app: Flask) -> None:
    """Bind the rate limiter, trust the configured proxies and add the headers to every response."""
    if app.config.get("HTTPS"):
        app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True,
                          PREFERRED_URL_SCHEME="https")
    proxies = int(app.config.get("PROXY_FIX") or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    limiter.init_app(app)
    app.add_template_filter(isolate, "bdi")
    app.add_template_filter(isolate_text, "isolate_text")

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if app.config.get("HTTPS") or request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        if must_not_be_stored(response):
            response.headers["Cache-Control"] = NO_STORE
        return response


def must_not_be_stored(response: Response) -> bool:
    """Every answer to a signed-in user and every download; static files (the same for all) keep caching."""
    if request.endpoint == "static":
        return False
    if response.headers.get("Content-Disposition", "").startswith("attachment"):
        return True
    user = g.get("_login_user")  # loaded by Flask-Login if the request asked; else no query just for this
    if user is not None:
        return user.is_authenticated
    remember_cookie = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
    return "_user_id" in session or remember_cookie in request.cookies


def isolate(text: object) -> Markup:
    """User text (names, typed answers, titles) in <bdi>, without bidi controls: right-to-left letters in it
    cannot reorder what stands beside it, and an override cannot make "neb" read as "ben"."""
    if text is None:
        text = ""
    if not isinstance(text, Markup):  # our own translated words are Markup already, and carry no controls
        text = without_bidi_controls(str(text))
    return Markup("<bdi>{}</bdi>").format(text)


def isolate_text(text: str) -> Markup:
    """The same where no markup may go (the page <title>): between FSI and PDI characters instead."""
    if isinstance(text, Markup):  # the rendered, escaped block: dropping characters adds no markup
        return Markup(isolated(str(text)))
    return escape(isolated(text))


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


def logged_in_account() -> str:
    """Count the account page's password checks (change, delete) per account: a stolen session must not
    try passwords without limit."""
    return f"account|{getattr(current_user, 'id', None) or request.remote_addr or '-'}"


def address_and_username() -> str:
    """Count login tries per client address and username: one class behind one router still logs in."""
    username = username_key((request.form.get("username") or "")[:64])  # "ANNA", "ａｎｎａ": one counter
    return f"{request.remote_addr or '-'}|{username}"
