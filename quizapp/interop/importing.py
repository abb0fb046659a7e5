"""An import file in, cards out: which format it is, and its text decoded."""

from __future__ import annotations

import io
from pathlib import PurePath

from quizapp.interop.apkg import read_apkg
from quizapp.interop.cards import Card, ImportFailed, ImportProblem
from quizapp.interop.csvdeck import looks_like_csv_deck, read_csv_deck
from quizapp.interop.quizlet import read_quizlet

IMPORT_MAX_BYTES = 20_000_000  # an upload or file; an Anki package with media may be large


def detect_format(name: str, data: bytes) -> str:
    """`apkg` for a zip, `csv` for text whose first line is a CSV deck header, else `quizlet`."""
    if data[:4] == b"PK\x03\x04" or PurePath(name).suffix.lower() in (".apkg", ".colpkg"):
        return "apkg"
    head = data[:4096].decode("utf-8", "replace")
    return "csv" if looks_like_csv_deck(head) else "quizlet"


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark is fine); ImportFailed naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFailed([ImportProblem(name, line, "", "the file is not UTF-8 text; save it as UTF-8 "
                                                          "(in Excel: \"CSV UTF-8\")")]) from None


def read_cards(data: bytes, name: str, file_format: str | None = None, term_separator: str | None = None,
               row_separator: str | None = None) -> tuple[list[Card], list[str], str]:
    """(cards, notices, format) of an import file; ImportFailed with every problem found."""
    if len(data) > IMPORT_MAX_BYTES:
        raise ImportFailed([ImportProblem(name, 0, "", f"the file is larger than "
                                                       f"{IMPORT_MAX_BYTES // 1_000_000} MB")])
    file_format = file_format or detect_format(name, data)
    if file_format == "apkg":
        cards, notices = read_apkg(io.BytesIO(data), name)
    elif file_format == "csv":
        cards, notices = read_csv_deck(decode_text(data, name), name)
    elif file_format == "quizlet":
        cards, notices = read_quizlet(decode_text(data, name), name, term_separator, row_separator)
    else:
        raise ValueError(f"unknown import format {file_format!r}")
    return cards, notices, file_format
