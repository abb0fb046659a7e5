"""No progress page issues more SQL queries when there are more items, answers or students."""

import contextlib
import datetime as dt

from sqlalchemy import event

from quizapp.extensions import db

from .conftest import NOW

NK = ["n-01", "n-02", "n-03",
      "n-04"]


@contextlib.contextmanager
def counting(app):
    """Count the statements sent to the database inside the block."""
    calls = []
    with app.app_context():
        engine = db.engine

    def count(*_args):
        calls.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield calls
    finally:
        event.remove(engine, "before_cursor_execute", count)


def page_counts(app, client, auth, student_id):
    """Queries per page, for the student's and the teacher's pages (each page fetched once before)."""
    pages = {
        "student": ["/", "/progress/decks/testdeck", "/progress/decks/nachbarn", "/progress/history.csv"],
        "lehrer": ["/progress/class", f"/progress/class/students/{student_id}",
                   f"/progress/class/students/{student_id}/decks/nachbarn",
                   "/progress/class/decks/nachbarn/items", "/progress/class/decks/testdeck/items",
                   "/progress/class/results.csv"],
    }
    result = {}
    for who, urls in pages.items():
        auth.login(who)
        for url in urls:
            assert client.get(url).status_code == 200, url
            with counting(app) as calls:
                client.get(url)
            result[url] = len(calls)
        auth.logout()
    return result


def add_class(create_user, answer, names, questions, rounds):
    for name in names:
        create_user(name)
        for r in range(rounds):
            for i, qid in enumerate(questions):
                when = NOW - dt.timedelta(days=rounds - r, minutes=i)
                answer(name, qid, "right" if (i + r) % 3 else "wrong", "Amur" if i % 2 else "x", when=when)


def test_query_counts_do_not_grow(app, client, auth, create_user, answer):
    create_user("lehrer", teacher=True)
    add_class(create_user, answer, ["student"], NK[:2] + ["t-fluss"], rounds=1)
    small = page_counts(app, client, auth, student_id=2)
    add_class(create_user, answer, [f"s{i}" for i in range(6)], NK + ["t-fluss", "t-grenze", "t-bruecke"], 2)
    answer("student", NK[3], "wrong", "x", when=NOW - dt.timedelta(days=3))
    answer("student", "t-bruecke", "right", "Tumen", when=NOW - dt.timedelta(days=2))
    big = page_counts(app, client, auth, student_id=2)
    assert big == small
    assert max(small.values()) <= 12
