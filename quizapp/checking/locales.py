"""The deck's language as a Babel locale, resolved once per language."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError


@lru_cache(maxsize=64)
def locale_for(language: str) -> Locale:
    """The Babel locale for a language tag such as "de", "de-AT" or "en_GB".

    >>> locale_for("de-AT")
    Locale('de', territory='AT')
    >>> locale_for("xx")
    Traceback (most recent call last):
    ...
    ValueError: unknown language 'xx'
    """
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"unknown language {language!r}") from None
