"""GET /decks/<deck_id>/anki.apkg: the deck as an Anki package built from the database."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from flask import abort, flash, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from quizapp.anki import write_package
from quizapp.export import bp
from quizapp.export.forms import ExportOptionsForm
from quizapp.extensions import db
from quizapp.models import Deck
from quizapp.operations.deck_access import may_reach
from quizapp.operations.export import export_deck, weak_question_ids


@bp.get("/decks/<deck_id>/anki.apkg")
@login_required
def deck_package(deck_id: str):
    deck = db.session.get(Deck, deck_id)
    if deck is None or not deck.in_files or not (current_user.is_teacher or may_reach(current_user, deck.id)):
        abort(404)  # a student downloads only the decks they may practise (never an archived one)
    options = ExportOptionsForm(request.args)
    drafts = options.drafts.data
    if drafts and not (current_user.is_teacher or deck.show_drafts):
        abort(403)
    only_ids = weak_question_ids(current_user.id, deck.id) if options.weak.data else None
    exported = export_deck(deck, include_drafts=drafts, only_ids=only_ids)
    if not exported.items:
        if options.weak.data:
            flash(_("Nothing to export: you have no weak items in this deck."), "info")
        else:
            flash(_("This deck has no questions to export yet."), "info")
        return redirect(url_for("quiz.index"))
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "deck.apkg"
        write_package([exported], path)
        data = path.read_bytes()
    suffix = "-weak" if options.weak.data else "-drafts" if drafts else ""
    return send_file(io.BytesIO(data), mimetype="application/octet-stream", as_attachment=True,
                     download_name=f"{deck.id}{suffix}.apkg")  # Cache-Control: quizapp/security.py
