"""A live game from the lobby to the podium, as the projector and the phones see it."""

from __future__ import annotations

import datetime as dt
import html
import re

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, LiveAnswer, LiveGame, LivePlayer, Question, QuizRun, ReviewCard, User

from .conftest import control, join, open_game

CHOICE_RE = re.compile(r'name="choice" value="([^"]*)"')


def current(app, game_id: int) -> Question:
    with app.app_context():
        game = db.session.get(LiveGame, game_id)
        question = db.session.get(Question, game.question_ids[game.current])
        db.session.expunge(question)
        return question


def answer(person, pin: str, position: int, **data):
    return person.post(f"/live/{pin}/answer", {"position": str(position), **data}, page=f"/live/{pin}")


def answer_mcq(person, pin, position, right: bool, question: Question):
    page = person.get(f"/live/{pin}")
    options = [html.unescape(o) for o in CHOICE_RE.findall(page)]
    assert options, page[page.find("<main"):]
    assert question.answer in options and len(options) == 1 + len(question.distractors)
    choice = question.answer if right else next(o for o in options if o != question.answer)
    return answer(person, pin, position, choice=choice)


def play_until_mcq(app, teacher, game_id):
    """Skip ahead to the game's first multiple-choice question (the deck mixes both kinds)."""
    for _ in range(30):
        if current(app, game_id).type == "mcq":
            return current(app, game_id)
        control(teacher, game_id, "skip")
    raise AssertionError("the game asks no multiple-choice question")


def test_a_whole_game_scores_ranks_and_feeds_the_students_history(app, people):
    tina, anna, ben = people("tina"), people("anna"), people("ben")
    game_id, pin = open_game(tina, count="all")
    lobby = tina.get(f"/live/games/{game_id}")
    assert "Nobody has joined yet" in lobby and "<svg" in lobby and f"/live/?pin={pin}" in lobby  # QR of the link

    assert join(anna, pin, "Anna").status_code == 302
    assert join(ben, pin, "Benno").status_code == 302
    assert "Waiting for the teacher" in anna.get(f"/live/{pin}")
    lobby = tina.get(f"/live/games/{game_id}")
    assert "Anna" in lobby and "Benno" in lobby and "2 players" in lobby

    control(tina, game_id, "start")
    question = play_until_mcq(app, tina, game_id)
    with app.app_context():
        position = db.session.get(LiveGame, game_id).current
    assert "Question" in anna.get(f"/live/{pin}")
    assert answer_mcq(anna, pin, position, True, question).status_code == 303
    assert "Answer sent" in anna.get(f"/live/{pin}")
    answer(anna, pin, position, choice=question.distractors[0])  # a second send changes nothing
    projector = tina.get(f"/live/games/{game_id}")
    assert "1 of 2 answered" in projector and question.answer not in re.sub(r"<li class=\"tile[^>]*>.*?</li>", "",
                                                                             projector, flags=re.S)
    answer_mcq(ben, pin, position, False, question)  # the last player answers: the answer is shown at once

    reveal = tina.get(f"/live/games/{game_id}")
    assert "Leaderboard" in reveal and "is-answer" in reveal and html.escape(question.source_sentence) in reveal
    assert reveal.index("Anna") < reveal.index("Benno", reveal.index("Leaderboard"))
    mine = anna.get(f"/live/{pin}")
    assert "Right!" in mine and "You are number 1 of 2" in mine
    assert "Not right this time" in ben.get(f"/live/{pin}") and "number 2 of 2" in ben.get(f"/live/{pin}")
    with app.app_context():
        stored = db.session.scalars(select(LiveAnswer).where(LiveAnswer.game_id == game_id)).all()
        assert sorted((a.verdict, a.points > 500) for a in stored) == [("right", True), ("wrong", False)]

    control(tina, game_id, "end")
    podium = tina.get(f"/live/games/{game_id}")
    assert "Podium" in podium and "place-1" in podium and podium.index("Anna") < podium.index("Benno")
    assert "practise the missed ones" in anna.get(f"/live/{pin}")

    with app.app_context():  # the live answers are attempts too: FSRS cards and the history have them
        anna_id = db.session.scalar(select(User.id).where(User.username == "anna"))
        attempts = db.session.scalars(select(Attempt).where(Attempt.user_id == anna_id)).all()
        assert [(a.question_id, a.verdict) for a in attempts] == [(question.id, "right")]
        run = db.session.get(QuizRun, attempts[0].quiz_run_id)
        assert run.mode == "live" and run.finished_at is not None  # never offered as a session to resume
        assert db.session.scalar(select(ReviewCard).where(ReviewCard.user_id == anna_id)) is not None
    assert "Weiter" not in anna.get("/") and "Continue" not in anna.get("/")


def test_late_answers_are_refused_politely_and_pause_stops_the_clock(app, people):
    tina, anna, ben = people("tina"), people("anna"), people("ben")
    game_id, pin = open_game(tina, count="5", seconds="10")
    join(anna, pin, "Anna")
    join(ben, pin, "Ben")
    control(tina, game_id, "start")
    question = play_until_mcq(app, tina, game_id)
    with app.app_context():
        game = db.session.get(LiveGame, game_id)
        position = game.current
        game.ends_at = game.started_at = dt.datetime.utcnow() - dt.timedelta(seconds=1)  # time is up
        db.session.commit()
    response = answer(anna, pin, position, choice=question.answer)  # the page was open before time ran out
    page = anna.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Too late" in page and "No answer this time" in page
    with app.app_context():
        assert db.session.scalar(select(LiveAnswer).where(LiveAnswer.game_id == game_id)) is None

    control(tina, game_id, "next")  # on to the next question
    control(tina, game_id, "pause")
    assert "Paused" in tina.get(f"/live/games/{game_id}") and "Paused by the teacher" in anna.get(f"/live/{pin}")
    with app.app_context():
        paused = db.session.get(LiveGame, game_id).paused_ms
    assert 8_000 < paused <= 10_000
    control(tina, game_id, "resume")
    assert 'role="timer"' in anna.get(f"/live/{pin}")


