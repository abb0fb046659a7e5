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
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as exc:
        raise NotEditable(f"the file is not valid YAML ({type(exc).__name__})") from exc
    sequence = _value(root, "questions")
    if not isinstance(sequence, yaml.SequenceNode):
        raise NotEditable("the file is not a mapping with 'deck' and 'questions'")
    found: dict[str, yaml.MappingNode] = {}
    for node in sequence.value:
        qid = _value(node, "id")
        if isinstance(qid, yaml.ScalarNode) and qid.value in statuses:
            if qid.value in found:
                raise NotEditable(f"question '{qid.value}' is in the file twice")
            found[qid.value] = node
    missing = [qid for qid in statuses if qid not in found]
    if missing:
        raise NotEditable(f"question '{missing[0]}' is not in the file")
    spans, slow = [], []
    for qid, node in found.items():
        values = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "status"]
        span = _scalar_span(text, values[0]) if len(values) == 1 else None
        if span is None:
            slow.append(qid)
        else:
            spans.append((*span, statuses[qid]))
    return spans, slow


def _value(node, key: str):
    """The value node of `key` in a mapping node (None when it is not a mapping or has no such key)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _scalar_span(text: str, node) -> tuple[int, int, str] | None:
    """Where a one-word status is written, and its quote character; None for anything else."""
    if not isinstance(node, yaml.ScalarNode) or node.value not in QUESTION_STATUSES or node.tag != "tag:yaml.org,2002:str":
        return None
    start, end = node.start_mark.index, node.end_mark.index
    written = text[start:end]
    for quote in ("", "'", '"'):
        if written == f"{quote}{node.value}{quote}" and (node.style or "") == quote:
            return start, end, quote
    return None  # offsets that do not point at the value (should not happen): the slow way is safe
