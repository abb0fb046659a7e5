"""Stable question ids from the fact: the source sentence and the answer, not positions."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping

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


def content_fingerprint(item: Mapping) -> str:
    """A short hash of everything an item asks and offers, its status and this fingerprint left out.

    The generator stores it in the item as `generated`. While an item's content still hashes to it, no
    teacher has edited the item, so a later run may refresh it (or drop it if it is a draft the generator
    no longer makes); an edit by hand or in the browser changes the hash and the item is the teacher's.

    >>> content_fingerprint({"id": "x", "type": "cloze", "text": "{{c1::Tumen}}", "status": "draft"})
    '7951c9a3bc1d'
    >>> content_fingerprint({"status": "approved", "text": "{{c1::Tumen}}", "type": "cloze", "id": "x"})
    '7951c9a3bc1d'
    """
    content = {str(key): _plain(value) for key, value in item.items() if key not in ("status", "generated")}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _plain(value):
    """Plain JSON values from YAML nodes (ruamel's maps, sequences and quoted strings)."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)
