"""Editing in the browser: one item through a form, or the whole bank file as YAML."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from quizapp.bank import BankError, BankLoadFailed, load_bank_text
from quizapp.bank.articles import ArticleRefused, read_article_text
from quizapp.bank.validate import find_sentence
from quizapp.bank.write import FileChanged, NotEditable, read_bank, set_question_fields
from quizapp.extensions import db
from quizapp.i18n import is_local_url
from quizapp.models import Deck, Question
from quizapp.operations.bank_errors import bank_load_errors
from quizapp.teacher import bp
from quizapp.teacher.files import bank_path, check_text, display_name, save_and_sync
from quizapp.teacher.forms import DeckYamlForm, QuestionForm, accept_text

CHANGED_ON_DISK = ("The file was changed on disk since you opened it (by someone else or an editor): "
                   "nothing was saved. Your text is still here; compare it with the current version, "
                   "then save again.")


@bp.route("/questions/<question_id>/edit", methods=["GET", "POST"])
def edit_question(question_id: str):
    """Form for one item; saving writes only this item's lines back into its bank file."""
    question = db.session.get(Question, question_id)
    if question is None or not question.in_file:
        abort(404)
    path = bank_path(question.deck.file_name)
    text, sha = read_bank(path)
    item = _item_in(text, path.name, question.id) or question
    form = QuestionForm(meta={"item_type": item.type})
    errors, file_errors, conflict = [], [], False
    if request.method == "GET":
        _fill(form, item, sha)
    elif form.validate_on_submit():
        if form.file_sha256.data != sha:
            conflict, form.file_sha256.data = True, sha  # a second save is then a deliberate choice
        else:
            changes = form.changes()
            _keep_offsets(changes, item, question.deck)
            try:
                errors = save_and_sync(path.name, set_question_fields(text, question.id, changes), sha)
            except FileChanged:
                conflict = True
            except NotEditable as exc:  # the file on disk does not load (a YAML syntax error?): fix it first
                name = display_name(path.name)
                file_errors = _problems_of(text, name) or [BankError(name, 1, 1, str(exc))]
            if not errors and not file_errors and not conflict:
                flash(_("Saved %(id)s.", id=question.id), "success")
                return redirect(request.args.get("next") if is_local_url(request.args.get("next"))
                                else url_for("teacher.deck", deck_id=question.deck_id))
    if conflict:
        flash(_(CHANGED_ON_DISK), "error")
    current = _item_in(text, path.name, question.id) if conflict else None
    return render_template("teacher/edit_question.html", form=form, question=question, item=item,
                           errors=errors, file_errors=file_errors, current=current,
                           load_errors=bank_load_errors(path.name)), \
        409 if conflict else (422 if errors or file_errors or form.errors else 200)


@bp.route("/decks/<deck_id>/yaml", methods=["GET", "POST"])
def edit_deck(deck_id: str):
    """The whole bank file in a text area: check and preview its items, then save."""
    deck = db.session.get(Deck, deck_id)
    if deck is None or not deck.in_files:
        abort(404)
    path = bank_path(deck.file_name)
    text, sha = read_bank(path)
    form = DeckYamlForm()
    report, conflict, saved = None, False, False
    if request.method == "GET":
        form.text.data, form.file_sha256.data = text, sha
    elif form.validate_on_submit():
        new_text = form.text.data.replace("\r\n", "\n")
        report = check_text(new_text, path.name)
        if form.save.data and not report.errors:
            if form.file_sha256.data != sha:
                conflict, form.file_sha256.data = True, sha
            else:
                try:
                    report.errors = save_and_sync(path.name, new_text, sha)
                except FileChanged:
                    conflict = True
                else:
                    saved = True  # errors now are the load's: the text is in the file, the old version live
                    if not report.errors:  # a changed deck id renames the deck: its page has the new id
                        flash(_("Saved %(file)s.", file=path.name), "success")
                        return redirect(url_for("teacher.deck", deck_id=report.banks[0].deck.id))
    if conflict:
        flash(_(CHANGED_ON_DISK), "error")
    return render_template("teacher/edit_deck.html", form=form, deck=deck, report=report, saved=saved,
                           current_text=text if conflict else None, load_errors=bank_load_errors(path.name)), \
        409 if conflict else (422 if (report and report.errors) or form.errors else 200)


def _problems_of(text: str, name: str) -> list[BankError]:
    """What keeps the file's current text from loading."""
    try:
        load_bank_text(text, name)
    except BankLoadFailed as exc:
        return exc.errors
    return []


def _item_in(text: str, name: str, question_id: str):
    """The item as the file has it now, or None when the file does not load."""
    try:
        return next((q for q in load_bank_text(text, name).questions if q.id == question_id), None)
    except BankLoadFailed:
        return None


def _fill(form: QuestionForm, item, sha: str) -> None:
    form.file_sha256.data = sha
    form.text.data, form.answer.data = item.text, item.answer if item.type == "mcq" else ""
    form.distractors.data = "\n".join(item.distractors)
    form.accept.data = accept_text(item.accept, item.accept_by_gap)
    form.explanation.data = item.explanation or ""
    form.source_sentence.data, form.source_context.data = item.source_sentence, item.source_context or ""
    form.kind.data, form.tags.data, form.status.data = item.kind or "", " ".join(item.tags), item.status


def _keep_offsets(changes: dict, item, deck: Deck) -> None:
    """A changed source sentence gets its new offsets in the article (or none, when it is not there)."""
    sentence = changes["source"]["sentence"]
    if sentence == item.source_sentence or item.source_start is None:
        return
    try:
        article = read_article_text(current_app.config["PROJECT_ROOT"], deck.source_path)
    except ArticleRefused:
        return  # the check before saving reports it
    found = find_sentence(article, sentence)
    changes["source"]["start"], changes["source"]["end"] = found if found else (None, None)
