"""Hostile text in a bank file or an answer shows as text on every page and in the Anki export."""

from __future__ import annotations

import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from quizapp.extensions import db
from tests.conftest import csrf_token_from
from tests.security.conftest import log_in
from tests.security.support import build_url, inline_code

SCRIPT = '<script>alert("xss")</script>'
IMG = "<img src=x onerror=alert(1)>"
JINJA = "{{ 7*191 }}"  # 1337 if anything evaluated it
STATEMENT = "{% include 'base.html' %}"
ENTITY = "&lt;b&gt; &amp; &#60;i&#62;"
QUOTES = "\" autofocus onfocus=\"alert(2)\" x='"
ALL = f"{SCRIPT} {IMG} {JINJA} {STATEMENT} {ENTITY} {QUOTES}"
CLOZE_ALL = ALL.replace(JINJA, "")  # '{{' outside a gap is an error in cloze text, as it should be

BANK = """\
deck:
  id: boese
  title: {all}
  language: de
  source:
    path: seeds/boese.txt
questions:
  - id: boese-mcq
    type: mcq
    text: {mcq_text}
    answer: {quotes}
    distractors: [{script}, {img}, {jinja}]
    explanation: {all}
    source:
      sentence: {all}
      context: {all}
    kind: begriff
    tags: [boese]
    status: approved
  - id: boese-cloze
    type: cloze
    text: {cloze_text}
    explanation: {all}
    source:
      sentence: {all}
    status: approved
"""


def yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def questions_dir(tmp_path) -> Path:
    """Only the hostile deck."""
    folder = tmp_path / "questions"
    folder.mkdir()
    values = {"all": ALL, "quotes": QUOTES, "script": SCRIPT, "img": IMG, "jinja": JINJA,
              "mcq_text": f"{ALL} ____.", "cloze_text": f"{CLOZE_ALL} {{{{c1::42::{ENTITY}}}}} Ende."}
    (folder / "boese.yaml").write_text(BANK.format(**{k: yaml_string(v) for k, v in values.items()}),
                                       encoding="utf-8")
    return folder


def assert_inert(html: str, where: str) -> None:
    """No payload became markup or ran through a template engine."""
    assert "<script>alert" not in html, f"{where}: a <script> from the data became markup"
    assert "<img src=x" not in html, f"{where}: an <img> from the data became markup"
    assert "1337" not in html, f"{where}: '{{{{ 7*191 }}}}' from the data was evaluated"
    assert 'onfocus="alert' not in html, f"{where}: quotes from the data broke out of an attribute"
    assert not inline_code(html), f"{where}: {inline_code(html)}"


@pytest.fixture
def hostile(app):
    with app.app_context():
        from quizapp.extensions import db
        from quizapp.models import Question

        assert db.session.get(Question, "boese-mcq") is not None, app.extensions.get("quizapp.bank_errors")


def test_student_pages_show_hostile_text_as_text(app, hostile, client, forms, create_user):
    create_user("anna")
    log_in(forms, "anna")
    index = client.get("/").get_data(as_text=True)
    assert_inert(index, "deck list")
    assert "&lt;script&gt;alert(" in index  # the title is there, as text
    assert "{{ 7*191 }}" in index and "{% include &#39;base.html&#39; %}" in index
    assert "&amp;lt;b&amp;gt;" in index  # an entity in the data is shown as typed, not decoded

    token = csrf_token_from(index)
    run_url = client.post("/decks/boese/start", data={"csrf_token": token}).headers["Location"]
    seen = []
    for _ in range(2):
        page = client.get(run_url)
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        assert_inert(html, f"question page {len(seen) + 1}")
        assert "&lt;script&gt;alert(" in html
        qid = "boese-mcq" if 'name="choice"' in html else "boese-cloze"
        data = {"csrf_token": csrf_token_from(html), "question_id": qid}
        if qid == "boese-mcq":
            data["choice"] = QUOTES
        else:
            data["gaps-0"] = SCRIPT + JINJA  # what a learner types is text too
        answered = client.post(f"{run_url}/answer", data=data)
        assert answered.status_code == 302, answered.get_data(as_text=True)[:500]
        feedback = client.get(answered.headers["Location"]).get_data(as_text=True)
        assert_inert(feedback, f"feedback on {qid}")
        seen.append(qid)
    assert sorted(seen) == ["boese-cloze", "boese-mcq"]
    summary = client.get(f"{run_url}/summary").get_data(as_text=True)
    assert_inert(summary, "summary")
    assert "&lt;script&gt;alert(" in summary


