"""Live quiz games: making a game, joining it, answering, the teacher's controls, and what pages show.

Everything a game knows is in its rows (models/live.py), written in the request that changes it and
committed before the fan-out tells the open pages; so a reload, a phone that reconnects or a restarted
worker finds the game as it was. A signed-in student's answers are also stored as attempts of a quiz run of
mode "live" (their FSRS cards and the item analysis take them like any other answer).
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import case, func, select, update

from quizapp.checking import Verdict
from quizapp.extensions import db
from quizapp.live_quiz import Phase, Standing, phase_at, points, ranked, remaining_ms
from quizapp.models import Deck, LiveAnswer, LiveGame, LivePlayer, Question, QuizRun, User
from quizapp.models.time import utcnow
from quizapp.operations.quiz import mark_answer, record_attempt
from quizapp.operations.reviews import visible_to_students

SECONDS_CHOICES = (10, 20, 30, 60)
COUNT_CHOICES = (5, 10, 20)  # or every visible item
NICKNAME_CHARS = 20
PLAYERS_MAX = 300


class LiveError(Exception):
    """Something a player or teacher asked that the game cannot do now; `code` names it for the page."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def live_questions(deck: Deck) -> list[Question]:
    """The deck's items students may see, in file order."""
    return list(db.session.scalars(
        select(Question).join(Deck, Question.deck_id == Deck.id)
        .where(Question.deck_id == deck.id, visible_to_students()).order_by(Question.position)))


def pick_questions(deck: Deck, count: int | None, seed: str) -> list[str]:
    """`count` items of the deck drawn at random, or all of them: one per fact, as a study session asks, and
    the multiple-choice sibling where a fact has one (a live game is read off a projector and answered by a tap)."""
    by_fact: dict[str, Question] = {}
    for question in live_questions(deck):
        key = question.fact_key or question.id
        if key not in by_fact or (question.type == "mcq" and by_fact[key].type != "mcq"):
            by_fact[key] = question
    ids = [q.id for q in by_fact.values()]
    if count is not None and count < len(ids):
        ids = sorted(random.Random(seed).sample(ids, count), key=ids.index)
    return ids


def new_pin() -> str:
    """Six digits no game still running uses."""
    while True:
        pin = f"{secrets.randbelow(900_000) + 100_000}"
        if not db.session.scalar(select(LiveGame.id).where(LiveGame.pin == pin, LiveGame.state != "ended")):
            return pin


def create_game(host: User, deck: Deck, count: int | None, seconds: int, allow_guests: bool) -> LiveGame:
    end_stale_games(utcnow())  # games left open on a projector yesterday free their PINs
    game = LiveGame(pin=new_pin(), host_id=host.id, deck_id=deck.id, seconds=seconds, allow_guests=allow_guests,
                    question_ids=pick_questions(deck, count, secrets.token_hex(8)), state="lobby", current=-1,
                    version=1, created_at=utcnow())
    if not game.question_ids:
        raise LiveError("no_questions")
    db.session.add(game)
    db.session.flush()
    return game


def running_game(pin: str) -> LiveGame | None:
    pin = "".join(ch for ch in pin if ch.isdigit())
    if len(pin) != 6:
        return None
    return db.session.scalar(select(LiveGame).where(LiveGame.pin == pin, LiveGame.state != "ended")
                             .order_by(LiveGame.id.desc()).limit(1))


def locked(game: LiveGame) -> LiveGame:
    """The game row again, locked until the commit (PostgreSQL; SQLite writes one at a time anyway): answers
    and the teacher's buttons change the game one after another, so "everyone has answered" is counted right
    and no version number is given twice."""
    return db.session.execute(select(LiveGame).where(LiveGame.id == game.id).with_for_update()
                              .execution_options(populate_existing=True)).scalar_one()


def bump(game: LiveGame) -> None:
    """Count a change, in SQL (version = version + 1), so two answers at once never give one number twice;
    the caller commits, then publishes `game.version`, read back after the commit (see live/routes.py)."""
    game.version = LiveGame.version + 1


