"""Errors that point a teacher at the exact place in a bank file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BankError:
    """One problem in a bank file, with 1-based line and column."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column, "message": self.message}


class BankLoadFailed(Exception):
    """A bank file was rejected whole; `errors` lists every problem found."""

    def __init__(self, errors: list[BankError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
