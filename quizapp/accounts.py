"""Rules for usernames and passwords, shared by the forms and the CLI (no Flask, no database).

The problem texts are English message ids; the forms translate them with gettext, the CLI prints them.
"""

from __future__ import annotations

import secrets
import unicodedata
from functools import lru_cache

from confusable_homoglyphs import categories

# Scripts that are written together: Japanese mixes Han, Hiragana and Katakana; Korean Han and Hangul.
# Latin may join them (UTS #39 "highly restrictive"). Any other mix of scripts is refused.
MIXES_ALLOWED = [
    {"LATIN", "HAN", "HIRAGANA", "KATAKANA"},
    {"LATIN", "HAN", "HANGUL"},
    {"LATIN", "HAN", "BOPOMOFO"},
]
SCRIPTLESS = {"COMMON", "INHERITED"}  # digits, '.', '-', '_', combining marks

MIXED_SCRIPTS = "Use letters of one alphabet only (no look-alike letters from another one)."
NAME_TOO_LONG = "This username is too long."
COMMON_PASSWORD = "This password is one of the most common ones; choose another."
PASSWORD_IS_USERNAME = "The password must not be the username."


def clean_username(name: str) -> str:
    """The name as stored and shown: without surrounding spaces, full-width letters made plain (NFKC).

    >>> clean_username(' ａｎｎａ ')
    'anna'
    """
    return unicodedata.normalize("NFKC", name.strip())


def username_key(name: str) -> str:
    """The form two names share when they look or read alike: NFKC, then case folded ("ß" is "ss").

    >>> username_key('Straße') == username_key('STRASSE') == username_key('ｓｔｒａｓｓｅ')
    True
    """
    return unicodedata.normalize("NFKC", clean_username(name).casefold())


def mixes_scripts(name: str) -> bool:
    """True when letters of different alphabets meet in a name, e.g. a Cyrillic "а" among Latin ones.

    >>> mixes_scripts('аnna'), mixes_scripts('anna_2'), mixes_scripts('Jürgen'), mixes_scripts('анна')
    (True, False, False, False)
    """
    scripts = categories.unique_aliases(clean_username(name)) - SCRIPTLESS
    return len(scripts) > 1 and not any(scripts <= allowed for allowed in MIXES_ALLOWED)


def username_problem(name: str) -> str | None:
    """Why this name cannot be registered (apart from being taken), or None."""
    if mixes_scripts(name):
        return MIXED_SCRIPTS
    if len(username_key(name)) > 64:
        return NAME_TOO_LONG
    return None


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The 30,000 most common passwords of zxcvbn's list (MIT licence, shipped in its package)."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS  # 1 MB of lists: read on first use only

    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password: str, username: str) -> str | None:
    """Why this password may not be used by this user, or None.

    >>> password_problem('12345678', 'anna') == COMMON_PASSWORD
    True
    >>> password_problem('ANNA.Berg', 'anna.berg') == PASSWORD_IS_USERNAME
    True
    >>> password_problem('Flusspferd-im-Juli', 'anna') is None
    True
    """
    if username and username_key(password) == username_key(username):
        return PASSWORD_IS_USERNAME
    if password.lower() in common_passwords():
        return COMMON_PASSWORD
    return None


# Letters and digits that cannot be mistaken for one another when read off a slip of paper (no 0/O, 1/I/L).
RESET_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_reset_code() -> str:
    """A one-time code to log in with once: 12 characters (about 59 bits) in three groups of four.

    >>> code = new_reset_code()
    >>> len(code), code.count("-"), normal_reset_code(code.lower()) == code.replace("-", "")
    (14, 2, True)
    """
    letters = "".join(secrets.choice(RESET_CODE_ALPHABET) for _ in range(12))
    return "-".join(letters[i:i + 4] for i in (0, 4, 8))


def normal_reset_code(typed: str) -> str:
    """The code as typed, without case, spaces and dashes: "abcd efgh-jkmn" is "ABCDEFGHJKMN".

    >>> normal_reset_code(" abcd efgh-jkmn ")
    'ABCDEFGHJKMN'
    """
    return "".join(ch for ch in typed.upper() if ch not in " -")
