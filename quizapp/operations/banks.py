"""Bring the bank files in questions/ into the database without losing anyone's history."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from quizapp.bank import Bank, BankError, BankLoadFailed, load_bank_file
from quizapp.extensions import db
from quizapp.models import Deck, Question
from quizapp.models.time import utcnow


@dataclass
class SyncReport:
    """What one pass over the bank files did."""

    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: dict[str, list[BankError]] = field(default_factory=dict)


def import_bank(bank: Bank, file_name: str, file_sha256: str, now: dt.datetime | None = None) -> Deck:
    """Create or update a deck and its questions by id; questions gone from the file are hidden."""
    now = now or utcnow()
    _refuse_conflicting_ids(bank, file_name)
    deck = db.session.get(Deck, bank.deck.id)
    if deck is None:
        deck = Deck(id=bank.deck.id)
        db.session.add(deck)
    info = bank.deck
    deck.title, deck.language, deck.source_path = info.title, info.language, info.source_path
    deck.source_date, deck.show_drafts = info.source_date, info.show_drafts
    deck.file_name, deck.file_sha256, deck.in_files, deck.loaded_at = file_name, file_sha256, True, now

    existing = {q.id: q for q in db.session.scalars(select(Question).where(Question.deck_id == deck.id))}
    for position, item in enumerate(bank.questions):
        question = existing.pop(item.id, None)
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
    """A deck id or question id may belong to one file only."""
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
            .where(Question.id.in_(chunk), Question.deck_id != bank.deck.id, Question.in_file.is_(True))
        ).all()
        lines = {q.id: q.line for q in bank.questions}
        for qid, other_file in rows:
            errors.append(BankError(bank.path, lines[qid], 1,
                                    f"question '{qid}': id is already used in {other_file}"))
    if errors:
        raise BankLoadFailed(errors)


def sync_question_banks(questions_dir: str | Path, now: dt.datetime | None = None) -> SyncReport:
    """Load every changed *.yaml file, each all or nothing; a bad file leaves its last good version live."""
    directory = Path(questions_dir)
    report = SyncReport()
    files = sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
    seen: set[str] = set()
    for path in files:
        file_name = path.name
        seen.add(file_name)
        display = f"{directory.name}/{file_name}"
        try:
            raw = path.read_bytes()
        except OSError as exc:
            report.errors[file_name] = [BankError(display, 1, 1, f"cannot read the file: {exc.strerror}")]
            continue
        digest = hashlib.sha256(raw).hexdigest()
        current = db.session.scalar(select(Deck).where(Deck.file_name == file_name, Deck.in_files.is_(True)))
        if current is not None and current.file_sha256 == digest:
            report.unchanged.append(file_name)
            continue
        try:
            bank = load_bank_file(path, display_name=display)
            with db.session.begin_nested():
                if current is not None and current.id != bank.deck.id:
                    current.in_files = False  # the file now describes another deck
                import_bank(bank, file_name, digest, now)
        except BankLoadFailed as exc:
            report.errors[file_name] = exc.errors
            continue
        report.loaded.append(file_name)
    for deck in db.session.scalars(select(Deck).where(Deck.in_files.is_(True))):
        if deck.file_name not in seen:
            deck.in_files = False
    db.session.flush()
    return report