def nickname_key(nickname: str) -> str:
    """Nicknames that read alike are one ("Ana", "ANA", full-width "Ａｎａ").

    >>> nickname_key(" Ａｎａ ") == nickname_key("ana")
    True
    """
    return unicodedata.normalize("NFKC", nickname).casefold().strip()


def clean_nickname(nickname: str) -> str:
    """Printable, single spaces, at most NICKNAME_CHARS; empty when nothing is left."""
    text = "".join(ch for ch in unicodedata.normalize("NFKC", nickname or "")
                   if unicodedata.category(ch)[0] not in "CZ" or ch == " ")
    return " ".join(text.split())[:NICKNAME_CHARS]


def join(game: LiveGame, nickname: str, user: User | None, now: dt.datetime | None = None) -> LivePlayer:
    """Add a player, or give a signed-in student back the player they already are in this game."""
    now = now or utcnow()
    if user is not None:
        existing = db.session.scalar(select(LivePlayer).where(LivePlayer.game_id == game.id,
                                                              LivePlayer.user_id == user.id))
        if existing is not None:
            if existing.kicked:
                raise LiveError("kicked")
            return existing
    elif not game.allow_guests:
        raise LiveError("guests_not_allowed")
    game = locked(game)
    if game.state == "ended":
        raise LiveError("ended")
    nickname = clean_nickname(nickname)
    if not nickname:
        raise LiveError("nickname_empty")
    key = nickname_key(nickname)
    if db.session.scalar(select(LivePlayer.id).where(LivePlayer.game_id == game.id,
                                                     LivePlayer.nickname_key == key)):
        raise LiveError("nickname_taken")
    if (db.session.scalar(select(func.count(LivePlayer.id)).where(LivePlayer.game_id == game.id)) or 0) \
            >= PLAYERS_MAX:
        raise LiveError("full")
    player = LivePlayer(game_id=game.id, nickname=nickname, nickname_key=key, token=secrets.token_urlsafe(24),
                        user_id=user.id if user is not None and not user.is_teacher else None, joined_at=now)
    if player.user_id is not None:
        # finished from the start: never offered as a session to resume; its attempts are the history
        run = QuizRun(user_id=user.id, deck_id=game.deck_id, mode="live", question_ids=list(game.question_ids),
                      created_at=now, finished_at=now)
        db.session.add(run)
        db.session.flush()
        player.quiz_run_id = run.id
    db.session.add(player)
    bump(game)
    db.session.flush()
    return player


def player_of(game: LiveGame, player_id: int | None, token: str | None, user: User | None) -> LivePlayer | None:
    """The player this browser is: by the token in its session, or the signed-in student's player."""
    if player_id is not None and token:
        player = db.session.get(LivePlayer, player_id)
        if player is not None and player.game_id == game.id and secrets.compare_digest(player.token, token):
            return player
    if user is not None:
        return db.session.scalar(select(LivePlayer).where(LivePlayer.game_id == game.id,
                                                          LivePlayer.user_id == user.id))
    return None


def current_question(game: LiveGame) -> Question | None:
    if 0 <= game.current < len(game.question_ids):
        return db.session.get(Question, game.question_ids[game.current])
    return None


def options_of(game: LiveGame, question: Question) -> list[str]:
    """The options of an mcq item in one order for the projector and every phone of this game."""
    options = [question.answer, *question.distractors]
    random.Random(f"live:{game.id}:{game.current}:{question.id}").shuffle(options)
    return options


def active_players(game: LiveGame) -> list[LivePlayer]:
    return list(db.session.scalars(select(LivePlayer).where(LivePlayer.game_id == game.id,
                                                            LivePlayer.kicked.is_(False))
                                   .order_by(LivePlayer.id)))