def test_typed_answers_are_marked_leniently(app, people):
    tina, anna, ben = people("tina"), people("anna"), people("ben")
    game_id, pin = open_game(tina, count="all")
    join(anna, pin, "Anna")
    join(ben, pin, "Ben")
    control(tina, game_id, "start")
    for _ in range(30):  # the game asks the mcq sibling of a fact where it has one: find a cloze-only fact
        if current(app, game_id).type != "mcq":
            break
        control(tina, game_id, "skip")
    question = current(app, game_id)
    assert question.type == "cloze", "the seed deck has facts asked only as cloze"
    from quizapp.bank import cloze_gaps

    gaps = cloze_gaps(question.text)
    with app.app_context():
        position = db.session.get(LiveGame, game_id).current
    assert 'name="gap-1"' in anna.get(f"/live/{pin}")
    answer(anna, pin, position, **{f"gap-{g.number}": g.answer.upper() for g in gaps})  # case does not count
    response = answer(ben, pin, position, **{f"gap-{g.number}": "" for g in gaps})
    assert "Type an answer first" in ben.client.get(response.headers["Location"]).get_data(as_text=True)
    answer(ben, pin, position, **{f"gap-{g.number}": "Quatsch" for g in gaps})
    projector = tina.get(f"/live/games/{game_id}")
    assert "Right: 1 · almost right: 0 · wrong: 1" in projector


def test_joining_names_kicking_and_guests(app, people):
    tina, anna, ben, guest = people("tina"), people("anna"), people("ben"), people(None)
    game_id, pin = open_game(tina)
    page = guest.post("/live/", {"pin": pin, "nickname": "Gast"}, page="/live/")
    assert page.status_code == 422 and "log in first" in page.get_data(as_text=True)
    wrong_pin = anna.post("/live/", {"pin": "000000", "nickname": "Anna"}, page="/live/")
    assert wrong_pin.status_code == 422 and "No game with this PIN" in wrong_pin.get_data(as_text=True)
    assert join(anna, pin, "Flo").status_code == 302
    taken = join(ben, pin, " FLO ")
    assert taken.status_code == 422 and "already has that nickname" in taken.get_data(as_text=True)
    assert join(anna, pin, "Other").status_code == 302  # joining again: still the same player
    with app.app_context():
        flo = db.session.scalar(select(LivePlayer).where(LivePlayer.game_id == game_id))
        assert flo.nickname == "Flo"
        flo_id = flo.id
    removed = tina.post(f"/live/games/{game_id}/players/{flo_id}/remove", {}, page=f"/live/games/{game_id}")
    assert removed.status_code == 303
    assert "You were removed from this game" in anna.get(f"/live/{pin}")
    assert "Flo" not in tina.get(f"/live/games/{game_id}").split("players</h2>")[-1]

    open_id, open_pin = open_game(tina, guests=True)
    assert join(guest, open_pin, "Gast").status_code == 302
    assert "You are in" in guest.get(f"/live/{open_pin}")


def test_only_the_host_controls_a_game_and_only_players_see_it(app, people, create_user):
    tina, anna = people("tina"), people("anna")
    create_user("tom", teacher=True)
    tom = people("tom")
    game_id, pin = open_game(tina)
    assert tom.client.get(f"/live/games/{game_id}").status_code == 403
    assert anna.client.get(f"/live/games/{game_id}").status_code == 403
    assert anna.client.get("/live/new").status_code == 403
    not_joined = anna.client.get(f"/live/{pin}")
    assert not_joined.status_code == 302 and f"/live/?pin={pin}" in not_joined.headers["Location"]
    assert anna.client.get(f"/live/{pin}/panel").status_code == 403
    assert anna.client.get(f"/live/{pin}/events").status_code == 403


def test_event_stream_tells_of_each_change(app, people):
    tina, anna = people("tina"), people("anna")
    game_id, pin = open_game(tina)
    join(anna, pin, "Anna")
    with app.app_context():
        version = db.session.get(LiveGame, game_id).version
    response = anna.client.get(f"/live/{pin}/events?v=0")
    assert response.mimetype == "text/event-stream"
    body = response.get_data(as_text=True)
    assert body.startswith("retry: 1000") and f"data: {version} lobby:-1:" in body
    quiet = anna.client.get(f"/live/{pin}/events?v={version}").get_data(as_text=True)
    assert "data:" not in quiet and ": still here" in quiet  # nothing new: only keep-alive comments


def test_a_whole_class_behind_one_address_can_join_but_pin_guessing_is_slowed(app, people):
    """Thirty phones behind one school router join in a minute; wrong PINs from one address are limited."""
    tina, guest = people("tina"), people(None)
    game_id, pin = open_game(tina, guests=True)
    for n in range(30):
        phone = people(None)
        assert join(phone, pin, f"Kind {n}").status_code == 302, n
    tries = [guest.post("/live/", {"pin": f"{n:06d}", "nickname": "Rate"}, page="/live/").status_code
             for n in range(100_000, 100_070)]
    assert tries[:55] == [422] * 55 and 429 in tries  # each wrong PIN says so, then the address must wait
