"""What the whole-file editor shows beside the text: each problem with its line, and on a conflict the
difference between the file on disk and the teacher's text."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from quizapp.bank import BankError
from quizapp.teacher.field_errors import translated


@dataclass(frozen=True)
class Problem:
    """One error at its place: the lines around it, numbered, with the message under its line."""

    line: int
    column: int
    message: str
    excerpt: list[tuple[int, str]]


@dataclass(frozen=True)
class DiffLine:
    """One line of the difference: `kind` is "same", "removed" (on disk only) or "added" (only in the text
    the teacher sent), "gap" for skipped unchanged lines."""

    kind: str
    disk_line: int | None
    text_line: int | None
    text: str


def problems_in(text: str, errors: list[BankError], around: int = 2) -> list[Problem]:
    """The errors in line order, each with up to `around` lines of the text before and after its line."""
    lines = text.splitlines()
    problems = []
    for error in sorted(errors, key=lambda e: (e.line, e.column)):
        first, last = max(1, error.line - around), min(len(lines), error.line + around)
        problems.append(Problem(error.line, error.column, translated(error),
                                [(number, lines[number - 1]) for number in range(first, last + 1)]))
    return problems


def differences(disk: str, mine: str, context: int = 3) -> list[DiffLine]:
    """The lines that differ between the file on disk and the teacher's text, with a little context.

    >>> [(d.kind, d.text) for d in differences("a\\nb\\n", "a\\nc\\n")]
    [('same', 'a'), ('removed', 'b'), ('added', 'c')]
    """
    old, new = disk.splitlines(), mine.splitlines()
    result: list[DiffLine] = []
    for group in difflib.SequenceMatcher(None, old, new, autojunk=False).get_grouped_opcodes(context):
        if result:
            result.append(DiffLine("gap", None, None, "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                result += [DiffLine("same", i1 + k + 1, j1 + k + 1, old[i1 + k]) for k in range(i2 - i1)]
                continue
            result += [DiffLine("removed", i + 1, None, old[i]) for i in range(i1, i2)]
            result += [DiffLine("added", None, j + 1, new[j]) for j in range(j1, j2)]
    return result
