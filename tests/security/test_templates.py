"""Templates carry no inline code, so the Content-Security-Policy needs no 'unsafe-inline'."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.support import inline_code, inline_code_in_template

PACKAGE = Path(__file__).resolve().parents[2] / "quizapp"
TEMPLATES = sorted(p for p in PACKAGE.rglob("*.html") if "templates" in p.parts)


def test_templates_are_found():
    assert any(p.name == "base.html" for p in TEMPLATES)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_template_has_no_inline_code(path):
    found = inline_code_in_template(path.read_text(encoding="utf-8"))
    assert not found, (
        f"{path.relative_to(PACKAGE)} has inline code that the Content-Security-Policy blocks; move it to a "
        "file in quizapp/static/ (scripts: addEventListener in a .js file; styles: a class in style.css):\n"
        + "\n".join(found)
    )


@pytest.mark.parametrize("html, problem", [
    ("<script>alert(1)</script>", "inline <script>"),
    ("<script type='module'>\n import x</script>", "inline <script>"),
    ('<p style="color: red">', "style="),
    ("<style>p {}</style>", "<style>"),
    ('<button\n  onclick="go()">', "on*="),
    ('<a href="javascript:go()">', "javascript:"),
])
def test_inline_code_is_recognised(html, problem):
    assert any(problem in finding for finding in inline_code_in_template(html))
    assert any(problem in finding for finding in inline_code(html))


@pytest.mark.parametrize("html", [
    '<script src="/static/quiz.js" defer></script>', "<p>style=bold is a word here</p>",
    '<input data-onclick="x">', '<a href="/one">one</a>',
])
def test_harmless_markup_passes(html):
    assert inline_code_in_template(html) == []
    assert inline_code(html) == []


def test_escaped_handlers_in_attribute_values_are_only_text():
    assert inline_code('<input value="&#34; onfocus=&#34;alert(1)&#34;">') == []
