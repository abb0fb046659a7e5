"""New deck from an article: the text is saved under seeds/, the generator drafts items for review."""

from __future__ import annotations

import re
from pathlib import Path

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from quizapp.bank.write import FileChanged, save_bank
from quizapp.teacher import bp
from quizapp.teacher.files import bank_path, questions_dir, save_and_sync
from quizapp.teacher.forms import NewDeckForm


class DraftingFailed(Exception):
    """The article could not become a deck; nothing was kept."""


def draft_bank(article_path: Path, source_path: str, title: str | None, questions: Path) -> tuple[str, str]:
    """(deck id, bank YAML) generated from an article file; every item is a draft. The one generator call."""
    from quizapp.generation import GenerationError
    from quizapp.generation.batch import other_decks_names
    from quizapp.generation.merge import merge_deck
    from quizapp.generation.pipeline import deck_id_for, generate_deck

    deck_id = deck_id_for(article_path)
    try:
        deck = generate_deck(article_path, source_path=source_path,
                             known=other_decks_names(questions, {deck_id}))
    except GenerationError as exc:
        raise DraftingFailed(str(exc)) from exc
    if title:
        deck["deck"]["title"] = title
    for item in deck["questions"]:
        item["status"] = "draft"
    return deck["deck"]["id"], merge_deck(deck, questions / f"{deck_id}.yaml").text


def create_draft_deck(text: str, title: str | None) -> str:
    """Save the article, generate its bank file and load it; returns the new deck's id."""
    from quizapp.generation.ids import slug

    root = Path(current_app.config["PROJECT_ROOT"])
    seeds = root / "seeds"  # inside the root: the deck names its article by a path relative to it
    words = re.sub(r"^\s*date\s+\S+\s+", "", text).split()  # the corpus's "date 2025-07" line is no title
    stem = slug(title or " ".join(words[:6]), limit=60)
    article_path = seeds / f"{stem}.txt"
    if article_path.exists() or bank_path(f"{stem}.yaml").exists():
        raise DraftingFailed(_("There is already an article or deck named '%(name)s'; choose another title.",
                               name=stem))
    seeds.mkdir(parents=True, exist_ok=True)
    try:
        save_bank(article_path, text.replace("\r\n", "\n"), None)
    except FileChanged:
        raise DraftingFailed(_("Another deck named '%(name)s' was just created.", name=stem)) from None
    try:
        deck_id, yaml_text = draft_bank(article_path, article_path.relative_to(root).as_posix(), title,
                                        questions_dir())
        errors = save_and_sync(f"{deck_id}.yaml", yaml_text, None)
        if errors:
            raise DraftingFailed("; ".join(str(e) for e in errors[:3]))
    except (DraftingFailed, FileChanged) as exc:
        article_path.unlink(missing_ok=True)  # nothing half-made stays behind
        raise DraftingFailed(str(exc) or _("A deck with this name already exists.")) from exc
    return deck_id


@bp.route("/decks/new", methods=["GET", "POST"])
def new_deck():
    form = NewDeckForm()
    if form.validate_on_submit():
        text = form.article_text()
        if text is not None:
            try:
                deck_id = create_draft_deck(text, (form.title.data or "").strip() or None)
            except DraftingFailed as exc:
                form.text.errors = [str(exc)]
            else:
                flash(_("The new deck's items are waiting for your review."), "success")
                return redirect(url_for("teacher.review", deck=deck_id))
    return render_template("teacher/new_deck.html", form=form), 422 if form.errors else 200
