"""The checker's messages (English, naming file and line) as the teacher's form shows them: in the teacher's
language, under the field they concern."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from flask_babel import gettext as _

from quizapp.bank import BankError

# the key a checker message names -> the form field that edits it
QUESTION_FIELDS = {"text": "text", "answer": "answer", "distractors": "distractors", "accept": "accept",
                   "explanation": "explanation", "sentence": "source_sentence", "context": "source_context",
                   "kind": "kind", "tags": "tags", "status": "status"}
DECK_FIELDS = {"title": "title", "language": "language", "date": "source_date", "url": "source_url",
               "attribution": "source_attribution", "licence": "source_licence"}

# (pattern on the message without its "question 'x': " / "deck: " prefix, field or None for the key the
# message names, the message in the teacher's language from the match's groups)
RULES: list[tuple[re.Pattern, str | None, Callable[[re.Match], str]]] = [
    (re.compile(r"a cloze text needs at least one gap"), "text",
     lambda m: _("A cloze text needs at least one gap: mark the answer like {{c1::answer}}.")),
    (re.compile(r"unbalanced cloze braces"), "text",
     lambda m: _("The braces do not match: write each gap as {{c1::answer}} or {{c1::answer::hint}}.")),
    (re.compile(r"cloze gaps must be numbered .*\(found (.+)\)"), "text",
     lambda m: _("Number the gaps c1, c2, … without holes (found: %(found)s).", found=m.group(1))),
    (re.compile(r"cloze gap c(\d+) is empty"), "text", lambda m: _("Gap c%(n)s is empty.", n=m.group(1))),
    (re.compile(r'answer "(.*)" is also a distractor'), "distractors",
     lambda m: _("The answer “%(answer)s” is also a distractor.", answer=m.group(1))),
    (re.compile(r'options "(.*)" and "(.*)" are the same'), "distractors",
     lambda m: _("“%(first)s” and “%(second)s” are the same option.", first=m.group(1), second=m.group(2))),
    (re.compile(r"needs at least one distractor"), "distractors",
     lambda m: _("A multiple-choice item needs at least one distractor.")),
    (re.compile(r"the source sentence is not in (.+)"), "source_sentence",
     lambda m: _("This sentence is not in the article (%(path)s): copy it from there exactly.",
                 path=m.group(1))),
    (re.compile(r"source start/end"), "source_sentence",
     lambda m: _("This sentence is not in the article where the file says: copy it from there exactly.")),
    (re.compile(r"tag '(.*)' must not contain spaces"), "tags",
     lambda m: _("Tags are separated by spaces; “%(tag)s” contains one.", tag=m.group(1))),
    (re.compile(r"url '.*' must be a web address"), "source_url",
     lambda m: _("Give a web address starting with https:// or http://.")),
    (re.compile(r"'(\w+)' is ([\d,]+) characters long, at most (\d+)"), None,
     lambda m: _("At most %(max)s characters (this has %(n)s).", max=m.group(3), n=m.group(2))),
    (re.compile(r"(?:an entry of )?'(\w+)' contains the character (U\+\w+)"), None,
     lambda m: _("Contains the character %(char)s, which cannot be stored: remove it.", char=m.group(2))),
    (re.compile(r"'(\w+)' (?:must not be empty|has no value)"), None,
     lambda m: _("This field must not be empty.")),
    (re.compile(r"fact '(.*)' is also the fact of question '(.*)' \(line \d+\)"), "",
     lambda m: _("This item's fact is also asked by item %(other)s, which comes from another source "
                 "sentence; edit the fact key in the whole-file editor.", other=m.group(2))),
    (re.compile(r"id is (?:also|already) used in (\S+?)(?::\d+)?$"), "",
     lambda m: _("Its id is also used in %(file)s.", file=m.group(1))),
    (re.compile(r"deck id '(.*)' is (?:also|already) used (?:in|by) (\S+)"), "",
     lambda m: _("The deck id %(id)s is also used in %(file)s.", id=m.group(1), file=m.group(2))),
]
QUESTION_RE = re.compile(r"^question '([^']*)'")
PREFIX_RE = re.compile(r"^(?:question '[^']*'|question #\d+|deck|deck source)(?: source)?: ")


def attach(errors: Iterable[BankError], fields: dict[str, str]) -> tuple[dict[str, list[str]], list[str]]:
    """Checker errors as (messages by form field, messages for the whole form), translated where known.

    A message no rule knows stays as the checker wrote it, with its line, above the form.
    """
    by_field: dict[str, list[str]] = {}
    general: list[str] = []
    for error in errors:
        message = PREFIX_RE.sub("", error.message)
        target, text = _translate(message, fields)
        if target is not None:
            by_field.setdefault(target, []).append(text)
        else:
            general.append(text or _("Line %(line)s: %(message)s", line=error.line, message=message))
    return by_field, general


def translated(error: BankError) -> str:
    """One error in the teacher's language where a rule knows it, else as the checker wrote it."""
    message = PREFIX_RE.sub("", error.message)
    text = _translate(message, {key: key for key in QUESTION_FIELDS | DECK_FIELDS})[1]
    if text is None:
        return error.message
    owner = QUESTION_RE.match(error.message)
    return f"{owner.group(1)}: {text}" if owner else text  # which item, where the file has several


def _translate(message: str, fields: dict[str, str]) -> tuple[str | None, str | None]:
    """(form field or None for the whole form, the message in the teacher's language or None if unknown)."""
    for pattern, field, translate in RULES:
        match = pattern.search(message)
        if match is None:
            continue
        if field is None:
            target = fields.get(match.group(1))
            return (target, translate(match)) if target else (None, None)
        return (field if field in fields.values() else None), translate(match)
    target = next((f for key, f in fields.items() if f"'{key}'" in message), None)
    return (target, message) if target else (None, None)


def show_on(form, by_field: dict[str, list[str]]) -> None:
    """Put the messages under their fields, so the page shows each where the teacher fixes it."""
    for name, messages in by_field.items():
        field = getattr(form, name, None)
        if field is not None:
            field.errors = list(field.errors or ()) + [m for m in messages if m not in (field.errors or ())]
