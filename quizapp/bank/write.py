"""Write changes back into a bank file: only the edited block changes, every other byte stays."""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import ScalarString

from quizapp.bank.limits import BANK_MAX_BYTES
from quizapp.bank.reading import read_regular_file

QUESTION_ORDER = ("id", "type", "text", "answer", "distractors", "accept", "explanation", "source", "fact",
                  "kind", "tags", "status", "generated")
SOURCE_ORDER = ("sentence", "start", "end", "context")
DECK_ORDER = ("id", "title", "language", "source", "show_drafts", "archived")
DECK_SOURCE_ORDER = ("path", "date", "url", "attribution", "licence")
# (mapping indent, sequence indent, dash offset): the layouts bank files are written in
LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 4, 0))


class FileChanged(Exception):
    """The file on disk is not the version the editor started from."""


class NotEditable(Exception):
    """The file is not a bank this module can change (not a mapping, or the item is not in it)."""


def sha256_of(data: bytes | str) -> str:
    """Digest that tells whether a file changed since an editor loaded it."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def read_bank(path: str | Path) -> tuple[str, str]:
    """The file's text and the sha256 of its bytes (OSError for a file that is no bank)."""
    raw = read_regular_file(path, BANK_MAX_BYTES)
    return raw.decode("utf-8-sig"), sha256_of(raw)


def save_bank(path: str | Path, text: str, expected_sha256: str | None) -> str:
    """Replace the file via a temp file and rename; refuse if it changed since `expected_sha256`.

    `expected_sha256` None means the file must not exist yet. Returns the new file's sha256.
    """
    path = Path(path)
    data = text.encode("utf-8")
    with _unchanged(path, expected_sha256) as current:
        mode = path.stat().st_mode & 0o777 if current is not None else 0o644
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return sha256_of(data)


def delete_bank(path: str | Path, expected_sha256: str) -> None:
    """Remove a bank file, refusing (FileChanged) if it is no longer the version the teacher confirmed."""
    path = Path(path)
    with _unchanged(path, expected_sha256):
        path.unlink()


@contextmanager
def _unchanged(path: Path, expected_sha256: str | None):
    """Hold the directory's lock while the file is `expected_sha256` (None: absent); yield its digest."""
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(dir_fd, fcntl.LOCK_EX)  # two saves in this directory never interleave
        try:
            current = sha256_of(read_regular_file(path, BANK_MAX_BYTES))
        except FileNotFoundError:
            current = None
        if current != expected_sha256:
            raise FileChanged(path.name)
        yield current
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)  # closing releases the lock


def set_question_fields(text: str, question_id: str, changes: dict) -> str:
    """The file text with one question's keys changed (None deletes a key; `source` takes a dict)."""
    data = _load(text)
    questions, index = _find_question(data, question_id)
    layout = _best_layout(text, data, ("questions", index))
    for key, value in changes.items():
        if key == "source" and isinstance(value, dict):
            _apply(questions[index]["source"], value, SOURCE_ORDER)
        else:
            _apply(questions[index], {key: value}, QUESTION_ORDER)
    return _splice(text, data, ("questions", index), layout)


def set_deck_fields(text: str, changes: dict) -> str:
    """The file text with keys of the `deck:` block changed."""
    data = _load(text)
    if not isinstance(data.get("deck"), CommentedMap):
        raise NotEditable("the file has no 'deck' block")
    layout = _best_layout(text, data, ("deck",))
    deck = data["deck"]
    for key, value in changes.items():
        if key == "source" and isinstance(value, dict) and isinstance(deck.get("source"), CommentedMap):
            _apply(deck["source"], value, DECK_SOURCE_ORDER)
        else:
            _apply(deck, {key: value}, DECK_ORDER)
    return _splice(text, data, ("deck",), layout)


def add_question(text: str, item: dict) -> str:
    """The file text with one new item appended to `questions`, written like the items before it."""
    data = _load(text)
    questions = data.get("questions")
    if not isinstance(questions, CommentedSeq):
        raise NotEditable("the file has no list of questions")
    new = CommentedMap()
    _apply(new, {key: item[key] for key in QUESTION_ORDER if key in item}, QUESTION_ORDER)
    if "source" in new:
        source = new["source"]
        new["source"] = CommentedMap((k, source[k]) for k in SOURCE_ORDER if source.get(k) is not None)
    last = questions[-1] if questions and isinstance(questions[-1], CommentedMap) else {}
    seqs = [v for v in last.values() if isinstance(v, CommentedSeq)]
    if seqs and not seqs[0].fa.flow_style():  # lists written as blocks in the items before it
        for value in new.values():
            if isinstance(value, CommentedSeq):
                value.fa.set_block_style()
    layout = _best_layout(text, data, ("questions", len(questions) - 1)) if questions else LAYOUTS[0]
    spaced = _blank_between_items(text, data)
    questions.append(new)
    if len(questions) == 1 or list(data)[-1] != "questions":
        return _dump(data, layout)  # an empty list or keys after it: write the file anew (comments stay)
    dumped = _dump(data, layout)
    first_line = _yaml(layout).load(dumped)["questions"].lc.item(len(questions) - 1)[0]
    block = dumped.splitlines(keepends=True)[first_line:]
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    gap = newline if spaced else ""
    result = text.rstrip("\r\n") + newline + gap + "".join(line.rstrip("\r\n") + newline for line in block)
    return result if _plain(_yaml().load(result)) == _plain(data) else dumped


