"""Approve, retire or send back to draft items of one deck, in its bank file and the database; undo.

The bank file stays the source of truth: the statuses are written into it first (only the status words
change, see bank/status_edit.py), then the database follows. When the file on disk is the version the
database holds (same sha256), nothing else in it changed, so the file is neither checked nor loaded
again: its new digest and the new statuses are stored directly, as a load of the file would store them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from quizapp.bank.status_edit import set_statuses
from quizapp.bank.write import FileChanged, NotEditable, read_bank, save_bank
from quizapp.extensions import db
from quizapp.models import Deck, Question, ReviewAction, User
from quizapp.models.time import utcnow
from quizapp.operations.bank_errors import sync_and_record


class StatusRefused(Exception):
    """Nothing was saved; `reason` is "stale" (an item changed since the page showed it), "file" (the file
    changed on disk meanwhile, or does not load) or "nothing" (no undoable action)."""

    def __init__(self, reason: str, question_ids: list[str] | None = None):
        super().__init__(reason)
        self.reason = reason
        self.question_ids = question_ids or []


@dataclass
class StatusChange:
    """What an action or an undo did: id -> (before, after), the items it left alone, the stored action."""

    changes: dict[str, tuple[str, str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    action: ReviewAction | None = None


def change_statuses(user: User, wanted: dict[str, str], seen: dict[str, str],
                    questions_dir: str | Path) -> StatusChange:
    """Set each item's status (id -> status) if it is still the version the teacher saw (`seen`: id ->
    content hash), in as many decks as the items belong to; the action is recorded for undo.

    Raises StatusRefused, with nothing saved, when any item changed since or a file does not load.
    """
    questions = _live_questions(wanted, questions_dir)
    stale = sorted(qid for qid in wanted if qid not in questions or questions[qid].content_hash != seen.get(qid))
    if stale:
        raise StatusRefused("stale", stale)
    result = StatusChange(changes={qid: (questions[qid].status, status) for qid, status in wanted.items()
                                   if questions[qid].status != status})
    if result.changes:
        _write(questions, result.changes, questions_dir)
        result.action = ReviewAction(user_id=user.id,
                                     changes={qid: list(pair) for qid, pair in result.changes.items()})
        db.session.add(result.action)
        db.session.flush()
    return result


def undo_last(user: User, questions_dir: str | Path) -> StatusChange:
    """Put back the statuses of the user's newest action not undone yet; items whose status changed since
    (or that left their file) stay as they are, listed in `skipped`. StatusRefused("nothing") when there is
    no such action; StatusRefused("file") when a file does not load (the action stays undoable)."""
    action = last_action(user)
    if action is None:
        raise StatusRefused("nothing")
    questions = _live_questions(action.changes, questions_dir)
    result = StatusChange(action=action)
    for qid, (before, after) in action.changes.items():
        if qid in questions and questions[qid].status == after:
            result.changes[qid] = (after, before)
        else:
            result.skipped.append(qid)
    if result.changes:
        _write(questions, result.changes, questions_dir)
    action.undone_at = utcnow()
    db.session.flush()
    return result


def last_action(user: User) -> ReviewAction | None:
    """The user's newest review action that was not undone."""
    return db.session.scalar(select(ReviewAction).where(ReviewAction.user_id == user.id,
                                                        ReviewAction.undone_at.is_(None))
                             .order_by(ReviewAction.id.desc()).limit(1))


def _live_questions(ids, questions_dir: str | Path) -> dict[str, Question]:
    """The live items among `ids`, as their files have them now: a file edited by hand since the last
    load is loaded first (StatusRefused("file") when it does not load)."""
    wanted = list(ids)
    rows = db.session.scalars(select(Question).join(Deck).where(
        Question.id.in_(wanted), Question.in_file.is_(True), Deck.in_files.is_(True))).all() if wanted else []
    decks = {q.deck for q in rows}
    if any(read_bank(Path(questions_dir) / deck.file_name)[1] != deck.file_sha256 for deck in decks):
        report = sync_and_record(questions_dir)
        if any(deck.file_name in report.errors for deck in decks):
            raise StatusRefused("file")
        db.session.expire_all()
        rows = db.session.scalars(select(Question).join(Deck).where(
            Question.id.in_(wanted), Question.in_file.is_(True), Deck.in_files.is_(True))).all()
    return {q.id: q for q in rows}


def _write(questions: dict[str, Question], changes: dict[str, tuple[str, str]],
           questions_dir: str | Path) -> None:
    """Write the new statuses into each deck's file (refusing a file changed on disk since it was read),
    then store what a load of the new file would: the statuses and the file's digest."""
    by_deck: dict[Deck, dict[str, str]] = {}
    for qid, (_before, after) in changes.items():
        by_deck.setdefault(questions[qid].deck, {})[qid] = after
    for deck, statuses in sorted(by_deck.items(), key=lambda pair: pair[0].file_name):
        path = Path(questions_dir) / deck.file_name
        text, sha = read_bank(path)
        if sha != deck.file_sha256:
            raise StatusRefused("file")
        try:
            new_sha = save_bank(path, set_statuses(text, statuses), sha)
        except (FileChanged, NotEditable) as exc:
            raise StatusRefused("file") from exc
        for qid, status in statuses.items():
            questions[qid].status = status
        deck.file_sha256, deck.loaded_at = new_sha, utcnow()
        db.session.flush()