def answers_to_current(game: LiveGame) -> list[LiveAnswer]:
    return list(db.session.scalars(
        select(LiveAnswer).join(LivePlayer, LiveAnswer.player_id == LivePlayer.id)
        .where(LiveAnswer.game_id == game.id, LiveAnswer.position == game.current,
               LivePlayer.kicked.is_(False))))


def answer(game: LiveGame, player: LivePlayer, position: int, choice: str | None, gaps: list[str] | None,
           now: dt.datetime | None = None) -> LiveAnswer:
    """Mark and keep a player's answer to the current question, once; a second send returns the first."""
    game = locked(game)
    now = now or utcnow()
    if player.kicked:
        raise LiveError("kicked")
    existing = db.session.scalar(select(LiveAnswer).where(LiveAnswer.player_id == player.id,
                                                          LiveAnswer.position == position))
    if existing is not None:
        return existing
    if position != game.current or phase_at(game.state, game.ends_at, now) is not Phase.QUESTION:
        raise LiveError("too_late")
    question = current_question(game)
    if question is None:
        raise LiveError("too_late")
    if question.type == "mcq" and (choice or "").strip() not in options_of(game, question):
        raise LiveError("no_choice")
    if question.type != "mcq" and not any((gap or "").strip() for gap in gaps or []):
        raise LiveError("empty")
    marking = mark_answer(question, question.deck.language, choice=choice, gap_answers=gaps)
    taken = max(0, int((now - game.started_at).total_seconds() * 1000)) if game.started_at else 0
    row = LiveAnswer(game_id=game.id, player_id=player.id, position=position, question_id=question.id,
                     answer_given=marking.answer_given[:500], verdict=marking.verdict.value, time_ms=taken,
                     points=points(marking.verdict.value, taken, game.seconds * 1000), created_at=now)
    db.session.add(row)
    db.session.flush()  # the unique key (player, position) refuses a second answer sent at the same moment
    if player.quiz_run_id is not None and player.user_id is not None:
        run = db.session.get(QuizRun, player.quiz_run_id)
        run.shown_question_id, run.shown_at = question.id, game.started_at
        record_attempt(run, db.session.get(User, player.user_id), question, marking, now)
    if len(answers_to_current(game)) >= len(active_players(game)):
        # everyone has answered: reveal now. Guarded in SQL, so an answer that is slow to arrive can never
        # cut short a question the teacher has moved on to meanwhile.
        db.session.execute(update(LiveGame).where(LiveGame.id == game.id, LiveGame.state == "question",
                                                  LiveGame.current == position, LiveGame.ends_at > now)
                           .values(ends_at=now).execution_options(synchronize_session=False))
    bump(game)
    return row


# -- the teacher's controls -------------------------------------------------------------------------------

def _ask(game: LiveGame, position: int, now: dt.datetime) -> None:
    if position >= len(game.question_ids):
        finish(game, now)
        return
    game.state, game.current, game.paused_ms = "question", position, None
    game.started_at, game.ends_at = now, now + dt.timedelta(seconds=game.seconds)


def control(game: LiveGame, action: str, now: dt.datetime | None = None) -> None:
    """start, next (reveal the question now, or after the reveal ask the next), skip (the next question
    without revealing this one), pause, resume, end."""
    game = locked(game)
    now = now or utcnow()
    phase = phase_at(game.state, game.ends_at, now)
    if phase is Phase.ENDED:
        raise LiveError("ended")
    if action == "start" and phase is Phase.LOBBY:
        _ask(game, 0, now)
    elif action == "next" and phase is Phase.QUESTION:
        game.ends_at = now
    elif action == "next" and phase is Phase.REVEAL:
        _ask(game, game.current + 1, now)
    elif action == "skip" and phase in (Phase.QUESTION, Phase.PAUSED, Phase.REVEAL):
        _ask(game, game.current + 1, now)
    elif action == "pause" and phase is Phase.QUESTION:
        game.state, game.paused_ms = "paused", remaining_ms(game.ends_at, now)
    elif action == "resume" and phase is Phase.PAUSED:
        game.state, game.ends_at = "question", now + dt.timedelta(milliseconds=game.paused_ms or 0)
        game.started_at = game.ends_at - dt.timedelta(seconds=game.seconds)  # the paused time is not counted
        game.paused_ms = None
    elif action == "end":
        finish(game, now)
    else:
        raise LiveError("not_now")
    bump(game)


