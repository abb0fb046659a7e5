"""Bring the bank files in questions/ into the database without losing anyone's history."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app, has_app_context
from sqlalchemy import select, update

from quizapp.bank import Bank, BankError, BankLoadFailed, load_bank_file
from quizapp.bank.limits import BANK_MAX_BYTES
from quizapp.bank.reading import read_regular_file
from quizapp.bank.validate import bank_files
from quizapp.extensions import db
from quizapp.models import Deck, Question, QuizRun
from quizapp.models.time import utcnow

log = logging.getLogger(__name__)


class IdsTaken(BankLoadFailed):
    """The file uses a deck or question id another file holds; it may load once that file let go of it."""


@dataclass
class SyncReport:
    """What one pass over the bank files did."""

    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: dict[str, list[BankError]] = field(default_factory=dict)


def import_bank(bank: Bank, file_name: str, file_sha256: str, now: dt.datetime | None = None) -> Deck:
    """Create or update a deck and its questions by id; questions gone from the file are hidden.

    A question that moved here from another file (or from this file's deck under its old id) is moved
    with its attempts and review cards, which refer to it by id.
    """
    now = now or utcnow()
    _refuse_conflicting_ids(bank, file_name)
    deck = db.session.get(Deck, bank.deck.id)
    if deck is None:
        # a new deck waits for a teacher to publish it, unless the installation publishes new decks
        # (PUBLISH_NEW_DECKS: one classroom without classes, where every deck is for everyone)
        opened = bool(has_app_context() and current_app.config.get("PUBLISH_NEW_DECKS"))
        deck = Deck(id=bank.deck.id, published=opened, self_study=opened)
        db.session.add(deck)
    info = bank.deck
    deck.title, deck.language, deck.source_path = info.title, info.language, info.source_path
    deck.source_date, deck.show_drafts = info.source_date, info.show_drafts
    deck.source_url, deck.source_attribution = info.source_url, info.source_attribution
    deck.source_licence, deck.archived = info.source_licence, info.archived
    deck.file_name, deck.file_sha256, deck.in_files, deck.loaded_at = file_name, file_sha256, True, now

    existing = {q.id: q for q in db.session.scalars(select(Question).where(Question.deck_id == deck.id))}
    for position, item in enumerate(bank.questions):
        question = existing.pop(item.id, None) or db.session.get(Question, item.id)
        digest = item.content_hash()
        if question is None:
            question = Question(id=item.id, deck_id=deck.id, content_changed_at=now)
            db.session.add(question)
        elif question.content_hash != digest:
            question.content_changed_at = now
        question.deck_id = deck.id
        question.position = position
        question.type, question.text, question.answer = item.type, item.text, item.answer
        question.distractors, question.accept = list(item.distractors), list(item.accept)
        question.accept_by_gap = {k: list(v) for k, v in item.accept_by_gap.items()}
        question.explanation = item.explanation
        question.source_sentence, question.source_context = item.source_sentence, item.source_context
        question.source_start, question.source_end = item.source_start, item.source_end
        question.kind, question.tags, question.status = item.kind, list(item.tags), item.status
        question.fact_key = item.fact_key
        question.content_hash = digest
        question.in_file = True
    for gone in existing.values():
        gone.in_file = False
    db.session.flush()
    return deck


def _refuse_conflicting_ids(bank: Bank, file_name: str) -> None:
    """A deck id or question id may belong to one file only: the one whose live deck has it."""
    errors: list[BankError] = []
    owner = db.session.get(Deck, bank.deck.id)
    if owner is not None and owner.in_files and owner.file_name != file_name:
        errors.append(BankError(bank.path, 2, 1, f"deck id '{bank.deck.id}' is already used by {owner.file_name}"))
    ids = [q.id for q in bank.questions]
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        rows = db.session.execute(
            select(Question.id, Deck.file_name)
            .join(Deck, Question.deck_id == Deck.id)
            .where(Question.id.in_(chunk), Question.deck_id != bank.deck.id, Question.in_file.is_(True),
                   Deck.in_files.is_(True), Deck.file_name != file_name)
        ).all()
        lines = {q.id: q.line for q in bank.questions}
        for qid, other_file in rows:
            errors.append(BankError(bank.path, lines[qid], 1,
                                    f"question '{qid}': id is already used in {other_file}"))
    if errors:
        raise IdsTaken(errors)


def sync_question_banks(questions_dir: str | Path, now: dt.datetime | None = None) -> SyncReport:
    """Load every changed bank file, each all or nothing; a bad file leaves its last good version live.

    Whatever stops a file (its own errors, ids another file holds, anything the database refuses) is
    that file's error in the report; the other files load all the same.
    """
    directory = Path(questions_dir)
    report = SyncReport()
    seen: set[str] = set()
    pending: list[tuple[Path, str, str]] = []
    for path in bank_files(directory):
        file_name = path.name
        seen.add(file_name)
        display = f"{directory.name}/{file_name}"
        try:
            raw = read_regular_file(path, BANK_MAX_BYTES)
        except OSError as exc:
            report.errors[file_name] = [BankError(display, 1, 1, f"cannot read the file: {exc.strerror}")]
            continue
        digest = hashlib.sha256(raw).hexdigest()
        current = db.session.scalar(select(Deck).where(Deck.file_name == file_name, Deck.in_files.is_(True)))
        if current is not None and current.file_sha256 == digest:
            report.unchanged.append(file_name)
            continue
        pending.append((path, display, digest))
    while pending:  # a file waiting for ids another changed file gives up is tried again after it
        waiting = [entry for entry in pending if not _load_one(*entry, report, now)]
        if len(waiting) == len(pending):
            break
        pending = waiting
    for deck in db.session.scalars(select(Deck).where(Deck.in_files.is_(True))):
        if deck.file_name not in seen:
            deck.in_files = False
    db.session.flush()
    return report


def _load_one(path: Path, display: str, digest: str, report: SyncReport, now: dt.datetime | None) -> bool:
    """Load one changed file in a savepoint; False when it waits for ids another file still holds."""
    file_name = path.name
    report.errors.pop(file_name, None)
    try:
        bank = load_bank_file(path, display_name=display)
        with db.session.begin_nested():
            current = db.session.scalar(select(Deck).where(Deck.file_name == file_name,
                                                           Deck.in_files.is_(True)))
            renamed = current if current is not None and current.id != bank.deck.id else None
            if renamed is not None:
                renamed.in_files = False  # the file now names its deck differently
            deck = import_bank(bank, file_name, digest, now)
            if renamed is not None:
                _runs_follow(renamed.id, deck.id)
    except IdsTaken as exc:
        report.errors[file_name] = exc.errors
        return False
    except BankLoadFailed as exc:
        report.errors[file_name] = exc.errors
    except Exception as exc:  # noqa: BLE001  whatever the database refuses stops this file only
        log.warning("bank file %s refused by the database", display, exc_info=True)
        reason = f"the database refused this file: {_first_line(exc)}"
        report.errors[file_name] = [BankError(display, 1, 1, reason)]
    else:
        report.loaded.append(file_name)
    return True


def _runs_follow(old_id: str, new_id: str) -> None:
    """A renamed deck's quiz runs go with it (its questions moved with their attempts in import_bank)."""
    db.session.execute(update(QuizRun).where(QuizRun.deck_id == old_id).values(deck_id=new_id)
                       .execution_options(synchronize_session=False))


def _first_line(exc: Exception) -> str:
    """The database's own reason, without the SQL statement and parameters SQLAlchemy appends."""
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return (reason[0] if reason else type(exc).__name__)[:300]
