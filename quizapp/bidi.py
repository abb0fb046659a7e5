"""Bidirectional-text controls, which reorder what stands around them; dropped wherever user text is shown."""

from __future__ import annotations

# Embeddings, overrides (U+202E turns "neb" into what reads as "ben"), isolates and the direction marks.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DROP = dict.fromkeys(map(ord, BIDI_CONTROLS))


def without_bidi_controls(text: str) -> str:
    """The text in its stored (logical) order; right-to-left letters stay and keep their own direction.

    >>> without_bidi_controls("\\u202eneb"), without_bidi_controls("سارة")
    ('neb', 'سارة')
    """
    return text.translate(_DROP)


def isolated(text: str) -> str:
    """Plain text between FSI and PDI, for places that take no markup (a page title, a flash message):
    right-to-left letters or an override in it cannot reorder what stands beside it.

    >>> isolated("\\u202eneb") == "\\u2068neb\\u2069"
    True
    """
    return f"\u2068{without_bidi_controls(text)}\u2069"
