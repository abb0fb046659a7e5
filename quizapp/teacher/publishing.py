"""Publishing a deck to students, and opening it for self-study: kept in the database, not the bank file."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _

from quizapp.bidi import isolated
from quizapp.extensions import db
from quizapp.teacher import bp
from quizapp.teacher.forms import PublishingForm
from quizapp.teacher.routes import _deck_or_404

CHOICES = ("true", "false")


@bp.post("/decks/<deck_id>/publishing")
def publishing(deck_id: str):
    """Publish or withdraw the deck; open it for self-study (students of no assignment reach it) or close it."""
    deck = _deck_or_404(deck_id)
    form = PublishingForm()
    if not form.validate() or form.published.data not in CHOICES or form.self_study.data not in CHOICES:
        abort(400)
    deck.published = form.published.data == "true"
    deck.self_study = deck.published and form.self_study.data == "true"
    db.session.commit()
    if not deck.published:
        flash(_("“%(deck)s” is no longer shown to students; their answers stay.", deck=isolated(deck.title)),
              "success")
    elif not any(q.in_file and q.status == "approved" for q in deck.questions):
        flash(_("“%(deck)s” is published, but students see it only once it has an approved item.",
                deck=isolated(deck.title)), "info")
    else:
        flash(_("“%(deck)s” is published.", deck=isolated(deck.title)), "success")
    return redirect(url_for("teacher.deck", deck_id=deck.id))
