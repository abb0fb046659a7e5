"""Stable question ids from the fact: the source sentence and the answer, not positions."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slug(text: str, limit: int = 24) -> str:
    """Lowercase ASCII words joined by "-".

    >>> slug("Kim Jong Un"), slug("Flugabwehrraketen"), slug("15.000"), slug("Pjöngjang")
    ('kim-jong-un', 'flugabwehrraketen', '15-000', 'pjoengjang')
    """
    text = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATION))
    text = text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:limit].rstrip("-") or "x"


def question_id(deck_id: str, item_type: str, sentence: str, answer: str) -> str:
    """The id of an item: the deck, the answer readable, and a hash of type, sentence and answer.

    >>> question_id("nordkorea-russland", "cloze", "Der Fluss heißt Tumen.", "Tumen")
    'nordkorea-russland-tumen-39dd4687'
    """
    key = "\x1f".join((item_type, " ".join(sentence.split()), answer))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{deck_id}-{slug(answer)}-{digest}"
