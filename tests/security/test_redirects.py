"""`next=` only ever leads somewhere on this site."""

from __future__ import annotations

import pytest

from quizapp.i18n import is_local_url

OUTSIDE = [
    "//evil.example/", "///evil.example", "https://evil.example/", "http:evil.example", "javascript:alert(1)",
    "/\\evil.example", "\\\\evil.example", "evil.example", "", None, " //evil.example", "data:text/html,x",
    "\t//evil.example", "/\t/evil.example", "/\n/evil.example", "/\r/evil.example",
]
INSIDE = ["/", "/runs/3", "/decks/a/anki.apkg?weak=1", "/auth/login?next=/"]


@pytest.mark.parametrize("target", OUTSIDE)
def test_foreign_or_odd_targets_are_refused(target):
    assert not is_local_url(target)


@pytest.mark.parametrize("target", INSIDE)
def test_paths_on_this_site_are_allowed(target):
    assert is_local_url(target)


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/x", "/\\evil.example"])
def test_login_ignores_foreign_next(forms, create_user, target):
    create_user("anna")
    response = forms.post("/auth/login", {"username": "anna", "password": "geheim123", "next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_login_follows_local_next(forms, create_user):
    create_user("anna")
    response = forms.post("/auth/login", {"username": "anna", "password": "geheim123", "next": "/?x=1"})
    assert response.headers["Location"] == "/?x=1"


def test_language_switch_ignores_foreign_next(forms):
    response = forms.post("/language/en", {"next": "//evil.example/"})
    assert response.status_code == 302
    assert "evil" not in response.headers["Location"]
