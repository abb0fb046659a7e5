"""Helpers for the security tests: URLs filled with real ids, and finding inline code in HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from werkzeug.routing import Rule

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>\s*\S", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*\sstyle\s*=", re.IGNORECASE | re.DOTALL)
HANDLER_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE | re.DOTALL)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def inline_code_in_template(html: str) -> list[str]:
    """What a Content-Security-Policy without 'unsafe-inline' would block, found in template source."""
    found = []
    for name, pattern in [("inline <script> body", INLINE_SCRIPT), ("<style> element", INLINE_STYLE),
                          ("style= attribute", STYLE_ATTRIBUTE), ("on*= handler attribute", HANDLER_ATTRIBUTE),
                          ("javascript: URL", JAVASCRIPT_URL)]:
        for match in pattern.finditer(html):
            line = html.count("\n", 0, match.start()) + 1
            found.append(f"{name} at line {line}: {html[match.start():match.end() + 40]!r}")
    return found


class InlineCodeFinder(HTMLParser):
    """Finds inline scripts, styles, handlers and javascript: URLs in a served page, as a browser parses it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.open_script = False

    def handle_starttag(self, tag, attrs):
        where = f"line {self.getpos()[0]}: <{tag}>"
        names = {name.lower(): value or "" for name, value in attrs}
        if tag == "script":
            self.open_script = "src" not in names
        if tag == "style":
            self.found.append(f"<style> element at {where}")
        for name, value in names.items():
            if name.startswith("on"):
                self.found.append(f"on*= handler attribute {name} at {where}")
            elif name == "style":
                self.found.append(f"style= attribute at {where}")
            elif name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                self.found.append(f"javascript: URL at {where}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.open_script = False

    def handle_data(self, data):
        if self.open_script and data.strip():
            self.found.append(f"inline <script> body at line {self.getpos()[0]}: {data.strip()[:60]!r}")


def found_by(finder, html: str) -> list[str]:
    finder.feed(html)
    finder.close()
    return finder.found


def inline_code(html: str) -> list[str]:
    """What a Content-Security-Policy without 'unsafe-inline' would block in this served page."""
    return found_by(InlineCodeFinder(), html)


def url_values(world) -> dict:
    """Values for URL parameters by name: real ids from the `world` fixture."""
    return {
        "deck_id": world.deck_id,
        "question_id": world.question_id,
        "run_id": world.other_run_id,  # someone else's: a student must not reach it
        "user_id": world.other_user_id,
        "student_id": world.other_user_id,
        "code": "en",
        "class_id": world.class_id,
        "assignment_id": world.assignment_id,
        "join_code": world.join_code,
        "game_id": world.game_id,
        "pin": world.pin,
        "player_id": world.player_id,
        "filename": "style.css",
        "job_id": world.job_id,
    }


def build_url(app, rule: Rule, world) -> str:
    """The rule's URL with every parameter filled, or AssertionError naming the unknown parameter."""
    values = url_values(world)
    missing = sorted(set(rule.arguments) - set(values))
    assert not missing, (
        f"URL rule {rule.rule} ({rule.endpoint}) has parameter(s) {missing} that the security tests "
        "cannot fill: add a real value for them to url_values() in tests/security/support.py"
    )
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **{name: values[name] for name in rule.arguments})


def methods_of(rule: Rule) -> list[str]:
    return sorted(set(rule.methods or ()) - {"HEAD", "OPTIONS"}, key=lambda m: (m != "GET", m))


BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
NOT_SHOWN_AS_TEXT = {"title", "script", "style", "textarea", "option"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def reorders(text: str) -> bool:
    """Does the text hold a bidi control or right-to-left letters, which reorder what stands beside them?"""
    import unicodedata

    return any(ch in BIDI_CONTROLS or unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


class BidiFinder(HTMLParser):
    """Text that could reorder its surroundings, shown outside a <bdi> or an element with dir= (isolated)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, isolates)

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append((tag, tag == "bdi" or any(name == "dir" for name, _ in attrs)))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        if any(tag in NOT_SHOWN_AS_TEXT for tag, _ in self.open) or any(iso for _, iso in self.open):
            return
        if reorders(data):
            where = " > ".join(tag for tag, _ in self.open[-3:])
            self.found.append(f"line {self.getpos()[0]} in {where}: {data.strip()[:60]!r}")


def unisolated_bidi(html: str) -> list[str]:
    """Right-to-left text in this served page that is not isolated from what stands beside it."""
    return found_by(BidiFinder(), html)
