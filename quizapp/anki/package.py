"""Write decks to an .apkg file: reproducible bytes, and never a half-written file at the target path."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import secrets
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import genanki

from quizapp.anki.items import ExportDeck
from quizapp.anki.notes import epoch_seconds, item_note
from quizapp.anki.notetypes import STYLE_CHANGED_AT, anki_deck_id


class ExportError(Exception):
    """An export that cannot be written; the message says why, for the person who asked for it."""


def anki_deck_name(deck: ExportDeck) -> str:
    """All quizapp decks sit under one parent deck in Anki."""
    return "quizapp::" + deck.title.replace("::", ":")


def build_package(decks: Sequence[ExportDeck]) -> genanki.Package:
    """One Anki deck per article, one note per item."""
    anki_decks = []
    for deck in decks:
        anki_deck = genanki.Deck(anki_deck_id(deck.id), anki_deck_name(deck))
        for item in deck.items:
            anki_deck.add_note(item_note(item, deck.id, deck.title))
        anki_decks.append(anki_deck)
    return genanki.Package(anki_decks)


def package_timestamp(decks: Sequence[ExportDeck]) -> int:
    """The latest content change (or style change): the same data always gives the same file."""
    times = [item.changed_at for deck in decks for item in deck.items]
    return max([epoch_seconds(STYLE_CHANGED_AT), *(epoch_seconds(t) for t in times)])


def write_package(decks: Sequence[ExportDeck], path: str | os.PathLike, timestamp: int | None = None) -> int:
    """Write the decks to `path` through a temporary file beside it; returns the number of notes."""
    count = sum(len(deck.items) for deck in decks)
    if count == 0:
        raise ExportError("nothing to export: the chosen decks have no exportable questions")
    timestamp = package_timestamp(decks) if timestamp is None else timestamp
    target = Path(path)
    write_to_file(build_package(decks), target, timestamp)
    return count


def write_to_file(package: genanki.Package, target: Path, timestamp: int) -> None:
    """Like genanki's Package.write_to_file, but atomic, reproducible and without a leftover temp file."""
    part_name = target.parent / f".{target.name}.{secrets.token_hex(6)}.part"
    try:  # like mkstemp, but with the permissions the umask gives any new file, not 0600
        fd = os.open(part_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror}") from None
    os.close(fd)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            db_path = Path(scratch) / "collection.anki2"
            conn = sqlite3.connect(db_path)
            try:
                # A scratch file zipped right after: no journal, no fsync (a crash leaves no package anyway).
                conn.execute("PRAGMA journal_mode=OFF")
                conn.execute("PRAGMA synchronous=OFF")
                package.write_to_db(conn.cursor(), timestamp, itertools.count(timestamp * 1000))
                conn.commit()
            finally:
                conn.close()
            with zipfile.ZipFile(part_name, "w") as archive:
                with open(db_path, "rb") as source, archive.open(_entry("collection.anki2", timestamp), "w") as dest:
                    shutil.copyfileobj(source, dest, 1 << 20)
                archive.writestr(_entry("media", timestamp), "{}")
        os.replace(part_name, target)
    except OSError as exc:
        Path(part_name).unlink(missing_ok=True)
        raise ExportError(f"cannot write {target}: {exc.strerror}") from None
    except BaseException:
        Path(part_name).unlink(missing_ok=True)
        raise


def _entry(name: str, timestamp: int) -> zipfile.ZipInfo:
    """A zip entry with a fixed date, so the archive's bytes depend on the data only."""
    when = max(dt.datetime.fromtimestamp(timestamp, dt.UTC), dt.datetime(1980, 1, 1, tzinfo=dt.UTC))
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info._compresslevel = 1  # fast, and most of the size is gone at level 1 (public name only from 3.13 on)
    return info
