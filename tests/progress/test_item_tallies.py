"""The first-attempt tallies behind item analysis: the same sums as the direct computation, kept by each
first attempt, and filled from existing review cards by the migration."""

import random
import threading

import pytest
from flask_migrate import downgrade, upgrade

from quizapp.analytics.item_analysis import sums_by_item, sums_by_mark
from quizapp.extensions import db
from quizapp.models import Deck, FirstAnswerCount, FirstVerdictLearners
from quizapp.operations.class_progress import item_analysis

from .test_item_analysis import EXPECTED, class_answers, expected_figures  # noqa: F401  (a fixture)


@pytest.mark.parametrize("seed", range(5))
def test_sums_by_mark_equal_sums_by_item(seed):
    rng = random.Random(seed)
    firsts = [(learner, f"q{item}", rng.choice([0.0, 0.5, 1.0, 1.0])) for learner in range(1, 40)
              for item in range(8) if rng.random() < 0.8]  # some learners skip some items
    groups: dict[tuple, list[int]] = {}
    for learner, qid, mark in firsts:
        groups.setdefault((qid, mark), []).append(learner)
    by_mark = sums_by_mark([(qid, mark, learners) for (qid, mark), learners in groups.items()])
    assert by_mark == sums_by_item(firsts)  # marks are halves: both sums are exact


def tallies(app):
    with app.app_context():
        learners = {(row.question_id, row.verdict): sorted(row.learners.split())
                    for row in db.session.scalars(db.select(FirstVerdictLearners))}
        answers = {(row.question_id, row.verdict, row.answer): row.count
                   for row in db.session.scalars(db.select(FirstAnswerCount))}
        return learners, answers


def test_only_students_first_attempts_are_tallied(app, class_answers):  # noqa: F811
    learners, answers = tallies(app)
    with app.app_context():
        ids = dict(db.session.execute(db.text("SELECT username, id FROM users")).all())
    assert learners["t-fluss", "right"] == sorted(str(ids[s]) for s in ["s1", "s2", "s3"])
    assert learners["t-fluss", "wrong"] == sorted(str(ids[s]) for s in ["s4", "s5"])  # s4's later right: no
    assert answers["t-fluss", "wrong", "Jalu"] == 2 and ("t-fluss", "wrong", "Ussuri") not in answers  # teacher
    assert answers["t-bruecke", "wrong", "amur "] == 1 and answers["t-bruecke", "almost", "Tumenn"] == 1


def test_migration_fills_the_tallies_from_review_cards(app, class_answers):  # noqa: F811
    live = tallies(app)
    with app.app_context():
        downgrade(revision="0003_bank_load_errors")
        upgrade()
        rows = item_analysis(db.session.get(Deck, "testdeck"), min_learners=5)
        assert expected_figures(stats for _q, stats in rows) == EXPECTED
        db.session.remove()
    assert tallies(app) == live


def test_first_attempts_at_the_same_moment_are_all_tallied(app, create_user, answer):
    names = [f"p{i}" for i in range(8)]
    for name in names:
        create_user(name)
    errors = []

    def give(name):
        try:
            answer(name, "t-fluss", "wrong", "Jalu")
        except Exception as error:  # noqa: BLE001  reported below, with the thread's name
            errors.append((name, error))

    threads = [threading.Thread(target=give, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    learners, answers = tallies(app)
    assert errors == [] and len(learners["t-fluss", "wrong"]) == 8 and answers["t-fluss", "wrong", "Jalu"] == 8
