"""Check a set of bank files together: each file's own rules, then what only the whole set can tell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.bank.articles import ArticleRefused, read_article_text
from quizapp.bank.errors import BankError, BankLoadFailed
from quizapp.bank.load import load_bank_file, load_bank_text
from quizapp.bank.schema import Bank

SPACE_RE = re.compile(r"\s+")


@dataclass
class ValidationReport:
    """Every problem found in a set of bank files, and what loaded cleanly."""

    files: int = 0
    questions: int = 0
    errors: list[BankError] = field(default_factory=list)
    banks: list[Bank] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.ok:
            return f"{self.files} files, {self.questions} questions: no problems found"
        bad = len({e.file for e in self.errors})
        return f"{len(self.errors)} problems in {bad} of {self.files} files"

    def as_dict(self) -> dict:
        return {"ok": self.ok, "files": self.files, "questions": self.questions,
                "errors": [e.as_dict() for e in self.errors]}


def bank_files(directory: str | Path) -> list[Path]:
    """The bank files of a questions directory, in the order the app loads them."""
    directory = Path(directory)
    return sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))


def validate_files(paths: list[tuple[Path, str]], project_root: str | Path) -> ValidationReport:
    """Validate (path, display name) pairs as one set of banks."""
    report = ValidationReport()
    for path, name in paths:
        report.files += 1
        try:
            report.banks.append(load_bank_file(path, display_name=name))
        except BankLoadFailed as exc:
            report.errors.extend(exc.errors)
    _check_across(report, Path(project_root))
    report.questions = sum(len(b.questions) for b in report.banks)
    report.errors.sort(key=lambda e: (e.file, e.line, e.column))
    return report


def validate_text(text: str, name: str, others: list[tuple[Path, str]], project_root: str | Path) -> ValidationReport:
    """Validate an edited file's text against the other bank files, before it is saved."""
    report = ValidationReport(files=1)
    try:
        bank = load_bank_text(text, name)
    except BankLoadFailed as exc:
        report.errors.extend(exc.errors)
        return report
    others_report = validate_files([(p, n) for p, n in others if n != name], project_root)
    report.banks = [bank]
    check_sources(bank, Path(project_root), report.errors)
    _check_ids([*others_report.banks, bank], report.errors, only=bank)
    report.questions = len(bank.questions)
    report.errors.sort(key=lambda e: (e.line, e.column))
    return report


def _check_across(report: ValidationReport, root: Path) -> None:
    for bank in report.banks:
        check_sources(bank, root, report.errors)
    _check_ids(report.banks, report.errors)


def _check_ids(banks: list[Bank], errors: list[BankError], only: Bank | None = None) -> None:
    """Deck ids and question ids may each be used in one file only; the later file gets the error."""
    decks: dict[str, Bank] = {}
    questions: dict[str, tuple[Bank, int]] = {}
    for bank in banks:
        first = decks.setdefault(bank.deck.id, bank)
        if first is not bank and only in (None, bank):
            line, col = bank.mark("deck", "id")
            errors.append(BankError(bank.path, line, col, f"deck id '{bank.deck.id}' is also used in {first.path}"))
        for item in bank.questions:
            owner = questions.setdefault(item.id, (bank, item.line))
            if owner[0] is not bank and only in (None, bank):
                line, col = bank.mark(item.id, "id")
                errors.append(BankError(bank.path, line, col, f"question '{item.id}': id is also used in "
                                                              f"{owner[0].path}:{owner[1]}"))


def check_sources(bank: Bank, root: Path, errors: list[BankError]) -> None:
    """The article exists in seeds/ and holds every source sentence where the offsets say."""
    line, col = bank.mark("deck", "source.path")
    try:
        article = read_article_text(root, bank.deck.source_path)
    except ArticleRefused as exc:
        errors.append(BankError(bank.path, line, col, f"deck source: {exc}"))
        return
    flat_article = SPACE_RE.sub(" ", article)
    for item in bank.questions:
        where = f"question '{item.id}'"
        found = find_sentence(article, item.source_sentence)
        if found is None and SPACE_RE.sub(" ", item.source_sentence.strip()) not in flat_article:
            line, col = bank.mark(item.id, "source.sentence")
            errors.append(BankError(bank.path, line, col,
                                    f"{where}: the source sentence is not in {bank.deck.source_path}"))
            continue
        if item.source_start is None and item.source_end is None:
            continue
        start, end = item.source_start, item.source_end
        if start is None or end is None:
            line, col = bank.mark(item.id, "source.end" if start is None else "source.start")
            missing = "start" if start is None else "end"
            errors.append(BankError(bank.path, line, col, f"{where}: source '{missing}' is missing "
                                                          "(give both offsets or neither)"))
        elif article[start:end] != item.source_sentence:
            line, col = bank.mark(item.id, "source.start")
            where_found = f" (it is at {found[0]}-{found[1]})" if found else ""
            errors.append(BankError(bank.path, line, col,
                                    f"{where}: source start/end ({start}-{end}) do not point at the "
                                    f"source sentence{where_found}"))


def sentence_in(article: str, sentence: str) -> bool:
    """Whether the article holds the sentence, as the check above accepts it (white space aside).

    >>> sentence_in("Eins.  Zwei\\ndrei.", "Zwei drei."), sentence_in("Eins.", "Zwei.")
    (True, False)
    """
    return find_sentence(article, sentence) is not None or \
        SPACE_RE.sub(" ", sentence.strip()) in SPACE_RE.sub(" ", article)


def find_sentence(article: str, sentence: str) -> tuple[int, int] | None:
    """Character offsets of the sentence in the article, if it appears there verbatim.

    >>> find_sentence("Eins. Zwei drei.", "Zwei drei.")
    (6, 16)
    """
    start = article.find(sentence)
    return None if start < 0 else (start, start + len(sentence))