def remove_question(text: str, question_id: str) -> str:
    """The file text without one item (its lines, up to the next item, go; every other byte stays)."""
    data = _load(text)
    questions, index = _find_question(data, question_id)
    lines = text.splitlines(keepends=True)
    start, end = _region(data, ("questions", index), len(lines))
    del questions[index]
    if not questions:
        return _dump(data, _best_layout(text, _load(text), ("questions", 0)))
    result = "".join(lines[:start] + lines[end:])
    return result if _plain(_yaml().load(result)) == _plain(data) else _dump(data, LAYOUTS[0])


def _find_question(data: CommentedMap, question_id: str) -> tuple[CommentedSeq, int]:
    """The questions list and the item's index in it (NotEditable when the file has no such item)."""
    questions = data.get("questions")
    index = next((i for i, q in enumerate(questions or ()) if isinstance(q, CommentedMap)
                  and str(q.get("id")) == question_id), None)
    if index is None:
        raise NotEditable(f"question '{question_id}' is not in the file")
    return questions, index


def _blank_between_items(text: str, data: CommentedMap) -> bool:
    """Whether the file separates its items with a blank line."""
    questions = data["questions"]
    if len(questions) < 2:
        return False
    lines = text.splitlines()
    return not lines[questions.lc.item(1)[0] - 1].strip()


def _yaml(layout: tuple[int, int, int] = LAYOUTS[0]) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long sentence onto two lines
    yaml.indent(mapping=layout[0], sequence=layout[1], offset=layout[2])
    return yaml


def _load(text: str) -> CommentedMap:
    try:
        data = _yaml().load(text)
    except (YAMLError, ValueError) as exc:  # ruamel raises a few errors that are no YAMLError
        raise NotEditable(f"the file is not valid YAML ({type(exc).__name__})") from exc
    if not isinstance(data, CommentedMap):
        raise NotEditable("the file is not a mapping with 'deck' and 'questions'")
    return data


def _dump(data: CommentedMap, layout: tuple[int, int, int]) -> str:
    buffer = io.StringIO()
    _yaml(layout).dump(data, buffer)
    return buffer.getvalue()


def _apply(mapping: CommentedMap, changes: dict, order: tuple[str, ...]) -> None:
    """Change keys in place (keeping quotes and list style); new keys go to their usual place."""
    for key, value in changes.items():
        if value is None or value == [] or value == "":
            mapping.pop(key, None)
            continue
        old = mapping.get(key)
        if key in mapping and _plain(old) == _plain(value):
            continue
        if isinstance(value, list) and isinstance(old, CommentedSeq):
            old[:] = value
            continue
        if isinstance(value, list):
            value = CommentedSeq(value)
            value.fa.set_flow_style()
        elif isinstance(value, dict):
            value = CommentedMap(value)
        elif isinstance(value, str) and isinstance(old, ScalarString):
            value = type(old)(value)  # a quoted value stays quoted the same way
        if key in mapping:
            mapping[key] = value
        else:
            later = [k for k in order[order.index(key) + 1:] if k in mapping] if key in order else []
            position = list(mapping).index(later[0]) if later else len(mapping)
            mapping.insert(position, key, value)


def _plain(value):
    """Comparable plain Python data from ruamel nodes."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _region(data: CommentedMap, where: tuple, line_count: int) -> tuple[int, int]:
    """0-based [start, end) lines of a top-level block or of one question, up to the next sibling."""
    keys = list(data)
    top = where[0]
    position = keys.index(top)
    start, end = data.lc.key(top)[0], line_count
    if position + 1 < len(keys):
        end = data.lc.key(keys[position + 1])[0]
    if len(where) == 1:
        return start, end
    seq = data[top]
    index = where[1]
    start = seq.lc.item(index)[0]
    if index + 1 < len(seq):
        end = seq.lc.item(index + 1)[0]
    return start, end


def _best_layout(text: str, data: CommentedMap, where: tuple) -> tuple[int, int, int]:
    """The indentation that reproduces the block exactly as it is written now."""
    lines = text.splitlines()
    start, end = _region(data, where, len(lines))
    best, best_score = LAYOUTS[0], -1
    for layout in LAYOUTS:
        dumped = _dump(data, layout).splitlines()
        d_start, d_end = _region(_yaml(layout).load("\n".join(dumped)), where, len(dumped))
        score = sum(a == b for a, b in zip(lines[start:end], dumped[d_start:d_end]))
        if dumped[d_start:d_end] == lines[start:end]:
            return layout
        if score > best_score:
            best, best_score = layout, score
    return best


def _splice(text: str, data: CommentedMap, where: tuple, layout: tuple[int, int, int]) -> str:
    """The original text with only the changed block replaced by its new rendering."""
    dumped = _dump(data, layout)
    original = _load(text)
    lines = text.splitlines(keepends=True)
    new_lines = dumped.splitlines(keepends=True)
    start, end = _region(original, where, len(lines))
    d_start, d_end = _region(_yaml(layout).load(dumped), where, len(new_lines))
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    block = [line.rstrip("\r\n") + newline for line in new_lines[d_start:d_end]]
    if end == len(lines) and lines and not lines[-1].endswith("\n") and block:
        block[-1] = block[-1].rstrip("\r\n")  # the file had no final newline: keep it that way
    result = "".join(lines[:start] + block + lines[end:])
    if _plain(_yaml().load(result)) != _plain(data):  # should not happen; never write a wrong file
        return dumped
    return result
