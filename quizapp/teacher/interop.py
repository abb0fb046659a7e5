"""Decks to and from other tools: the deck page's Moodle/GIFT/QTI downloads and the import page."""

from __future__ import annotations

import io
from pathlib import PurePath

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import Length, Optional

from quizapp.bank import limits
from quizapp.extensions import db
from quizapp.forms import Form
from quizapp.interop import EXPORT_FORMATS, ImportFailed, ImportProblem
from quizapp.interop.bankfile import deck_id_for, plan_import, write_import
from quizapp.interop.formats import export_file
from quizapp.interop.importing import IMPORT_MAX_BYTES, read_cards
from quizapp.models import Deck
from quizapp.operations.interop import exported_deck, load_imported
from quizapp.teacher import bp
from quizapp.teacher.files import questions_dir


try:  # WTForms 3.3 wants SelectChoice and warns about (value, label) tuples; older versions take tuples
    from wtforms.fields.choices import SelectChoice as choice
except ImportError:  # pragma: no cover
    def choice(value, label):
        return value, label


# Cards one upload may hold: loading them finishes well inside the worker timeout (docs/deployment.md,
# "Input sizes": a 924-item bank saves and loads in 15 s on the busy development machine). The command line
# takes any number.
WEB_IMPORT_MAX_CARDS = 1000


class ImportForm(Form):
    """A Quizlet export, a CSV deck or an Anki package, and how to read it."""

    upload = FileField(_l("File (Quizlet export, CSV or Anki package .apkg)"))
    title = StringField(_l("Deck title (optional: taken from the file name)"),
                        validators=[Optional(), Length(max=limits.DECK_TITLE_CHARS - 10)])
    language = SelectField(_l("Language"), choices=[choice("de", _l("German")), choice("en", _l("English"))])
    file_format = SelectField(_l("Format"), validators=[Optional()], choices=[
        choice("", _l("recognise it")), choice("quizlet", "Quizlet"), choice("csv", "CSV"),
        choice("apkg", _l("Anki package"))])
    term_separator = SelectField(_l("Quizlet: between term and definition"), validators=[Optional()], choices=[
        choice("", _l("recognise it")), choice("tab", _l("tab")), choice("comma", _l("comma"))])
    row_separator = SelectField(_l("Quizlet: between rows"), validators=[Optional()], choices=[
        choice("", _l("recognise it")), choice("newline", _l("new line")), choice("semicolon", _l("semicolon"))])
    submit = SubmitField(_l("Import as drafts"))


class TooLarge(Exception):
    """More cards than one upload may bring."""


@bp.get("/decks/<deck_id>/export")
def deck_export(deck_id: str):
    """The deck for Moodle (`?format=moodle` or `gift`) or QTI 2.1 tools (`qti`); `&drafts=1` adds drafts."""
    file_format = request.args.get("format") or "moodle"  # the form's first choice
    deck = db.session.get(Deck, deck_id)
    if deck is None or not deck.in_files or file_format not in EXPORT_FORMATS:
        abort(404)
    drafts = request.args.get("drafts", "") not in ("", "0", "false", "no")
    exported = exported_deck(deck, include_drafts=drafts)
    if not exported.items:
        flash(_("This deck has no questions to export yet."), "info")
        return redirect(url_for("teacher.deck", deck_id=deck.id))
    result = export_file(exported, file_format)
    name = result.file_name.replace(deck.id, f"{deck.id}-drafts", 1) if drafts else result.file_name
    return send_file(io.BytesIO(result.data), mimetype=result.mimetype, as_attachment=True, download_name=name)


@bp.route("/import", methods=["GET", "POST"])
def import_deck():
    form = ImportForm()
    problems: list[ImportProblem] = []
    if form.validate_on_submit():
        upload = form.upload.data
        if not upload or not getattr(upload, "filename", ""):
            form.upload.errors = [_("Choose a file.")]
        else:
            name = PurePath(upload.filename.replace("\\", "/")).name or "upload"
            try:
                cards, notices, _format = read_cards(
                    upload.read(IMPORT_MAX_BYTES + 1), name, form.file_format.data or None,
                    form.term_separator.data or None, form.row_separator.data or None)
                if len(cards) > WEB_IMPORT_MAX_CARDS:
                    raise TooLarge(len(cards))
                stem = PurePath(name).stem
                title = (form.title.data or "").strip() or " ".join(stem.replace("_", " ").split()) or name
                plan = plan_import(cards, deck_id_for(title), title, form.language.data, name, notices)
                result = write_import(plan, questions_dir(), current_app.config["PROJECT_ROOT"])
            except ImportFailed as exc:
                problems = exc.problems
            except TooLarge as exc:
                form.upload.errors = [_("The file holds %(count)s cards; this page imports at most %(most)s at a "
                                        "time. Split the file, or import it on the server with `quizapp import`.",
                                        count=f"{exc.args[0]:,}", most=f"{WEB_IMPORT_MAX_CARDS:,}")]
            else:
                for notice in plan.notices[:20]:
                    flash(notice, "info")
                first = plan.parts[0].deck_id
                if result.unchanged:
                    flash(_("This file was imported before; nothing changed."), "info")
                    return redirect(url_for("teacher.deck", deck_id=first))
                errors = load_imported(questions_dir())
                if errors:
                    flash(_("The new deck files were saved but did not load; see the errors below."), "error")
                    return redirect(url_for("teacher.index"))
                flash(_("%(count)s cards imported as drafts; they are waiting for your review.",
                        count=plan.count), "success")
                return redirect(url_for("teacher.review", deck=first))
    failed = bool(form.errors or problems)
    return render_template("teacher/import.html", form=form, problems=problems[:200], most=WEB_IMPORT_MAX_CARDS,
                           more=max(0, len(problems) - 200),
                           max_mb=min(IMPORT_MAX_BYTES, current_app.config["MAX_CONTENT_LENGTH"]) // 1_000_000), \
        422 if failed else 200
