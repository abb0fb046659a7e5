"""A question written by hand into a deck, and taking one out: retired with confirmation, or deleted
when it is a draft nobody has studied from the file."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from quizapp.bank import QUESTION_TYPES
from quizapp.bank.cloze import cloze_answer_text
from quizapp.bank.write import FileChanged, NotEditable, add_question, read_bank, remove_question, \
    set_question_fields
from quizapp.extensions import db
from quizapp.generation.ids import question_id as generated_id
from quizapp.models import Deck, Question
from quizapp.operations.bank_errors import bank_load_errors
from quizapp.teacher import bp
from quizapp.teacher.editing import (
    CHANGED_ON_DISK, article_of, checked_save, keep_offsets, question_label, shown_on_fields,
)
from quizapp.teacher.files import bank_path, save_and_sync
from quizapp.teacher.forms import ConfirmForm, QuestionForm


@bp.route("/decks/<deck_id>/questions/new", methods=["GET", "POST"])
def new_question(deck_id: str):
    """An mcq or cloze item written by hand, appended to the deck's file."""
    deck = db.session.get(Deck, deck_id)
    item_type = request.args.get("type", "cloze")
    if deck is None or not deck.in_files or item_type not in QUESTION_TYPES:
        abort(404)
    path = bank_path(deck.file_name)
    text, sha = read_bank(path)
    form = QuestionForm(meta={"item_type": item_type})
    back = url_for("teacher.deck", deck_id=deck.id)
    general: list[str] = []
    if request.method == "GET":
        form.file_sha256.data, form.status.data = sha, "approved"  # written by the teacher: ready to use
    elif form.validate_on_submit():
        changes = form.changes()
        keep_offsets(changes, None, deck)
        answer = changes["answer"] if item_type == "mcq" else cloze_answer_text(changes["text"])
        new_id = generated_id(deck.id, item_type, changes["source"]["sentence"], answer)
        item = {"id": new_id, "type": item_type, **{k: v for k, v in changes.items() if v is not None}}
        item["source"] = {k: v for k, v in changes["source"].items() if v is not None}
        if db.session.get(Question, new_id) is not None and db.session.get(Question, new_id).in_file:
            general = [_("The deck already has this question (same sentence and answer).")]
        elif form.file_sha256.data != sha:
            flash(_(CHANGED_ON_DISK), "error")
            form.file_sha256.data = sha
        else:
            try:
                errors = checked_save(form, changes, deck, add_question(text, item), sha)
            except (FileChanged, NotEditable):
                errors = None
            if errors is None:
                general = [_("%(file)s changed or has errors, so the question was not added. Please look at "
                             "it again.", file=path.name)]
            else:
                general = shown_on_fields(form, errors)
                if not errors and not form.errors:
                    flash(_("Added: %(question)s", question=question_label(changes["text"])), "success")
                    return redirect(url_for("teacher.deck", deck_id=deck.id, _anchor=f"q-{new_id}"))
    return render_template("teacher/edit_question.html", form=form, question=None, deck=deck, item=None,
                           item_type=item_type, general=general, file_errors=[], current=None, back=back,
                           article=article_of(deck), load_errors=bank_load_errors(path.name)), \
        422 if general or form.errors else 200


@bp.route("/questions/<question_id>/delete", methods=["GET", "POST"])
def delete_question(question_id: str):
    """Ask first; then a draft leaves the file, any other item is retired (its history stays either way)."""
    question = db.session.get(Question, question_id)
    if question is None or not question.in_file or question.status == "retired":
        abort(404)
    path = bank_path(question.deck.file_name)
    text, sha = read_bank(path)
    form = ConfirmForm()
    if request.method == "GET":
        form.file_sha256.data = sha
    elif form.validate_on_submit():
        label = question_label(question.text)
        if form.file_sha256.data != sha:
            flash(_(CHANGED_ON_DISK), "error")
            form.file_sha256.data = sha
        else:
            draft = question.status == "draft"
            try:
                new_text = remove_question(text, question.id) if draft else \
                    set_question_fields(text, question.id, {"status": "retired"})
                errors = save_and_sync(path.name, new_text, sha)
            except (FileChanged, NotEditable):
                errors = None
            if not errors and errors is not None:
                flash(_("Deleted: %(question)s", question=label) if draft
                      else _("Retired: %(question)s", question=label), "success")
                return redirect(url_for("teacher.deck", deck_id=question.deck_id))
            flash(_("%(file)s changed or has errors, so item %(id)s was not saved. Please look at it again.",
                    file=path.name, id=question.id), "error")
    status = 409 if request.method == "POST" else 200  # not saved: changed meanwhile, or the file has errors
    return render_template("teacher/delete_question.html", form=form, question=question,
                           load_errors=bank_load_errors(path.name)), status