def finish(game: LiveGame, now: dt.datetime) -> None:
    game.state, game.ended_at, game.ends_at = "ended", now, None


def kick(game: LiveGame, player_id: int) -> LivePlayer:
    game = locked(game)
    player = db.session.get(LivePlayer, player_id)
    if player is None or player.game_id != game.id:
        raise LiveError("no_player")
    player.kicked = True
    bump(game)
    return player


# -- what the pages show ----------------------------------------------------------------------------------

def standings(game: LiveGame) -> list[Standing]:
    """Every active player's points, right answers and time for them, ranked (one grouped query)."""
    right = case((LiveAnswer.verdict == "right", 1), else_=0)
    right_ms = case((LiveAnswer.verdict == "right", LiveAnswer.time_ms), else_=0)
    rows = db.session.execute(
        select(LivePlayer.id, LivePlayer.nickname, func.coalesce(func.sum(LiveAnswer.points), 0),
               func.coalesce(func.sum(right), 0), func.coalesce(func.sum(right_ms), 0))
        .outerjoin(LiveAnswer, LiveAnswer.player_id == LivePlayer.id)
        .where(LivePlayer.game_id == game.id, LivePlayer.kicked.is_(False))
        .group_by(LivePlayer.id, LivePlayer.nickname)).all()
    return ranked(Standing(pid, nick, int(score), int(n_right), int(ms), pid) for pid, nick, score, n_right, ms in rows)


@dataclass
class Distribution:
    """How the players answered the current question: per option (mcq) or per verdict (typed)."""

    options: list[tuple[str, int, bool]] = field(default_factory=list)
    verdicts: Counter = field(default_factory=Counter)
    answered: int = 0


def distribution(game: LiveGame, question: Question, answers: list[LiveAnswer]) -> Distribution:
    result = Distribution(answered=len(answers))
    counts = Counter(a.answer_given for a in answers)
    if question.type == "mcq":
        result.options = [(o, counts.get(o, 0), o == question.answer) for o in options_of(game, question)]
    result.verdicts = Counter(a.verdict for a in answers)
    return result


def verdict_label_key(verdict: str) -> str:
    return {Verdict.RIGHT.value: "right", Verdict.ALMOST.value: "almost"}.get(verdict, "wrong")


def stage_of(state: str, current: int, ends_at: dt.datetime | None) -> str:
    """What a phone shows, in a word: it refetches when this changes, not for every other player's answer.

    >>> stage_of("question", 2, dt.datetime(2026, 12, 2, 9, 0, 30))
    'question:2:1796202030.0'
    """
    return f"{state}:{current}:{ends_at.replace(tzinfo=dt.timezone.utc).timestamp() if ends_at else ''}"


def read_version(game_id: int) -> tuple[int, str] | None:
    """The game's version and stage, fresh from the database (the event streams' re-check)."""
    row = db.session.execute(select(LiveGame.version, LiveGame.state, LiveGame.current, LiveGame.ends_at)
                             .where(LiveGame.id == game_id)).first()
    return (row[0], stage_of(row[1], row[2], row[3])) if row else None


def end_stale_games(now: dt.datetime, hours: int = 12) -> int:
    """End games left running (a teacher closed the projector): their PINs become free again."""
    result = db.session.execute(update(LiveGame).where(LiveGame.state != "ended",
                                                       LiveGame.created_at < now - dt.timedelta(hours=hours))
                                .values(state="ended", ended_at=now, ends_at=None,
                                        version=LiveGame.version + 1))
    return result.rowcount or 0
