"""New deck from an article: the generator drafts items ; the text is saved under seeds/ with them.

The form only checks and queues: generating runs as a job (quizapp/jobs/) and the job page shows its
progress, then forwards to the review queue, or shows what went wrong with a retry.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Callable

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from quizapp.bank.articles import ARTICLES_DIR
from quizapp.bank.limits import ARTICLE_MAX_BYTES, DECK_TITLE_CHARS
from quizapp.bank.reading import read_regular_file
from quizapp.bank.write import FileChanged, save_bank
from quizapp.extensions import db
from quizapp.jobs import JobFailed, prepare_worker, submit
from quizapp.models import Job
from quizapp.operations.jobs import is_stalled, queue_job, requeue_job
from quizapp.teacher import bp
from quizapp.teacher.files import bank_path, check_text, questions_dir, save_checked
from quizapp.teacher.forms import NewDeckForm, RetryJobForm

HEADLINE_MAX_CHARS = 120  # a longer first line is the article's first paragraph, not its headline
DATE_LINE_RE = re.compile(r"^\s*date\s+\S+\s+")  # the corpus's "date 2025-07" prefix is no title


class DraftingFailed(JobFailed):
    """The article could not become a deck; nothing was kept."""


def headline_of(text: str) -> str | None:
    """The article's first line as its title, spelt as written, when it is short enough to be a headline.

    >>> headline_of("\\n  Nordkorea und  Russland: Eine immer engere Beziehung \\nNordkorea und Russland teilen ...")
    'Nordkorea und Russland: Eine immer engere Beziehung'
    >>> headline_of("date 2025-07 Der Bodensee ist groß. " * 10) is None
    True
    """
    for line in text.splitlines():
        line = " ".join(DATE_LINE_RE.sub("", line).split())
        if line:
            return line if len(line) <= min(HEADLINE_MAX_CHARS, DECK_TITLE_CHARS) else None
    return None


def article_names(text: str, title: str | None) -> tuple[str, Path, str]:
    """(file stem, article path, source path as the bank records it) for a new article."""
    from quizapp.generation.ids import slug

    seeds = Path(current_app.config["PROJECT_ROOT"]) / ARTICLES_DIR
    stem = slug(title or " ".join(DATE_LINE_RE.sub("", text).split()[:6]), limit=60)
    return stem, seeds / f"{stem}.txt", f"{ARTICLES_DIR}/{stem}.txt"


def name_taken(text: str, title: str | None) -> str | None:
    """The message when an article or deck of this name exists already (a retry of this very text is not)."""
    from quizapp.generation.pipeline import deck_id_for

    stem, article_path, _source = article_names(text, title)
    if (article_path.exists() and not _same_text(article_path, text)) or \
            bank_path(f"{deck_id_for(article_path)}.yaml").exists():
        return _("There is already an article or deck named '%(name)s'; choose another title.", name=stem)
    return None


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


def create_draft_deck(text: str, title: str | None, on_saving: Callable[[], None] = lambda: None) -> str:
    """Generate the article's bank, then save article and bank together and load them; returns the deck id.

    Generating (the slow part) writes nothing, so a worker stopped meanwhile leaves nothing behind. The
    article is written (atomically) just before the bank and removed again if anything after it fails.
    """
    text = text.replace("\r\n", "\n")
    _stem, article_path, source_path = article_names(text, title)
    taken = name_taken(text, title)
    if taken:
        raise DraftingFailed(taken)
    again = _same_text(article_path, text)  # a retry after an attempt that was stopped: its article is ours
    deck_id, yaml_text = draft_bank(text, source_path, title, questions_dir())
    on_saving()
    article_path.parent.mkdir(parents=True, exist_ok=True)
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
            raise DraftingFailed(name_taken(text, title) or str(exc)) from None
        raise
    return deck_id


def run_new_deck_job(job: Job, stage: Callable[[str], None]) -> str:
    """The job behind the form: the deck id, or DraftingFailed with the teacher's message."""
    return create_draft_deck(job.article, job.title, on_saving=lambda: stage("saving"))


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
    kept_upload = None
    prepare_worker(current_app._get_current_object())  # the generator loads while the form is filled in
    if request.method == "GET" and request.args.get("job"):  # "change the article" after a failed job
        job = db.session.get(Job, request.args["job"])
        if job is not None and job.state == "failed":
            form.title.data, form.text.data = job.title, job.article
    if form.validate_on_submit():
        text = form.article_text()
        if text is not None:
            title = (form.title.data or "").strip() or headline_of(text)
            taken = name_taken(text.replace("\r\n", "\n"), title)
            if taken:
                form.title.errors = [taken]
            else:
                job = queue_job("new_deck", text, title, current_user.id, str(get_locale()))
                db.session.commit()
                submit(current_app._get_current_object(), job.id)
                return redirect(url_for("teacher.job_page", job_id=job.id), code=303)
        if text is not None and form.upload.data and getattr(form.upload.data, "filename", ""):
            form.text.data, kept_upload = text, form.upload.data.filename  # a file input cannot be refilled
    return render_template("teacher/new_deck.html", form=form, kept_upload=kept_upload,
                           max_kb=ARTICLE_MAX_BYTES // 1000,
                           max_words=ARTICLE_MAX_BYTES // 7000 * 1000), 422 if form.errors else 200


def _job_or_404(job_id: str) -> Job:
    job = db.session.get(Job, job_id)
    if job is None or job.kind != "new_deck":
        abort(404)
    if is_stalled(job, timedelta(seconds=current_app.config["JOB_STALE_SECONDS"])):
        job.state, job.stage, job.retryable = "failed", None, True
        job.error = _("The job stopped without finishing (its worker was restarted); nothing was saved. "
                      "Try again.")
        db.session.commit()
    return job


def _job_status(job: Job) -> dict:
    """What the job page shows, for the page itself and for its script's polling."""
    stages = {"queued": _("Waiting for a free worker…"), "generating": _("Reading the article and writing "
                                                                         "questions…"),
              "saving": _("Saving the article and the new deck…")}
    return {"state": job.state, "message": stages.get(job.stage or job.state, ""), "error": job.error,
            "next": url_for("teacher.job_page", job_id=job.id) if job.state == "done" else None}


@bp.get("/jobs/<job_id>")
def job_page(job_id: str):
    """The job's progress; when it is done, on to the review queue of the new deck."""
    job = _job_or_404(job_id)
    if job.state == "done":
        flash(_("The new deck's items are waiting for your review."), "success")
        return redirect(url_for("teacher.review", deck=job.result), code=303)
    return render_template("teacher/job.html", job=job, status=_job_status(job), retry_form=RetryJobForm())


@bp.get("/jobs/<job_id>/status")
def job_status(job_id: str):
    """The job page's state as JSON, polled by jobs.js so the page updates without reloading."""
    return jsonify(_job_status(_job_or_404(job_id)))


@bp.post("/jobs/<job_id>/retry")
def retry_job(job_id: str):
    """Queue a failed job again with the same article and title."""
    job = _job_or_404(job_id)
    if RetryJobForm().validate_on_submit() and job.state == "failed" and job.retryable and requeue_job(job):
        db.session.commit()
        submit(current_app._get_current_object(), job.id)
    return redirect(url_for("teacher.job_page", job_id=job.id), code=303)
