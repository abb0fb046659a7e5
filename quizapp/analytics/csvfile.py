"""CSV text that spreadsheets open safely: a cell that starts like a formula is quoted as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Numbers stay numbers; text that a spreadsheet would run as a formula gets a leading apostrophe.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell(-3), safe_cell("Tumen")
    ("'=HYPERLINK(1)", -3, 'Tumen')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: list[str], rows: Iterable[Iterable[object]]) -> str:
    """The whole file as text, with a header row and Excel-friendly line endings."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return out.getvalue()
