"""Review actions: approve, retire or send back to draft one item or many, and undo the last action.

Each answers with JSON when the page's script asks for it (the script updates the page in place) and with
a redirect and a flash message otherwise, so that the pages work without JavaScript too.
"""

from __future__ import annotations

import re

from flask import abort, flash, jsonify, redirect, request, url_for
from flask_babel import gettext as _, ngettext
from flask_login import current_user

from quizapp.bank import QUESTION_STATUSES
from quizapp.bank.cloze import CLOZE_RE
from quizapp.extensions import db
from quizapp.i18n import is_local_url
from quizapp.models import Question
from quizapp.operations.item_status import StatusChange, StatusRefused, change_statuses, last_action, undo_last
from quizapp.teacher import bp
from quizapp.teacher.files import questions_dir
from quizapp.teacher.forms import BulkStatusForm, StatusForm, UndoForm

SPACE_RE = re.compile(r"\s+")
LABEL_CHARS = 80


@bp.post("/questions/<question_id>/status")
def set_status(question_id: str):
    """Approve, retire or send back to draft one item, if it is still the version the teacher saw."""
    form = StatusForm()
    if not form.validate() or form.status.data not in QUESTION_STATUSES:
        abort(400)
    return _act({question_id: form.status.data}, {question_id: form.content_hash.data}, _target(form))


@bp.post("/review/bulk")
def bulk_status():
    """The same for the ticked items, or for every item the page showed (its filter's result)."""
    form = BulkStatusForm()
    status, _colon, scope = (form.action.data or "").partition(":")
    if not form.validate() or status not in QUESTION_STATUSES or scope not in ("selected", "shown"):
        abort(400)
    shown = form.shown()
    ids = list(shown) if scope == "shown" else [qid for qid in request.form.getlist("selected") if qid in shown]
    if not ids:
        return _answer(False, _("Tick at least one item first."), _target(form), 400)
    return _act(dict.fromkeys(ids, status), shown, _target(form))


@bp.post("/review/undo")
def undo():
    """Undo the teacher's last review action (one item or a bulk action), wherever it was made."""
    form = UndoForm()
    if not form.validate():
        abort(400)
    try:
        result = undo_last(current_user, questions_dir())
        db.session.commit()
    except StatusRefused as exc:
        db.session.rollback()
        return _answer(False, _refusal(exc), _target(form), 409)
    return _answer(True, _undone(result), _target(form), statuses=result.changes)


@bp.app_template_global()
def last_review_action() -> dict | None:
    """For the undo bar of the review pages: what the teacher's last undoable action did."""
    action = last_action(current_user)
    return None if action is None else {"label": describe(action.changes)}


def question_label(question: Question) -> str:
    """How messages name an item: its text as students read it (gaps as "…"), shortened."""
    text = SPACE_RE.sub(" ", CLOZE_RE.sub("…", question.text)).strip()
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:…") + "…"


def describe(changes: dict) -> str:
    """One sentence for an action: the item by its text, or how many items, and what they became."""
    afters = {after for _before, after in changes.values()}
    status = afters.pop() if len(afters) == 1 else None
    if len(changes) == 1:
        question = db.session.get(Question, next(iter(changes)))
        label = question_label(question) if question is not None else next(iter(changes))
        return {"approved": _("Approved: “%(question)s”", question=label),
                "retired": _("Retired: “%(question)s”", question=label),
                "draft": _("Back to draft: “%(question)s”", question=label)}[status]
    count = len(changes)
    if status == "approved":
        return ngettext("%(num)d item approved.", "%(num)d items approved.", count)
    if status == "retired":
        return ngettext("%(num)d item retired.", "%(num)d items retired.", count)
    return ngettext("%(num)d item changed.", "%(num)d items changed.", count)


def _act(wanted: dict[str, str], seen: dict[str, str], target: str):
    try:
        result = change_statuses(current_user, wanted, seen, questions_dir())
        db.session.commit()
    except StatusRefused as exc:
        db.session.rollback()
        return _answer(False, _refusal(exc), target, 409)
    if not result.changes:
        return _answer(True, _("Nothing to change: the items already have this status."), target)
    return _answer(True, describe(result.action.changes), target, statuses=result.changes)


def _answer(ok: bool, message: str, target: str, code: int = 200, statuses: dict | None = None):
    """JSON for the page's script, else a flash message and the page again."""
    if request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json":
        undo_offer = last_review_action()
        return jsonify(ok=ok, message=message, undo=undo_offer["label"] if undo_offer else None,
                       statuses={qid: {"status": after, "label": _(after)}
                                 for qid, (_before, after) in (statuses or {}).items()}), code
    flash(message, "success" if ok else "error")
    return redirect(target)


def _refusal(exc: StatusRefused) -> str:
    if exc.reason == "nothing":
        return _("There is nothing to undo.")
    if exc.reason == "stale" and len(exc.question_ids) == 1:
        question = db.session.get(Question, exc.question_ids[0])
        if question is not None:
            return _("“%(question)s” was changed in its file since this page was loaded: nothing was saved. "
                     "Please look at it again.", question=question_label(question))
    if exc.reason == "stale":
        return ngettext("%(num)d item was changed in its file since this page was loaded: nothing was saved. "
                        "Please reload the page and look again.",
                        "%(num)d items were changed in their file since this page was loaded: nothing was "
                        "saved. Please reload the page and look again.", len(exc.question_ids))
    return _("The bank file was changed on disk meanwhile or has errors: nothing was saved. "
             "Please reload the page and look again.")


def _undone(result: StatusChange) -> str:
    if len(result.changes) == 1 and not result.skipped:
        qid, (_before, status) = next(iter(result.changes.items()))
        question = db.session.get(Question, qid)
        message = _("Undone: “%(question)s” is %(status)s again.", question=question_label(question),
                    status=_(status))
    else:
        message = ngettext("Undone: %(num)d item has its previous status again.",
                           "Undone: %(num)d items have their previous status again.", len(result.changes))
    if result.skipped:
        message += " " + ngettext("%(num)d item was left as it is: it was changed since.",
                                  "%(num)d items were left as they are: they were changed since.",
                                  len(result.skipped))
    return message


def _target(form) -> str:
    return form.next.data if is_local_url(form.next.data) else url_for("teacher.review")
