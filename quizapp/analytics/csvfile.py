"""CSV text that spreadsheets open safely: no bidi controls, and a cell that starts like a formula is text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from quizapp.bidi import without_bidi_controls

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Numbers stay numbers; bidi controls go; text a spreadsheet would run as a formula gets an apostrophe.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell(-3), safe_cell("Tumen"), safe_cell("\u202e=1+1")
    ("'=HYPERLINK(1)", -3, 'Tumen', "'=1+1")
    """
    if not isinstance(value, str):
        return value
    # In a spreadsheet bidi controls reorder the cell and can hide a formula start behind them; a CSV cell
    # has no markup to isolate them with, so they go (first, so the formula check sees what a sheet sees).
    value = without_bidi_controls(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_text(header: list[str], rows: Iterable[Iterable[object]]) -> str:
    """The whole file as text, with a header row and Excel-friendly line endings."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return out.getvalue()
