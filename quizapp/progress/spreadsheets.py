"""The class results and a learner's history as .xlsx: translated headings, local times, real numbers."""

from __future__ import annotations

import re

from flask import Response, current_app
from flask_babel import gettext as _

from quizapp.analytics.days import local_time
from quizapp.analytics.xlsxfile import DATE_TIME, INTEGER, PERCENT, SECONDS, Column, xlsx_bytes

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_response(data: bytes | str, filename: str, mimetype: str) -> Response:
    """A file to download (CSV or workbook); security.py marks every download private, no-store."""
    filename = re.sub(r"[^A-Za-z0-9_.-]", "_", filename)
    return Response(data, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def xlsx_response(data: bytes, filename: str) -> Response:
    return download_response(data, filename, XLSX_MIMETYPE)


def results_xlsx(rows: list[tuple]) -> bytes:
    """Rows of `results_table()` as a workbook."""
    tz = current_app.config["TIMEZONE"]
    columns = [Column(_("Student"), width=18), Column(_("Deck"), width=24),
               Column(_("Items answered"), INTEGER), Column(_("Items in deck"), INTEGER),
               Column(_("Answers"), INTEGER), Column(_("Right answers"), INTEGER),
               Column(_("Accuracy"), PERCENT),
               Column(_("Mastered"), INTEGER), Column(_("Last active"), DATE_TIME, width=16)]
    return xlsx_bytes(_("Class results"), columns, [(*row[:8], local_time(row[8], tz)) for row in rows])


def history_xlsx(rows: list[tuple]) -> bytes:
    """Rows of `history_table()` as a workbook; time taken in seconds."""
    tz = current_app.config["TIMEZONE"]
    verdicts = {"right": _("right"), "almost": _("almost right"), "wrong": _("wrong")}
    columns = [Column(_("Answered at"), DATE_TIME, width=16), Column(_("Deck"), width=24),
               Column(_("Question id"), width=18), Column(_("Question"), width=60),
               Column(_("Answer"), width=24),
               Column(_("Result")), Column(_("Time taken (s)"), SECONDS)]
    return xlsx_bytes(_("My answers"), columns, [
        (local_time(when, tz), deck, qid, text, given, verdicts.get(verdict, verdict),
         taken / 1000 if taken is not None else None)
        for when, deck, qid, text, given, verdict, taken in rows])
