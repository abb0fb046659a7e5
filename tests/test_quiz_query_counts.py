"""The question page, the answer POST and the feedback page send as many SQL statements in a long run as in
a short one, early in the run as late."""

import re

import pytest

from sqlalchemy import event, select

from quizapp.extensions import db
from quizapp.models import Deck, Question, User
from quizapp.operations.quiz import start_run, visible_questions

DECK = "nordkorea-russland"
CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
QUESTION_RE = re.compile(r'name="question_id" type="hidden" value="([^"]+)"')
CHOICE_RE = re.compile(r'name="choice"[^>]*value="([^"]*)"')
GAP_RE = re.compile(r'name="(gaps-\d+)"')


@pytest.fixture
def statements(app):
    """The statements sent to the database (the test empties the list before each request it measures)."""
    sent = []
    with app.app_context():
        engine = db.engine

    def record(_conn, _cursor, statement, *_args):
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    yield sent
    event.remove(engine, "before_cursor_execute", record)


def run_of(app, username: str, size: int) -> str:
    """A run over the first `size` questions of the deck, for that learner."""
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        deck = db.session.get(Deck, DECK)
        run = start_run(user, deck, [q.id for q in visible_questions(deck)][:size])
        db.session.commit()
        return f"/runs/{run.id}"


def statements_per_step(app, client, statements: list, run_url: str) -> list[tuple[int, int, int]]:
    """(question GET, answer POST, feedback GET) statements for each question, answered wrongly in order."""
    steps = []
    while True:
        statements.clear()
        page = client.get(run_url)
        get = len(statements)
        if page.status_code == 302:
            return steps
        html = page.get_data(as_text=True)
        qid = QUESTION_RE.search(html).group(1)
        data = {"csrf_token": CSRF_RE.search(html).group(1), "question_id": qid}
        with app.app_context():
            answer = db.session.get(Question, qid).answer
        choices = [c for c in CHOICE_RE.findall(html) if c != answer]
        if choices:
            data["choice"] = choices[0]  # always wrong: a right answer also counts on the card
        for name in GAP_RE.findall(html):
            data[name] = "völlig falsch"
        statements.clear()
        reply = client.post(f"{run_url}/answer", data=data)
        post = len(statements)
        assert reply.status_code == 302
        statements.clear()
        assert client.get(reply.headers["Location"]).status_code == 200
        steps.append((get, post, len(statements)))


def test_statements_do_not_grow_with_the_run(app, client, auth, statements):
    counts = {}
    for size in (3, 22):  # a fresh learner each time: every answer is a first attempt
        auth.register(f"learner{size}")
        counts[size] = statements_per_step(app, client, statements, run_of(app, f"learner{size}", size))
        auth.logout()
    short, long = counts[3], counts[22]
    assert len(short) == 3 and len(long) == 22
    assert set(short[:-1]) == set(long[:-1]) and len(set(long[:-1])) == 1, counts  # the same at every step
    assert short[-1] == long[-1]  # the last answer also marks the run finished
    get, post, feedback = long[0]
    assert get <= 6 and feedback <= 6 and post <= 14, long[0]
