"""Spreadsheets that open right in German (or any) Excel: real numbers, real dates, a frozen header row."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# Excel's built-in formats show dates and decimals in the reader's own regional style (22.10.2025 10:00 in
# German Excel), so no locale is written into the file.
DATE_TIME = "m/d/yy h:mm"
PERCENT = "0.0%"
SECONDS = "0.0"
INTEGER = "0"


@dataclass(frozen=True)
class Column:
    """A column: its (translated) heading, the Excel number format of its cells, its width in characters."""

    heading: str
    number_format: str | None = None
    width: int = 14


def xlsx_bytes(sheet: str, columns: Sequence[Column], rows: Iterable[Sequence[object]]) -> bytes:
    """The workbook as bytes: one sheet, bold headings, datetimes as Excel dates (give them local and naive).

    >>> data = xlsx_bytes("Test", [Column("Wann", DATE_TIME), Column("Anteil", PERCENT)],
    ...                   [(dt.datetime(2025, 3, 20, 10, 0), 0.5)])
    >>> data[:2]
    b'PK'
    """
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet[:31])  # Excel's limit on sheet names
    ws.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    bold = Font(bold=True)
    ws.append([styled(ws, column.heading, None, bold) for column in columns])
    for row in rows:
        ws.append([styled(ws, value, column.number_format) for value, column in zip(row, columns)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def styled(ws, value: object, number_format: str | None, font: Font | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # openpyxl would store it as a formula; a student's answer "=1+1" stays text
    if number_format and isinstance(value, (int, float, dt.datetime)):
        cell.number_format = number_format
    if font is not None:
        cell.font = font
    return cell
