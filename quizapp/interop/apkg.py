"""Anki packages (.apkg): basic and cloze notes, and the notes of quizapp's own export, back into cards.

An .apkg is a zip holding an SQLite collection: `collection.anki21b` (zstd-compressed, Anki 2.1.50 and
later), `collection.anki21` or `collection.anki2`. Every note becomes one card: a note whose first field has
cloze gaps is a cloze card, any other note is its first field as the prompt and its second as the answer.
Notes of quizapp's own note types keep their stem, options, explanation, context, article sentence, kind
and tags. Fields are HTML: tags are removed, entities decoded; images and sounds are left out (the teacher
is told how many), as are the package's media files.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from quizapp.interop.cards import Card, CardReader, ImportFailed, ImportProblem, has_gaps

QUIZAPP_CLOZE_MODEL_ID = 1_742_118_301  # quizapp/anki/notetypes.py: frozen ids of quizapp's note types
QUIZAPP_MCQ_MODEL_ID = 1_742_118_302
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
MAX_COLLECTION_BYTES = 200_000_000  # a decompressed collection; larger ones are refused

MEDIA_RE = re.compile(r"<img\b[^>]*>|\[sound:[^\]]*\]", re.IGNORECASE)
BREAK_RE = re.compile(r"<br\s*/?>|</(?:div|p|li)>", re.IGNORECASE)
TAG_RE = re.compile(r"<[^>]*>")
OPTION_RE = re.compile(r"<li\b[^>]*>(.*?)</li>", re.IGNORECASE | re.DOTALL)


def field_text(value: str) -> str:
    """An Anki field's HTML as plain text: line breaks kept, tags dropped, entities decoded.

    >>> field_text("Haus&nbsp;&amp; Hof<br>Garten <b>x</b>")
    'Haus & Hof\\nGarten x'
    """
    text = TAG_RE.sub("", BREAK_RE.sub("\n", value))
    text = html.unescape(text).replace("\xa0", " ")
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _collection_bytes(package: zipfile.ZipFile, file: str) -> bytes:
    """The SQLite bytes of the package's newest collection (decompressed), at most MAX_COLLECTION_BYTES."""
    too_large = ImportFailed([ImportProblem(file, 0, "", "the collection in the package is larger than "
                                                         f"{MAX_COLLECTION_BYTES // 1_000_000} MB")])
    names = set(package.namelist())
    for name in COLLECTIONS:
        if name not in names:
            continue
        info = package.getinfo(name)
        if not name.endswith("21b"):
            if info.file_size > MAX_COLLECTION_BYTES:
                raise too_large
            return package.read(info)
        import zstandard

        chunks, size = [], 0
        with package.open(info) as raw, zstandard.ZstdDecompressor().stream_reader(raw) as reader:
            while chunk := reader.read(1 << 20):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_COLLECTION_BYTES:
                    raise too_large
        return b"".join(chunks)
    raise ImportFailed([ImportProblem(file, 0, "", "no Anki collection in the package (is it an .apkg file?)")])


def _field_names(db: sqlite3.Connection) -> dict[int, list[str]]:
    """Field names per note type id, from the old `col.models` JSON or the newer `fields` table."""
    tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
    if "fields" in tables:
        names: dict[int, list[str]] = {}
        for ntid, name in db.execute("select ntid, name from fields order by ntid, ord"):
            names.setdefault(ntid, []).append(name)
        return names
    models = json.loads(db.execute("select models from col").fetchone()[0] or "{}")
    return {int(mid): [f["name"] for f in model.get("flds", [])] for mid, model in models.items()}


def read_apkg(path: str | Path, file: str) -> tuple[list[Card], list[str]]:
    """The cards of an Anki package (ImportFailed for a file that is none), and notices for the teacher."""
    reader = CardReader(file)
    try:
        with zipfile.ZipFile(path) as package:
            media = [n for n in package.namelist() if n.isdigit()]
            data = _collection_bytes(package, file)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ImportFailed([ImportProblem(file, 0, "", f"not an Anki package (.apkg): {exc}")]) from None
    except Exception as exc:  # zstandard's errors for a damaged anki21b
        if isinstance(exc, ImportFailed):
            raise
        raise ImportFailed([ImportProblem(file, 0, "", f"the collection cannot be read: {exc}")]) from None
    with tempfile.TemporaryDirectory() as scratch:
        collection = Path(scratch) / "collection.sqlite"
        collection.write_bytes(data)
        db = sqlite3.connect(collection)
        try:
            fields = _field_names(db)
            notes = db.execute("select id, mid, flds, tags from notes order by id").fetchall()
        except sqlite3.DatabaseError as exc:
            raise ImportFailed([ImportProblem(file, 0, "", f"the collection cannot be read: {exc}")]) from None
        finally:
            db.close()
    stripped = 0
    for number, (_, mid, flds, tags) in enumerate(notes, 1):
        values = flds.split("\x1f")
        if any(MEDIA_RE.search(v) for v in values):
            stripped += 1
            values = [MEDIA_RE.sub("", v) for v in values]
        named = dict(zip(fields.get(mid, []), values))
        _note(reader, number, mid, values, named, tags.split())
    if media or stripped:
        reader.notices.append(f"{len(media)} media files and the images or sounds of {stripped} notes were "
                              "left out: quizapp items are text only")
    return reader.finish(), reader.notices


def _note(reader: CardReader, number: int, mid: int, values: list[str], named: dict[str, str],
          tags: list[str]) -> None:
    """One note as a card; `number` (the note's place in the collection) stands in for a line."""
    kind = next((t[len("kind::"):] for t in tags if t.startswith("kind::")), None)
    own_tags = tuple(t for t in tags if not t.startswith(("quizapp::", "status::", "kind::")))
    extra = dict(kind=reader.kind(kind, number), tags=own_tags)
    if mid == QUIZAPP_MCQ_MODEL_ID:
        options = [field_text(o) for o in OPTION_RE.findall(named.get("Options", ""))]
        answer = field_text(named.get("Answer", ""))
        distractors = tuple(o for o in options if o != answer)
        stem = reader.plain(field_text(named.get("Stem", "")), number, "Stem")
        if stem and answer and distractors:
            reader.cards.append(Card("mcq", stem, number, answer=answer, distractors=distractors,
                                     **_quizapp_fields(named, "Explanation"), **extra))
        elif stem:
            reader.problem(number, "Options", "a multiple-choice note needs an answer and a wrong option")
        return
    first = reader.plain(field_text(values[0]) if values else "", number, _name(named, 0), gaps_allowed=True)
    if first is None:
        return
    if has_gaps(first):
        more = _quizapp_fields(named, "Extra") if mid == QUIZAPP_CLOZE_MODEL_ID else {
            "explanation": reader.plain(field_text(values[1]), number, _name(named, 1), required=False)
            if len(values) > 1 else None}
        reader.cards.append(Card("cloze", first, number, **more, **extra))
        return
    answer = reader.plain(field_text(values[1]) if len(values) > 1 else "", number, _name(named, 1))
    if answer is not None:
        reader.add_basic(number, first, answer, answer_field=_name(named, 1), **extra)


def _name(named: dict[str, str], index: int) -> str:
    names = list(named)
    return names[index] if index < len(names) else f"field {index + 1}"


def _quizapp_fields(named: dict[str, str], explanation: str) -> dict:
    """Explanation, context and article sentence of a note quizapp exported."""
    return {"explanation": field_text(named.get(explanation, "")) or None,
            "source_context": field_text(named.get("Context", "")) or None,
            "source_sentence": field_text(named.get("Source", "")) or None}