def test_every_page_of_every_role_keeps_hostile_text_inert(app, hostile, client, forms, create_user):
    """Teacher pages, progress and whatever comes later: every GET page that names the hostile deck."""
    from types import SimpleNamespace

    hostile_class = (SCRIPT + QUOTES)[:80]  # the class's name is text a teacher typed
    create_user("anna", school_class=hostile_class)
    student_id = create_user("ben", school_class=hostile_class)
    create_user("tina", teacher=True, school_class=hostile_class)
    with app.app_context():
        from quizapp.extensions import db
        from quizapp.models import Deck, SchoolClass
        from quizapp.operations.assignments import assign_deck

        school_class = db.session.scalar(db.select(SchoolClass))
        assignment = assign_deck(school_class, db.session.get(Deck, "boese"), None, 15)
        db.session.commit()
        class_values = dict(class_id=school_class.id, assignment_id=assignment.id, join_code=school_class.join_code)
    ben = app.test_client()
    log_in(type(forms)(ben), "ben")
    start = ben.post("/decks/boese/start", data={"csrf_token": csrf_token_from(ben.get("/").get_data(as_text=True))})
    run_url = start.headers["Location"]
    html = ben.get(run_url).get_data(as_text=True)
    qid = "boese-mcq" if 'name="choice"' in html else "boese-cloze"
    ben.post(f"{run_url}/answer", data={"csrf_token": csrf_token_from(html), "question_id": qid,
                                        "choice": QUOTES, "gaps-0": SCRIPT})
    run_id = int(run_url.rstrip("/").split("/")[-1])
    with app.app_context():  # a live game on the hostile deck, ben playing under a hostile nickname
        from quizapp.models import Deck, User
        from quizapp.operations.live import create_game, join

        tina = db.session.scalar(db.select(User).where(User.username == "tina"))
        game = create_game(tina, db.session.get(Deck, "boese"), None, 20, allow_guests=False)
        player = join(game, SCRIPT[:20], db.session.get(User, student_id))
        from quizapp.operations.jobs import queue_job  # and a failed new-deck job whose title and error are hostile

        job = queue_job("new_deck", SCRIPT + "\n", SCRIPT[:40], None, "de")
        job.state, job.error, job.retryable = "failed", f"seeds/x.txt: {SCRIPT}", True
        db.session.commit()
        live = {"game_id": game.id, "pin": game.pin, "player_id": player.id, "job_id": job.id}
    world = SimpleNamespace(deck_id="boese", question_id=qid, other_run_id=run_id, other_user_id=student_id,
                            **class_values, **live)
    for name, session in (("ben", ben), ("tina", None)):
        if session is None:
            session = app.test_client()
            log_in(type(forms)(session), name)
        for rule in app.url_map.iter_rules():
            if "GET" not in (rule.methods or ()) or rule.endpoint == "static":
                continue
            response = session.get(build_url(app, rule, world))
            if response.status_code == 200 and response.mimetype == "text/html":
                assert_inert(response.get_data(as_text=True), f"{rule.endpoint} as {name}")
            response.close()  # an unread event stream would otherwise keep its request context pushed


def anki_fields(package: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive, tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
        with sqlite3.connect(path) as conn:
            rows = conn.execute("SELECT flds FROM notes").fetchall()
    return [field for (flds,) in rows for field in flds.split("\x1f")]


def test_anki_package_fields_hold_hostile_text_as_text(app, hostile, client, forms, create_user):
    create_user("anna")
    log_in(forms, "anna")
    response = client.get("/decks/boese/anki.apkg")
    assert response.status_code == 200
    fields = anki_fields(response.get_data())
    text = "\n".join(fields)
    assert "&lt;script&gt;alert(" in text
    for field in fields:
        assert "<script" not in field.lower() and "<img" not in field.lower(), field
        assert "onerror" not in field or "&lt;img" in field, field
