"""Editing in the browser: one item through a form, or the whole bank file as YAML."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from quizapp.bank import BankError, BankLoadFailed, load_bank_text
from quizapp.bank.cloze import cloze_plain
from quizapp.bank.articles import ArticleRefused, read_article_text
from quizapp.bank.validate import find_sentence, sentence_in
from quizapp.bank.write import FileChanged, NotEditable, read_bank, set_question_fields
from quizapp.extensions import db
from quizapp.i18n import is_local_url
from quizapp.models import Deck, Question
from quizapp.operations.bank_errors import bank_load_errors
from quizapp.teacher import bp
from quizapp.teacher.field_errors import QUESTION_FIELDS, attach, show_on
from quizapp.teacher.file_view import differences, problems_in
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
    form = QuestionForm(meta={"item_type": item.type}, kind=item.kind)
    back = request.args.get("next") if is_local_url(request.args.get("next")) \
        else url_for("teacher.deck", deck_id=question.deck_id, _anchor=f"q-{question.id}")
    general, file_errors, conflict = [], [], False
    if request.method == "GET":
        _fill(form, item, sha)
    elif form.validate_on_submit():
        if form.file_sha256.data != sha:
            conflict, form.file_sha256.data = True, sha  # a second save is then a deliberate choice
        else:
            changes = form.changes()
            keep_offsets(changes, item, question.deck)
            try:
                new_text = set_question_fields(text, question.id, changes)
                errors = checked_save(form, changes, question.deck, new_text, sha)
            except FileChanged:
                conflict, errors = True, []
            except NotEditable as exc:  # the file on disk does not load (a YAML syntax error?): fix it first
                name = display_name(path.name)
                file_errors, errors = _problems_of(text, name) or [BankError(name, 1, 1, str(exc))], []
            general = shown_on_fields(form, errors)
            if not errors and not file_errors and not conflict and not form.errors:
                flash(_("Saved: %(question)s", question=question_label(changes["text"])), "success")
                return redirect(back)
    if conflict:
        flash(_(CHANGED_ON_DISK), "error")
    current = _item_in(text, path.name, question.id) if conflict else None
    return render_template("teacher/edit_question.html", form=form, question=question, deck=question.deck,
                           item=item, item_type=item.type, general=general, file_errors=file_errors,
                           current=current, back=back, article=article_of(question.deck),
                           load_errors=bank_load_errors(path.name)), \
        409 if conflict else (422 if general or file_errors or form.errors else 200)


def checked_save(form, changes: dict, deck: Deck, new_text: str, sha: str) -> list[BankError]:
    """Save the file's new text unless the item's source sentence is not in the article; the check's errors.

    The sentence is looked up first and marked at its field, so the teacher sees it together with the
    check's other errors (which stop at an item's first problems and would show it only on the next save).
    """
    article = article_of(deck)
    sentence = changes["source"]["sentence"]
    if article is None or not sentence or sentence_in(article, sentence):
        return save_and_sync(deck.file_name, new_text, sha)
    form.source_sentence.errors = list(form.source_sentence.errors or ()) + [
        _("This sentence is not in the article (%(path)s): copy it from there exactly.",
          path=deck.source_path)]
    return check_text(new_text, deck.file_name).errors


def shown_on_fields(form, errors: list[BankError]) -> list[str]:
    """The check's errors under the fields they concern, translated; returns the rest for above the form."""
    by_field, general = attach(errors, QUESTION_FIELDS)
    show_on(form, by_field)
    return general


def question_label(text: str, limit: int = 60) -> str:
    """How a message names an item: its text as students read it, shortened ("Die Brücke … [Tumen] …")."""
    plain = " ".join(cloze_plain(text).split())
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"


def article_of(deck: Deck) -> str | None:
    """The deck's article, to copy a source sentence from; None when it cannot be read."""
    try:
        return read_article_text(current_app.config["PROJECT_ROOT"], deck.source_path)
    except ArticleRefused:
        return None


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
    sent = (form.text.data or "").replace("\r\n", "\n")
    return render_template("teacher/edit_deck.html", form=form, deck=deck, report=report, saved=saved,
                           current_text=text if conflict else None,
                           diff=differences(text, sent) if conflict else None,
                           problems=problems_in(sent, report.errors) if report else [],
                           load_errors=bank_load_errors(path.name)), \
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
    """The form filled from the item as the file has it."""
    form.file_sha256.data = sha
    form.text.data, form.answer.data = item.text, item.answer if item.type == "mcq" else ""
    form.distractors.data = "\n".join(item.distractors)
    form.accept.data = accept_text(item.accept, item.accept_by_gap)
    form.explanation.data = item.explanation or ""
    form.source_sentence.data, form.source_context.data = item.source_sentence, item.source_context or ""
    form.kind.data, form.tags.data, form.status.data = item.kind or "", " ".join(item.tags), item.status


def keep_offsets(changes: dict, item, deck: Deck) -> None:
    """A changed (or new) source sentence gets its offsets in the article (or none, when it is not there)."""
    sentence = changes["source"]["sentence"]
    if item is not None and (sentence == item.source_sentence or item.source_start is None):
        return
    try:
        article = read_article_text(current_app.config["PROJECT_ROOT"], deck.source_path)
    except ArticleRefused:
        return  # the check before saving reports it
    found = find_sentence(article, sentence)
    changes["source"]["start"], changes["source"]["end"] = found if found else (None, None)
