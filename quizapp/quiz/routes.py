"""The quiz loop: deck list, question, answer (stored once), feedback, summary, retry the missed."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from quizapp.analytics.days import today_bounds
from quizapp.bank import cloze_gaps, render_cloze
from quizapp.checking import Verdict
from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question, QuizRun
from quizapp.models.time import utcnow
from quizapp.operations.quiz import (
    Marking, RunState, deck_progress, find_attempt, load_question, mark_answer, mark_shown, next_question,
    note_finished, record_attempt, run_state, start_run, still_visible, visible_counts,
)
from quizapp.operations.sessions import resumable, start_session
from quizapp.scheduling.sessions import DEFAULT_LENGTH, SESSION_LENGTHS, session_length
from quizapp.quiz import bp
from quizapp.quiz.forms import answer_form
from quizapp.quiz.presenting import correct_answers, explain, highlight


@bp.app_template_filter("highlight")
def highlight_filter(sentence: str, answers: list[str]):
    return highlight(sentence, answers)


bp.add_app_template_filter(explain, "explain")  # why a typed answer was marked so: quiz/feedback.html


@bp.get("/")
@login_required
def index():
    decks = db.session.scalars(select(Deck).where(Deck.in_files.is_(True), Deck.archived.is_(False))
                               .order_by(Deck.title)).all()
    visible = visible_counts()
    counts = {deck.id: visible.get(deck.id, 0) for deck in decks}
    end_of_today = today_bounds(utcnow(), current_app.config["TIMEZONE"])[1]
    return render_template("quiz/index.html", decks=decks, counts=counts,
                           progress=deck_progress(current_user, end_of_today),
                           resume=resumable(current_user), lengths=SESSION_LENGTHS,
                           default_length=DEFAULT_LENGTH)


@bp.post("/decks/<deck_id>/start")
@login_required
def start(deck_id: str):
    deck = db.session.get(Deck, deck_id)
    if deck is None or not deck.in_files or deck.archived:
        abort(404)
    length = session_length(request.form.get("length"))
    if length is False:
        flash(_("Questions per session: choose 10, 15, 30 or all."), "error")
        return redirect(url_for("quiz.index"))
    run = start_session(current_user, deck, length)
    if run is None:
        db.session.rollback()
        if not visible_counts().get(deck.id):
            flash(_("This deck has no questions yet."), "info")
        else:
            flash(_("Nothing left to practise in this deck today: come back tomorrow, "
                    "or choose “All questions”."), "info")
        return redirect(url_for("quiz.index"))
    db.session.commit()
    return redirect(url_for("quiz.question", run_id=run.id))


def own_run(run_id: int) -> QuizRun:
    """The learner's own run; anyone else's is 'not found', not 'forbidden', to reveal nothing."""
    run = db.session.get(QuizRun, run_id)
    if run is None or run.user_id != current_user.id:
        abort(404)
    return run


@bp.get("/runs/<int:run_id>")
@login_required
def question(run_id: int):
    run = own_run(run_id)
    state = run_state(run)
    item = next_question(run, state) if run.finished_at is None else None
    if item is None:  # the summary stamps the finished run; a run ended by a newer one stays ended
        return redirect(url_for("quiz.summary", run_id=run_id))
    # Rendered before the commit, which expires every loaded object: reading them again costs four queries.
    page = render_quiz_page(run, item, answer_form(item, seed=str(run.id)), state)
    mark_shown(run, item)
    db.session.commit()
    return page


def render_quiz_page(run: QuizRun, item: Question, form, state: RunState | None = None, status: int = 200):
    state = state or run_state(run)
    cloze_html = None
    if item.type == "cloze":
        fields = iter(enumerate(form.gaps))

        def field_html(gap):
            index, field = next(fields)
            extra = {"autofocus": True} if index == 0 else {}
            return field(class_="gap", **extra, autocomplete="off", autocapitalize="off", spellcheck="false",
                         **{"aria-label": _("Gap %(n)s", n=gap.number),
                            "placeholder": gap.hint or "", "size": max(6, len(gap.answer) + 2)})

        cloze_html = render_cloze(item.text, field_html)
    return render_template("quiz/question.html", run=run, item=item, form=form, cloze_html=cloze_html,
                           number=state.answered + 1, total=state.total), status


@bp.post("/runs/<int:run_id>/answer")
@login_required
def answer(run_id: int):
    run = own_run(run_id)
    qid = request.form.get("question_id", "")
    if qid not in run.question_ids:
        abort(400)
    item = load_question(qid)
    if item is None:
        abort(404)
    feedback_url = url_for("quiz.feedback", run_id=run_id, question_id=qid)
    form = answer_form(item, seed=str(run.id), formdata=request.form)
    skipped = bool(request.form.get("skip"))
    if skipped:  # "I don't know": no answer needed, only the hidden fields (and the CSRF token)
        form.validate()
        valid = not form.question_id.errors and not form.errors.get("csrf_token")
    else:
        valid = form.validate() and not blank_cloze(item, form)
    if not valid:
        if find_attempt(run, item) is not None:  # double click, reload or back button: keep the first
            return redirect(feedback_url)
        return render_quiz_page(run, item, form, status=422)
    if skipped:
        marking = Marking(Verdict.WRONG, "")  # counts as Again; the feedback page says it was skipped
    elif item.type == "mcq":
        marking = mark_answer(item, item.deck.language, choice=form.choice.data)
    else:
        marking = mark_answer(item, item.deck.language, gap_answers=[f.data or "" for f in form.gaps])
    record_attempt(run, current_user, item, marking)  # a repeat (double click, back button) keeps the first
    db.session.commit()
    return redirect(feedback_url)


def blank_cloze(item: Question, form) -> bool:
    """An empty typed answer is never marked: the page asks again (as for an mcq with nothing chosen)."""
    if item.type != "cloze" or any((field.data or "").strip() for field in form.gaps):
        return False
    form.gaps.errors = [_("Type an answer, or press “I don't know”.")]
    return True


@bp.get("/runs/<int:run_id>/questions/<question_id>")
@login_required
def feedback(run_id: int, question_id: str):
    run = own_run(run_id)
    item = load_question(question_id)
    attempt = find_attempt(run, item) if item is not None else None
    if attempt is None:
        return redirect(url_for("quiz.question", run_id=run.id))
    gap_results = ()
    if item.type == "cloze":
        given = attempt.answer_given.split(" | ")
        gap_results = mark_answer(item, item.deck.language, gap_answers=given).gap_results
    state = run_state(run)
    page = render_template(
        "quiz/feedback.html", run=run, item=item, attempt=attempt, gap_results=gap_results,
        answers=correct_answers(item), finished=state.finished,
        number=state.answered, total=state.total, gaps=cloze_gaps(item.text),
    )
    if note_finished(run, state):  # after rendering: the commit expires what the page reads
        db.session.commit()
    return page


@bp.get("/runs/<int:run_id>/summary")
@login_required
def summary(run_id: int):
    run = own_run(run_id)
    attempts = list(db.session.scalars(select(Attempt).where(Attempt.quiz_run_id == run.id).order_by(Attempt.id)))
    missed = [a for a in attempts if a.verdict != Verdict.RIGHT.value]
    ids = {a.question_id for a in attempts}
    questions = {q.id: q for q in db.session.scalars(select(Question).where(Question.id.in_(ids)))}
    state = run_state(run)
    page = render_template("quiz/summary.html", run=run, attempts=attempts, missed=missed,
                           questions=questions, right=len(attempts) - len(missed),
                           almost=sum(a.verdict == Verdict.ALMOST.value for a in attempts),
                           unanswered=not state.finished and run.finished_at is None)
    if note_finished(run, state):
        db.session.commit()
    return page


@bp.post("/runs/<int:run_id>/retry-missed")
@login_required
def retry_missed(run_id: int):
    run = own_run(run_id)
    missed = still_visible([a.question_id for a in db.session.scalars(
        select(Attempt).where(Attempt.quiz_run_id == run.id, Attempt.verdict != Verdict.RIGHT.value)
        .order_by(Attempt.id))])  # an item a teacher took back since is not served again
    if not missed:
        flash(_("Nothing to practise: you got everything right."), "success")
        return redirect(url_for("quiz.summary", run_id=run.id))
    retry = start_run(current_user, run.deck, missed, mode="missed")
    db.session.commit()
    return redirect(url_for("quiz.question", run_id=retry.id))
