"""One call per export format: the file's bytes, its name and media type, and what was left out."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.interop.exporting import ExportedDeck
from quizapp.interop.gift import gift_text
from quizapp.interop.moodle import moodle_xml
from quizapp.interop.qti import qti_package


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    file_name: str
    mimetype: str
    skipped: tuple[str, ...] = ()  # item ids the format cannot hold


def export_file(deck: ExportedDeck, file_format: str) -> ExportFile:
    """The deck in one of EXPORT_FORMATS."""
    if file_format == "moodle":
        return ExportFile(moodle_xml(deck), f"{deck.id}-moodle.xml", "application/xml")
    if file_format == "gift":
        gift = gift_text(deck)
        return ExportFile(gift.text.encode("utf-8"), f"{deck.id}.gift.txt", "text/plain; charset=utf-8",
                          gift.skipped)
    if file_format == "qti":
        return ExportFile(qti_package(deck), f"{deck.id}-qti21.zip", "application/zip")
    raise ValueError(f"unknown export format {file_format!r}")
