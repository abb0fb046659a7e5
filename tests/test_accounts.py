"""Usernames that look or read alike are one name; guessable passwords are refused (issue 12, 5 and 12)."""

from __future__ import annotations

import pytest

from quizapp.extensions import db
from quizapp.models import User
from quizapp.operations.users import dummy_password_hash

GERMAN = {"Accept-Language": "de"}
ENGLISH = {"Accept-Language": "en"}


def register(forms, username: str, password: str = "geheim123", headers=None):
    return forms.post("/auth/register", {"username": username, "password": password, "password2": password},
                      page="/auth/register", headers=headers or GERMAN)


def account_names(app) -> list[str]:
    with app.app_context():
        return sorted(db.session.scalars(db.select(User.username)))


@pytest.mark.parametrize("existing, look_alike", [
    ("Straße", "STRASSE"),
    ("anna", "ａｎｎａ"),  # full-width letters
    ("Anna", "aNNA"),
    ("ǅemal", "džemal"),  # one letter "ǅ" against "d" + "ž"
])
def test_a_name_that_reads_like_a_taken_one_is_taken(app, forms, create_user, existing, look_alike):
    create_user(existing)
    response = register(forms, look_alike)
    assert response.status_code == 200
    assert "Dieser Benutzername ist schon vergeben." in response.get_data(as_text=True)
    assert len(account_names(app)) == 1


@pytest.mark.parametrize("name", ["аnna", "pаypal", "Ωmega"])  # Cyrillic "а" / Greek "Ω" among Latin letters
def test_a_name_mixing_alphabets_is_refused_on_the_field(app, forms, name):
    page = register(forms, name).get_data(as_text=True)
    assert "Verwende Buchstaben aus nur einem Alphabet" in page
    assert page.index("Verwende Buchstaben") > page.index('id="username"')  # beside the username field
    english = register(forms, name, headers=ENGLISH).get_data(as_text=True)
    assert "Use letters of one alphabet only" in english
    assert account_names(app) == []


@pytest.mark.parametrize("name", ["анна", "Jürgen", "田中たろう", "anna_2.b-c"])
def test_names_in_one_alphabet_are_welcome(app, forms, name):
    assert register(forms, name).status_code == 302
    assert account_names(app) == [name]


def test_full_width_name_is_stored_plain(app, forms):
    assert register(forms, "ｍａｘ").status_code == 302
    assert account_names(app) == ["max"]


@pytest.mark.parametrize("typed", ["STRASSE", "strasse", "ＳＴＲＡＳＳＥ", " Straße "])
def test_login_with_any_spelling_of_the_name(client, auth, create_user, typed):
    create_user("Straße")
    assert auth.login(typed).status_code == 302
    assert client.get("/").status_code == 200


COMMON = ("Dieses Passwort gehört zu den häufigsten", "This password is one of the most common ones")
IS_NAME = ("Das Passwort darf nicht der Benutzername sein.", "The password must not be the username.")


@pytest.mark.parametrize("password, message_de, message_en", [
    ("12345678", *COMMON), ("passwort", *COMMON), ("Password1", *COMMON),
    ("bernhard.k", *IS_NAME), ("BERNHARD.K", *IS_NAME),
])
def test_guessable_passwords_are_refused_on_the_field(app, forms, password, message_de, message_en):
    page = register(forms, "bernhard.k", password).get_data(as_text=True)
    assert message_de in page
    assert page.index(message_de) > page.index('id="password"')  # beside the password field
    assert message_en in register(forms, "bernhard.k", password, headers=ENGLISH).get_data(as_text=True)
    assert account_names(app) == []


def test_create_user_command_refuses_a_common_password(app, runner):
    result = runner.invoke(args=["create-user", "frau-lehmann", "--teacher", "--password", "12345678"])
    assert result.exit_code != 0
    assert "most common" in result.output
    assert account_names(app) == []


def test_an_unknown_name_costs_a_password_check_as_a_known_one_does(app, auth, create_user):
    """No early answer for names that do not exist (benchmarks/login_timing.py measures the times)."""
    create_user("anna")
    dummy_password_hash.cache_clear()
    page = auth.login("niemand", "geheim123").get_data(as_text=True)
    assert "Falscher Benutzername oder falsches Passwort" in page
    assert dummy_password_hash.cache_info().misses == 1  # the stand-in hash was made and checked
    with app.app_context():
        real = db.session.scalar(db.select(User.password_hash).where(User.username == "anna"))
    assert dummy_password_hash().split("$")[0] == real.split("$")[0]  # same method and cost
    wrong_password = auth.login("anna", "falsch123").get_data(as_text=True)
    assert "Falscher Benutzername oder falsches Passwort" in wrong_password
