"""Issue 12 finding 7: answers to one item arriving at the same moment in several runs all move the card
on."""

import threading

import pytest
from sqlalchemy import select

from quizapp.checking import Verdict
from quizapp.extensions import db
from quizapp.models import Question, QuizRun, ReviewCard, User
from quizapp.operations.quiz import Marking, record_attempt

ITEM = "nkru-grenze-laenge"
RUNS = 10


def runs_of(app, username: str, count: int) -> tuple[int, list[int]]:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        runs = [QuizRun(user_id=user.id, deck_id="nordkorea-russland", mode="deck", question_ids=[ITEM])
                for _ in range(count)]
        db.session.add_all(runs)
        db.session.commit()
        return user.id, [run.id for run in runs]


def answer_at_once(app, user_id: int, run_ids: list[int]) -> list:
    """One thread per run, released together, each recording a right answer to the item and committing."""
    start, errors = threading.Barrier(len(run_ids)), []

    def answer(run_id):
        try:
            with app.app_context():
                run, user = db.session.get(QuizRun, run_id), db.session.get(User, user_id)
                question = db.session.get(Question, ITEM)
                start.wait()
                record_attempt(run, user, question, Marking(Verdict.RIGHT, "17"))
                db.session.commit()
        except Exception as error:  # noqa: BLE001  reported by the test
            errors.append(error)

    threads = [threading.Thread(target=answer, args=(run_id,)) for run_id in run_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def card_of(app, user_id: int) -> tuple[int, int]:
    with app.app_context():
        card = db.session.scalar(select(ReviewCard).where(ReviewCard.user_id == user_id,
                                                          ReviewCard.question_id == ITEM))
        return card.reps, card.correct_count


@pytest.mark.parametrize("answered_before", [0, 1], ids=["first-answers", "card-exists"])
def test_simultaneous_answers_each_count_on_the_card(app, create_user, answered_before):
    create_user("anna")
    user_id, run_ids = runs_of(app, "anna", RUNS + answered_before)
    if answered_before:
        assert answer_at_once(app, user_id, run_ids[:1]) == []
    assert answer_at_once(app, user_id, run_ids[answered_before:]) == []
    assert card_of(app, user_id) == (RUNS + answered_before, RUNS + answered_before)
