"""Change the `status` of items in a bank file fast: only the characters of each status value change.

The round-trip editor in `write.py` parses and re-renders the whole file with ruamel.yaml, which takes
seconds for a bank of hundreds of items. A status is one plain word, so this module finds where each item's
status value is written (libyaml's composer, which keeps line, column and offset of every node) and
replaces just those characters: comments, quotes and layout stay as they were, byte for byte. Anything
unusual (no `status` key yet, an alias, a block scalar) goes through `set_question_fields` instead.
"""

from __future__ import annotations

import yaml

from quizapp.bank.schema import QUESTION_STATUSES
from quizapp.bank.write import NotEditable, set_question_fields

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it


def set_statuses(text: str, statuses: dict[str, str]) -> str:
    """The file text with each listed item's status set, e.g. {"q-1": "approved"}.

    Raises NotEditable when an item is not in the file or the file is not a bank this can change.
    """
    if any(status not in QUESTION_STATUSES for status in statuses.values()):
        raise ValueError("unknown status")
    spans, slow = _status_spans(text, statuses)
    result, pos, parts = text, 0, []
    for start, end, quote, status in sorted(spans):
        parts += [text[pos:start], f"{quote}{status}{quote}"]
        pos = end
    if parts:
        result = "".join(parts) + text[pos:]
    for question_id in slow:  # rare: one ruamel round trip each
        result = set_question_fields(result, question_id, {"status": statuses[question_id]})
    return result


def _status_spans(text: str, statuses: dict[str, str]) -> tuple[list[tuple[int, int, str, str]], list[str]]:
    """(start, end, quote, new status) of each status value to replace, and the items to edit the slow way."""
    found: dict[str, list] = {}
    for qid, values in _items(text):
        if qid in statuses:
            if qid in found:
                raise NotEditable(f"question '{qid}' is in the file twice")
            found[qid] = values
    missing = [qid for qid in statuses if qid not in found]
    if missing:
        raise NotEditable(f"question '{missing[0]}' is not in the file")
    spans, slow = [], []
    for qid, values in found.items():
        span = _scalar_span(text, values[0]) if len(values) == 1 else None
        if span is None:
            slow.append(qid)
        else:
            spans.append((*span, statuses[qid]))
    return spans, slow


class _Frame:
    """A mapping or sequence being read: its role in a bank file and, for a mapping, the current key."""

    __slots__ = ("mapping", "role", "key", "key_next", "record")

    def __init__(self, mapping: bool, role: str | None, record: list | None = None):
        self.mapping, self.role, self.key, self.key_next, self.record = mapping, role, None, True, record


def _items(text: str):
    """(id, [status scalar events]) of each item of `questions`, from libyaml's parser events: no nodes and
    no tag resolution are built, which makes this several times faster than composing the document."""
    stack: list[_Frame] = []
    documents = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise NotEditable("the file holds more than one YAML document")
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                done = stack.pop()
                if done.role == "item":
                    yield done.record[0], done.record[1]
                continue
            if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent,
                                      yaml.SequenceStartEvent)):
                continue
            parent = stack[-1] if stack else None
            key = None
            if parent is not None and parent.mapping:
                if parent.key_next:  # this node is a key
                    parent.key = event.value if isinstance(event, yaml.ScalarEvent) else None
                    parent.key_next = False
                    if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                        stack.append(_Frame(isinstance(event, yaml.MappingStartEvent), None))
                    continue
                parent.key_next, key = True, parent.key
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                mapping = isinstance(event, yaml.MappingStartEvent)
                role = None
                if parent is None and mapping:
                    role = "root"
                elif parent is not None and parent.role == "root" and key == "questions" and not mapping:
                    role = "questions"
                elif parent is not None and parent.role == "questions" and mapping:
                    role = "item"
                stack.append(_Frame(mapping, role, [None, []] if role == "item" else None))
            elif parent is not None and parent.role == "item" and key in ("id", "status"):
                if key == "id":
                    parent.record[0] = event.value if isinstance(event, yaml.ScalarEvent) else None
                else:
                    parent.record[1].append(event)
    except yaml.YAMLError as exc:
        raise NotEditable(f"the file is not valid YAML ({type(exc).__name__})") from exc


def _scalar_span(text: str, event) -> tuple[int, int, str] | None:
    """Where a one-word status is written, and its quote character; None for anything else (an alias, a
    tag, a block scalar)."""
    if not isinstance(event, yaml.ScalarEvent) or event.value not in QUESTION_STATUSES or event.tag is not None:
        return None
    start, end = event.start_mark.index, event.end_mark.index
    written = text[start:end]
    for quote in ("", "'", '"'):
        if written == f"{quote}{event.value}{quote}" and (event.style or "") == quote:
            return start, end, quote
    return None  # offsets that do not point at the value (should not happen): the slow way is safe
