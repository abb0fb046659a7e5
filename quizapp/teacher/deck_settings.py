"""A deck's settings (title, language, the article's date, address, publisher and licence), archiving and
deleting it: each a change of its bank file, the source of truth."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from quizapp.bank.write import FileChanged, NotEditable, delete_bank, read_bank, set_deck_fields
from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question
from quizapp.operations.bank_errors import bank_load_errors, sync_and_record
from quizapp.teacher import bp
from quizapp.teacher.editing import CHANGED_ON_DISK
from quizapp.teacher.field_errors import DECK_FIELDS, attach, show_on
from quizapp.teacher.files import bank_path, questions_dir, save_and_sync
from quizapp.teacher.forms import ConfirmForm, DeckSettingsForm
from quizapp.teacher.routes import _deck_or_404


@bp.route("/decks/<deck_id>/settings", methods=["GET", "POST"])
def deck_settings(deck_id: str):
    deck = _deck_or_404(deck_id)
    path = bank_path(deck.file_name)
    text, sha = read_bank(path)
    form = DeckSettingsForm()
    general: list[str] = []
    if request.method == "GET":
        form.file_sha256.data, form.title.data, form.language.data = sha, deck.title, deck.language
        form.source_date.data, form.source_url.data = deck.source_date, deck.source_url
        form.source_attribution.data, form.source_licence.data = deck.source_attribution, deck.source_licence
    elif form.validate_on_submit():
        if form.file_sha256.data != sha:
            flash(_(CHANGED_ON_DISK), "error")
            form.file_sha256.data = sha
        else:
            errors = _save(path, text, sha, form.changes())
            if errors is None:
                general = [_("%(file)s has errors: fix them in the whole-file editor first.", file=path.name)]
            else:
                by_field, general = attach(errors, DECK_FIELDS)
                show_on(form, by_field)
                if not errors:
                    flash(_("Saved the deck settings."), "success")
                    return redirect(url_for("teacher.deck", deck_id=deck.id))
    return render_template("teacher/deck_settings.html", deck=deck, form=form, general=general,
                           archive_form=ConfirmForm(file_sha256=sha),
                           load_errors=bank_load_errors(path.name)), \
        422 if general or form.errors else 200


@bp.post("/decks/<deck_id>/archive")
def archive_deck(deck_id: str):
    """Archive (students no longer see the deck; everything is kept) or bring it back."""
    deck = _deck_or_404(deck_id)
    form = ConfirmForm()
    if not form.validate():
        abort(400)
    path = bank_path(deck.file_name)
    text, sha = read_bank(path)
    archive = not deck.archived
    errors = _save(path, text, form.file_sha256.data, {"archived": True if archive else None})
    if errors is None or errors:
        flash(_("%(file)s changed meanwhile or has errors: the setting was not saved.", file=path.name),
              "error")
    elif archive:
        flash(_("Archived: students no longer see %(title)s. Their answers are kept.", title=deck.title),
              "success")
    else:
        flash(_("%(title)s is back for students.", title=deck.title), "success")
    return redirect(url_for("teacher.deck_settings", deck_id=deck.id))


@bp.route("/decks/<deck_id>/delete", methods=["GET", "POST"])
def delete_deck(deck_id: str):
    """Ask first; then the bank file goes. Students' answers stay in the database, the article in seeds/."""
    deck = _deck_or_404(deck_id)
    path = bank_path(deck.file_name)
    _text, sha = read_bank(path)
    form = ConfirmForm()
    if request.method == "GET":
        form.file_sha256.data = sha
    elif form.validate_on_submit():
        try:
            delete_bank(path, form.file_sha256.data)
        except FileChanged:
            flash(_(CHANGED_ON_DISK), "error")
            form.file_sha256.data = sha
        else:
            sync_and_record(questions_dir())
            db.session.commit()
            flash(_("Deleted the deck %(title)s.", title=deck.title), "success")
            return redirect(url_for("teacher.index"))
    answers = db.session.scalar(select(func.count(Attempt.id)).join(Question)
                                .where(Question.deck_id == deck.id))
    return render_template("teacher/delete_deck.html", deck=deck, form=form, answers=answers or 0,
                           load_errors=bank_load_errors(path.name)), 409 if request.method == "POST" else 200


def _save(path, text: str, sha: str, changes: dict):
    """The deck block changed and saved; the check's errors ([] when saved), None when the file is not
    editable or changed meanwhile."""
    try:
        return save_and_sync(path.name, set_deck_fields(text, changes), sha)
    except (FileChanged, NotEditable):
        return None

