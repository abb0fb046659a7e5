"""Pages of the live quiz. Students: join, play (one page that follows the game), answer. The teacher: open
a game, the projector view, the controls. Both pages learn of changes by server-sent events and fetch their
panel again; without EventSource they poll, without JavaScript the page reloads itself."""

from __future__ import annotations

import time
from flask import (
    Response, abort, current_app, flash, redirect, render_template, request, session, stream_with_context, url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from quizapp.bank import cloze_gaps, render_cloze
from quizapp.bidi import isolated
from quizapp.extensions import db, limiter
from quizapp.live import bp
from quizapp.live.fanout import fanout, recheck_seconds
from quizapp.progress.class_routes import teacher_required
from quizapp.live.forms import AnswerForm, ControlForm, JoinForm, NewGameForm, fill_choices
from quizapp.live_quiz import Phase, phase_at, remaining_ms
from quizapp.models import Deck, LiveGame
from quizapp.models.time import utcnow
from quizapp.operations.live import answer as give_answer
from quizapp.operations.live import (
    COUNT_CHOICES, SECONDS_CHOICES, LiveError, active_players, answers_to_current, control, create_game,
    current_question, distribution, join, kick, live_questions, options_of, player_of, read_version, running_game,
    stage_of, standings,
)

SESSION_KEY = "live_players"
STREAM_SECONDS = 120  # a stream ends after this long and the browser opens a new one (EventSource retries)
SHAPES = ("▲", "◆", "●", "■", "★", "⬟")  # with a number and a colour: never colour alone


def messages() -> dict[str, str]:
    return {
        "kicked": _("The teacher removed you from this game."),
        "guests_not_allowed": _("This game is for signed-in students: log in first, then join."),
        "ended": _("This game has ended."),
        "nickname_empty": _("Choose a nickname the class will see."),
        "nickname_taken": _("Someone in this game already has that nickname: choose another."),
        "full": _("This game is full."),
        "too_late": _("Too late: time was up for this question. The next one comes soon."),
        "no_choice": _("Please choose an answer."),
        "empty": _("Type an answer first."),
        "not_now": _("That is not possible at this point of the game."),
        "no_questions": _("This deck has no questions students may see yet: approve some and publish the deck "
                          "first."),
        "no_player": _("That player is not in this game."),
    }


def publish(game: LiveGame) -> None:
    """After the commit: tell every open page of the game."""
    fanout(current_app).publish(game.id, game.version, stage_of(game.state, game.current, game.ends_at))


def signed_in_user():
    return current_user if current_user.is_authenticated else None


def remember_player(game: LiveGame, player) -> None:
    players = dict(session.get(SESSION_KEY) or {})
    players[str(game.id)] = [player.id, player.token]
    session[SESSION_KEY] = dict(list(players.items())[-5:])  # the last few games are enough


def this_player(game: LiveGame):
    player_id, token = (session.get(SESSION_KEY) or {}).get(str(game.id), (None, None))
    return player_of(game, player_id, token, signed_in_user())


def game_for_pin(pin: str) -> LiveGame:
    game = running_game(pin)
    if game is None:
        ended = db.session.scalar(select(LiveGame).where(LiveGame.pin == pin).order_by(LiveGame.id.desc()).limit(1))
        if ended is None:
            abort(404)
        return ended
    return game


# -- students ---------------------------------------------------------------------------------------------

@bp.route("/", methods=["GET", "POST"])
# A whole class joins from behind one address within a minute, so only failed joins count (wrong PIN, name
# taken): guessing one of 900,000 PINs at this rate takes days, and a game lasts a lesson.
@limiter.limit(lambda: current_app.config["LIVE_JOIN_FAILURE_RATE_LIMIT"], methods=["POST"],
               deduct_when=lambda response: response.status_code != 302)
def join_game():
    form = JoinForm(pin=request.args.get("pin", ""))
    if request.method == "GET" and current_user.is_authenticated and not form.nickname.data:
        form.nickname.data = current_user.username[:20]
    if form.validate_on_submit():
        game = running_game(form.pin.data)
        if game is None:
            form.pin.errors.append(_("No game with this PIN is open. Check the number on the projector."))
        else:
            try:
                player = join(game, form.nickname.data, signed_in_user())
            except LiveError as error:
                target = form.pin if error.code in ("guests_not_allowed", "ended", "full", "kicked") else form.nickname
                target.errors.append(messages()[error.code])
            except IntegrityError:  # the same nickname joined at the same moment
                db.session.rollback()
                form.nickname.errors.append(messages()["nickname_taken"])
            else:
                db.session.commit()
                publish(game)
                remember_player(game, player)
                return redirect(url_for("live.play", pin=game.pin))
    return render_template("live/join.html", form=form), 200 if request.method == "GET" or form.errors == {} else 422


def play_context(game: LiveGame, player) -> dict:
    now = utcnow()
    phase = phase_at(game.state, game.ends_at, now)
    question = current_question(game) if phase in (Phase.QUESTION, Phase.PAUSED, Phase.REVEAL) else None
    mine = None
    if question is not None:
        mine = next((a for a in answers_to_current(game) if a.player_id == player.id), None)
    table = standings(game) if phase in (Phase.REVEAL, Phase.ENDED) else []
    me = next((s for s in table if s.player_id == player.id), None)
    options = options_of(game, question) if question is not None and question.type == "mcq" else []
    key = f"{phase.value}:{game.current}:{'answered' if mine else 'open'}:{int(player.kicked)}"
    return dict(game=game, player=player, phase=phase, question=question, mine=mine, me=me, players=len(table),
                options=options, shapes=SHAPES, remaining=remaining_ms(game.ends_at, now), key=key,
                cloze_html=cloze_fields(question) if question is not None and question.type != "mcq" else None,
                form=AnswerForm(position=game.current), number=game.current + 1, total=len(game.question_ids),
                refresh=no_script_refresh(phase, mine, remaining_ms(game.ends_at, now)))


def no_script_refresh(phase: Phase, answered, remaining: int) -> int | None:
    """Seconds until a page without JavaScript reloads itself: soon, except while a student may be typing."""
    if phase is Phase.ENDED:
        return None
    if phase is Phase.QUESTION and not answered:
        return max(2, remaining // 1000 + 1)
    return 3


def cloze_fields(question) -> Markup:
    def field(gap) -> Markup:
        return Markup('<input type="text" name="gap-%d" class="gap" autocomplete="off" autocapitalize="off" '
                      'spellcheck="false" aria-label="%s">') % (gap.number, _("Gap %(n)s", n=gap.number))
    return render_cloze(question.text, field)


@bp.get("/<pin>")
def play(pin: str):
    game = game_for_pin(pin)
    player = this_player(game)
    if player is None:
        return redirect(url_for("live.join_game", pin=game.pin if game.state != "ended" else None))
    return render_template("live/play.html", **play_context(game, player))


def game_and_player(pin: str):
    """The game and this browser's player in it; 403 for anyone who has not joined."""
    game = game_for_pin(pin)
    player = this_player(game)
    if player is None:
        abort(403)
    return game, player


@bp.get("/<pin>/panel")
def play_panel(pin: str):
    return render_template("live/_play_panel.html", **play_context(*game_and_player(pin)))


@bp.post("/<pin>/answer")
def answer_question(pin: str):
    """Keep the answer. A page with JavaScript sends it in the background (header X-Live-Answer) and gets
    204, or 409 with the reason to show; without JavaScript the page is loaded again, with the reason."""
    game, player = game_and_player(pin)
    in_background = request.headers.get("X-Live-Answer") == "1"
    problem = None
    form = AnswerForm()
    if not form.validate_on_submit():
        problem = _("The answer could not be read; please try again.")
    else:
        question = current_question(game)
        gaps = [request.form.get(f"gap-{gap.number}", "")[:500] for gap in cloze_gaps(question.text)] \
            if question is not None and question.type != "mcq" else None
        try:
            give_answer(game, player, form.position.data, request.form.get("choice"), gaps)
            db.session.commit()
            publish(game)
        except IntegrityError:  # the same answer sent twice at once: the first one counts
            db.session.rollback()
        except LiveError as error:
            db.session.rollback()
            problem = messages()[error.code]
    if in_background:
        return (problem, 409, {"Content-Type": "text/plain; charset=utf-8"}) if problem else ("", 204)
    if problem:
        flash(problem, "error")
    return redirect(url_for("live.play", pin=game.pin), 303)


# -- the teacher ------------------------------------------------------------------------------------------

@bp.route("/new", methods=["GET", "POST"])
@teacher_required
def new_game():
    decks = [d for d in db.session.scalars(select(Deck).where(Deck.in_files.is_(True)).order_by(Deck.title))]
    form = NewGameForm(deck=request.args.get("deck"))
    fill_choices(form, decks)
    if form.validate_on_submit():
        deck = db.session.get(Deck, form.deck.data)
        count = None if form.count.data == "all" else int(form.count.data)
        if count is not None and count not in COUNT_CHOICES or int(form.seconds.data) not in SECONDS_CHOICES:
            abort(400)
        try:
            game = create_game(current_user, deck, count, int(form.seconds.data), form.allow_guests.data)
        except LiveError as error:
            form.deck.errors.append(messages()[error.code])
        else:
            db.session.commit()
            return redirect(url_for("live.host", game_id=game.id))
    counts = {d.id: len(live_questions(d)) for d in decks}
    return render_template("live/new.html", form=form, counts=counts), 200 if not form.errors else 422


def hosted_game(game_id: int) -> LiveGame:
    game = db.session.get(LiveGame, game_id)
    if game is None:
        abort(404)
    if game.host_id != current_user.id:
        abort(403)
    return game


def join_url(game: LiveGame) -> str:
    return url_for("live.join_game", pin=game.pin, _external=True)


def qr_svg(url: str) -> Markup:
    """The join link as a QR code, drawn here (no outside service): SVG for the projector."""
    import segno

    code = segno.make(url, error="m")
    return Markup(code.svg_inline(scale=6, omitsize=True, title=_("QR code of the join link"),
                                  svgclass="qr", lineclass="qr-line"))


def host_context(game: LiveGame) -> dict:
    now = utcnow()
    phase = phase_at(game.state, game.ends_at, now)
    question = current_question(game) if phase in (Phase.QUESTION, Phase.PAUSED, Phase.REVEAL) else None
    answers = answers_to_current(game) if question is not None else []
    players = active_players(game)
    table = standings(game) if phase in (Phase.REVEAL, Phase.ENDED) else []
    answered_ids = {a.player_id for a in answers}
    return dict(game=game, phase=phase, question=question, players=players, answered_ids=answered_ids,
                answered=len(answers), remaining=remaining_ms(game.ends_at, now), shapes=SHAPES,
                options=options_of(game, question) if question is not None and question.type == "mcq" else [],
                spread=distribution(game, question, answers) if question is not None else None,
                top=table[:5], podium=table[:3], join_url=join_url(game),
                qr=qr_svg(join_url(game)) if phase is Phase.LOBBY else None, form=ControlForm(),
                number=game.current + 1, total=len(game.question_ids), key=f"v{game.version}:{phase.value}",
                refresh=None if phase is Phase.ENDED else (max(2, remaining_ms(game.ends_at, now) // 1000 + 1)
                                                          if phase is Phase.QUESTION else 3))


@bp.get("/games/<int:game_id>")
@teacher_required
def host(game_id: int):
    return render_template("live/host.html", **host_context(hosted_game(game_id)))


@bp.get("/games/<int:game_id>/panel")
@teacher_required
def host_panel(game_id: int):
    return render_template("live/_host_panel.html", **host_context(hosted_game(game_id)))


@bp.post("/games/<int:game_id>/control")
@teacher_required
def host_control(game_id: int):
    game = hosted_game(game_id)
    action = next((a for a in ("start", "next", "skip", "pause", "resume", "end") if a in request.form), None)
    if ControlForm().validate_on_submit() and action:
        try:
            control(game, action)
            db.session.commit()
            publish(game)
        except LiveError as error:
            db.session.rollback()
            flash(messages()[error.code], "error")
    return redirect(url_for("live.host", game_id=game.id), 303)


@bp.post("/games/<int:game_id>/players/<int:player_id>/remove")
@teacher_required
def remove_player(game_id: int, player_id: int):
    game = hosted_game(game_id)
    if ControlForm().validate_on_submit():
        try:
            player = kick(game, player_id)
            db.session.commit()
            publish(game)
            flash(_("%(name)s was removed from the game.", name=isolated(player.nickname)), "info")
        except LiveError as error:
            db.session.rollback()
            flash(messages()[error.code], "error")
    return redirect(url_for("live.host", game_id=game.id), 303)


# -- change notices ---------------------------------------------------------------------------------------

def event_stream(game_id: int, known: int) -> Response:
    """Server-sent events: `data: <version> <stage>` whenever the game changes.

    Waits on the fan-out; when a wait times out it reads the version from the database (a notice lost, or a
    change made by another worker without Redis) and sends a comment, which also finds closed connections.
    The stream ends after STREAM_SECONDS and the browser reconnects, so no thread is held forever."""
    hub = fanout(current_app)
    recheck = recheck_seconds(current_app)
    lifetime = current_app.config.get("LIVE_STREAM_SECONDS", STREAM_SECONDS)

    def generate():
        version = known
        yield "retry: 1000\n\n"
        deadline = time.monotonic() + lifetime
        while time.monotonic() < deadline:
            news = hub.wait(game_id, version, timeout=recheck)
            if news is None:
                news = read_version(game_id)
                db.session.rollback()  # give the connection back while we wait
                if news is None:
                    return
            if news[0] > version:
                version = news[0]
                yield f"data: {news[0]} {news[1]}\n\n"
            else:
                yield ": still here\n\n"

    response = Response(stream_with_context(generate()), mimetype="text/event-stream")
    response.headers["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    return response


def known_version() -> int:
    try:
        return max(0, int(request.args.get("v", "0")))
    except ValueError:
        return 0


@bp.get("/<pin>/events")
def play_events(pin: str):
    game, _player = game_and_player(pin)
    db.session.rollback()
    return event_stream(game.id, known_version())


@bp.get("/games/<int:game_id>/events")
@teacher_required
def host_events(game_id: int):
    game = hosted_game(game_id)
    db.session.rollback()
    return event_stream(game.id, known_version())


@bp.app_template_filter("live_seconds")
def live_seconds(milliseconds: int) -> int:
    return (milliseconds + 999) // 1000




@bp.app_template_filter("cloze_blanks")
def cloze_blanks(text: str) -> Markup:
    """A cloze item for the projector: each gap a blank line."""
    return render_cloze(text, lambda gap: Markup('<span class="blank">_____</span>'))
