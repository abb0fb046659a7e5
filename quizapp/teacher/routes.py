"""Decks and their items, the review queue, and the one-click changes: approve, retire, show drafts."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import select

from quizapp.bank import render_cloze
from quizapp.bank.write import FileChanged, NotEditable, read_bank, set_deck_fields
from quizapp.extensions import db
from quizapp.models import Deck, Question
from quizapp.operations.bank_errors import bank_load_errors
from quizapp.quiz.forms import shuffled_options
from quizapp.teacher import bp
from quizapp.teacher.files import bank_path, save_and_sync
from quizapp.teacher.forms import ShowDraftsForm, StatusForm


@bp.app_template_filter("cloze_preview")
def cloze_preview(text: str) -> Markup:
    """A cloze item as students see it, with empty, disabled gaps."""
    def gap_html(gap):
        return Markup('<input class="gap" type="text" disabled size="%d" placeholder="%s" aria-label="%s">') % (
            max(6, len(gap.answer) + 2), gap.hint or "", _("Gap %(n)s", n=gap.number))
    return render_cloze(text, gap_html)


@bp.app_template_filter("preview_options")
def preview_options(item) -> list[str]:
    """The options of an mcq item in a stable shuffled order, as a student would get them."""
    return shuffled_options(item, seed="preview")


@bp.get("/")
def index():
    decks = db.session.scalars(select(Deck).where(Deck.in_files.is_(True)).order_by(Deck.title)).all()
    counts: dict[str, dict[str, int]] = {deck.id: {} for deck in decks}
    for deck_id, status in db.session.execute(
            select(Question.deck_id, Question.status).where(Question.in_file.is_(True))):
        if deck_id in counts:
            counts[deck_id][status] = counts[deck_id].get(status, 0) + 1
    return render_template("teacher/index.html", decks=decks, counts=counts, load_errors=bank_load_errors())


@bp.get("/decks/<deck_id>")
def deck(deck_id: str):
    deck = _deck_or_404(deck_id)
    items = [q for q in deck.questions if q.in_file]
    filters = {key: request.args.get(key, "") for key in ("status", "kind", "tag")}
    kinds = sorted({q.kind for q in items if q.kind})
    tags = sorted({t for q in items for t in q.tags})
    shown = [q for q in items
             if (not filters["status"] or q.status == filters["status"])
             and (not filters["kind"] or q.kind == filters["kind"])
             and (not filters["tag"] or filters["tag"] in q.tags)]
    return render_template("teacher/deck.html", deck=deck, items=shown, total=len(items), filters=filters,
                           kinds=kinds, tags=tags, load_errors=bank_load_errors(deck.file_name),
                           drafts_form=ShowDraftsForm(), status_form=StatusForm())


@bp.get("/review")
def review():
    query = (select(Question).join(Deck).where(Question.in_file.is_(True), Question.status == "draft",
                                               Deck.in_files.is_(True))
             .order_by(Deck.title, Question.position))
    deck_id = request.args.get("deck")
    if deck_id:
        query = query.where(Question.deck_id == deck_id)
    items = db.session.scalars(query).all()
    return render_template("teacher/review.html", items=items, deck_id=deck_id, status_form=StatusForm(),
                           position=request.args.get("pos", 0, type=int), load_errors=bank_load_errors())


@bp.post("/decks/<deck_id>/show-drafts")
def show_drafts(deck_id: str):
    """The deck setting `show_drafts`, written to the deck block of its file."""
    deck = _deck_or_404(deck_id)
    form = ShowDraftsForm()
    if not form.validate() or form.show_drafts.data not in ("true", "false"):
        abort(400)
    path = bank_path(deck.file_name)
    text, sha = read_bank(path)
    try:
        errors = save_and_sync(path.name, set_deck_fields(text, {"show_drafts": form.show_drafts.data == "true"}),
                               sha)
    except (FileChanged, NotEditable):
        errors = None
    if errors is None or errors:
        flash(_("%(file)s changed meanwhile or has errors: the setting was not saved.", file=path.name), "error")
    return redirect(url_for("teacher.deck", deck_id=deck.id))


def _deck_or_404(deck_id: str) -> Deck:
    deck = db.session.get(Deck, deck_id)
    if deck is None or not deck.in_files:
        abort(404)
    return deck
