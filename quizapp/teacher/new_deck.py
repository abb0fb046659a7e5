"""New deck from an article: the generator drafts items ; the text is saved under seeds/ with them."""

from __future__ import annotations

import re
from pathlib import Path

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from quizapp.bank.articles import ARTICLES_DIR
from quizapp.bank.limits import ARTICLE_MAX_BYTES
from quizapp.bank.reading import read_regular_file
from quizapp.bank.write import FileChanged, save_bank
from quizapp.teacher import bp
from quizapp.teacher.files import bank_path, check_text, questions_dir, save_checked
from quizapp.teacher.forms import NewDeckForm


class DraftingFailed(Exception):
    """The article could not become a deck; nothing was kept."""


def draft_bank(text: str, source_path: str, title: str | None, questions: Path) -> tuple[str, str]:
    """(deck id, bank YAML) generated from an article's text, every item a draft. The one generator call."""
    from quizapp.generation import GenerationError
    from quizapp.generation.batch import other_decks_names
    from quizapp.generation.merge import merge_deck
    from quizapp.generation.pipeline import deck_id_for, generate_deck_from_text

    deck_id = deck_id_for(Path(source_path))
    try:
        deck = generate_deck_from_text(text, source_path, known=other_decks_names(questions, {deck_id}))
    except GenerationError as exc:
        raise DraftingFailed(str(exc)) from exc
    if title:
        deck["deck"]["title"] = title
    for item in deck["questions"]:
        item["status"] = "draft"
    return deck["deck"]["id"], merge_deck(deck, questions / f"{deck_id}.yaml").text


def create_draft_deck(text: str, title: str | None) -> str:
    """Generate the article's bank, then save article and bank together and load them; returns the deck id.

    Generating (the slow part) writes nothing, so a worker stopped meanwhile leaves nothing behind. The
    article is written (atomically) just before the bank and removed again if anything after it fails.
    """
    from quizapp.generation.ids import slug
    from quizapp.generation.pipeline import deck_id_for

    text = text.replace("\r\n", "\n")
    seeds = Path(current_app.config["PROJECT_ROOT"]) / ARTICLES_DIR
    words = re.sub(r"^\s*date\s+\S+\s+", "", text).split()  # the corpus's "date 2025-07" line is no title
    stem = slug(title or " ".join(words[:6]), limit=60)
    article_path, source_path = seeds / f"{stem}.txt", f"{ARTICLES_DIR}/{stem}.txt"
    taken = _("There is already an article or deck named '%(name)s'; choose another title.", name=stem)
    again = _same_text(article_path, text)  # a retry after an attempt that was stopped: its article is ours
    if (article_path.exists() and not again) or bank_path(f"{deck_id_for(article_path)}.yaml").exists():
        raise DraftingFailed(taken)
    deck_id, yaml_text = draft_bank(text, source_path, title, questions_dir())
    seeds.mkdir(parents=True, exist_ok=True)
    written = saving = False
    bank = bank_path(f"{deck_id}.yaml")
    try:
        if not again:
            save_bank(article_path, text, None)
            written = True
        errors = check_text(yaml_text, bank.name).errors
        if not errors:
            saving = True
            errors = save_checked(bank.name, yaml_text, None)
        if errors:
            raise DraftingFailed("; ".join(str(e) for e in errors[:3]))
    except BaseException as exc:  # also a worker stopped at its timeout (SystemExit): nothing half-made stays
        if saving and not isinstance(exc, FileChanged) and _same_text(bank, yaml_text):
            bank.unlink(missing_ok=True)  # ours: FileChanged would mean someone else's deck of that name
        if written:
            article_path.unlink(missing_ok=True)
        if isinstance(exc, FileChanged):
            raise DraftingFailed(taken) from None
        raise
    return deck_id


def _same_text(path: Path, text: str) -> bool:
    """Whether the file is a regular file holding exactly this text (read no further than its length)."""
    data = text.encode("utf-8")
    try:
        return read_regular_file(path, len(data)) == data
    except OSError:  # missing, too long (FileTooLarge) or not a regular file: not the same text
        return False


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
    return render_template("teacher/new_deck.html", form=form, max_kb=ARTICLE_MAX_BYTES // 1000,
                           max_words=ARTICLE_MAX_BYTES // 7000 * 1000), 422 if form.errors else 200
