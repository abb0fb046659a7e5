"""Every limit a bank file must keep, defined once: the checker, the database columns and the forms use these.

A value the checker accepts always fits its column, so a file `quizapp validate` passes also loads.
"""

from __future__ import annotations

import re

DECK_ID_CHARS = 64
DECK_TITLE_CHARS = 300
LANGUAGE_CHARS = 8
SOURCE_PATH_CHARS = 500
SOURCE_DATE_CHARS = 32
SOURCE_URL_CHARS = 1000
ATTRIBUTION_CHARS = 300  # who published the article: "DER STANDARD"
LICENCE_CHARS = 100  # under which licence: "CC BY-NC-SA"
FILE_NAME_CHARS = 500
QUESTION_ID_CHARS = 128
QUESTION_TYPE_CHARS = 16
QUESTION_STATUS_CHARS = 16
KIND_CHARS = 64
FACT_KEY_CHARS = 64
OFFSET_MAX = 2**31 - 1  # source start/end are 32-bit integer columns

# Sizes a teacher page handles in one request, measured to finish well inside gunicorn's 60 s timeout
# (docs/deployment.md, "Input sizes"): benchmarks/input_limits.py measured on the 2-core development machine
# under load (load average 9) a new deck from a 50 KB article in 14 s (383 items) and a whole-file save of a
# 500 KB bank (924 items) in 15 s; 250 KB articles took 99 s and 1 MB banks about 30 s. The limits leave a
# margin of four for slower machines and busy moments.
BANK_MAX_BYTES = 500_000  # a bank file, read from disk or pasted into the deck editor
ARTICLE_MAX_BYTES = 50_000  # an article in seeds/: the new-deck form, `generate`, the checks that read it

# NUL and lone surrogates: PostgreSQL cannot store the first, UTF-8 cannot encode the second
UNSTORABLE_RE = re.compile("[\x00\ud800-\udfff]")


def unstorable_character(text: str) -> str | None:
    """A description of the first character no database column can hold, or None.

    >>> unstorable_character("Kim\\x00"), unstorable_character("Kim")
    ('U+0000', None)
    """
    found = UNSTORABLE_RE.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"
