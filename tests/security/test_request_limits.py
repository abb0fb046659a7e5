"""What one request may carry (issue 12, findings 3 and 8): no flood of form fields holds a worker, and a NUL
byte or an id beyond the database's INTEGER gets a 400 or 404 with a message, never a 500, on SQLite and
PostgreSQL alike (PostgreSQL refuses NUL in text and such ids in INTEGER columns; SQLite stores both)."""

from __future__ import annotations

import time

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Question, User
from quizapp.operations.quiz import start_run
from tests.conftest import csrf_token_from
# Unlike the other security tests these run on PostgreSQL too (root fixture): it refuses what SQLite stores.
from tests.conftest import database_url  # noqa: F401
from tests.security.conftest import log_in
from tests.security.support import build_url, methods_of, url_values

NUL = "a\x00b"
# Every field name a quizapp form reads, each holding a NUL byte: whichever the route looks at, it gets one.
NUL_FIELDS = {name: NUL for name in (
    "username", "password", "password2", "next", "remember", "question_id", "choice", "gaps-0", "gaps-1",
    "status", "text", "title", "yaml", "answer", "distractors", "accept", "explanation", "tags", "kind",
    "article", "sha256", "deck", "show", "weak", "drafts", "ids", "rating")}
LARGE_IDS = [2**31, 2**63, int("9" * 40)]


def own_cloze_run(app) -> tuple[int, str]:
    """A fresh run of anna's holding only a cloze item: (run id, question id)."""
    with app.app_context():
        anna = db.session.scalar(db.select(User).where(User.username == "anna"))
        cloze = db.session.scalars(db.select(Question).where(Question.type == "cloze")
                                   .order_by(Question.id)).first()
        run = start_run(anna, cloze.deck, [cloze.id])
        db.session.commit()
        return run.id, cloze.id


def attempts_in(app, run_id: int) -> int:
    with app.app_context():
        return len(db.session.scalars(db.select(Attempt).where(Attempt.quiz_run_id == run_id)).all())


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_flood_of_gap_fields_is_refused_in_well_under_a_second(app, world, forms, client):
    log_in(forms, "anna")
    run_id, question_id = own_cloze_run(app)
    token = csrf_token_from(client.get(f"/runs/{run_id}").get_data(as_text=True))
    head = f"csrf_token={token}&question_id={question_id}&"
    body = (head + "&".join(f"gaps-{n}=" for n in range(600_000))).encode()
    assert 7_000_000 < len(body) < app.config["MAX_CONTENT_LENGTH"]  # the finding's 7.5 MB request
    started = time.perf_counter()
    response = client.post(f"/runs/{run_id}/answer", data=body,
                           content_type="application/x-www-form-urlencoded")
    elapsed = time.perf_counter() - started
    assert response.status_code == 413
    assert "zu viele Formularfelder" in response.get_data(as_text=True)  # German first
    assert elapsed < 1.0, f"the flood held the worker for {elapsed:.2f} s"
    assert attempts_in(app, run_id) == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_multipart_flood_is_refused_too(app, world, forms, client):
    log_in(forms, "anna")
    run_id, question_id = own_cloze_run(app)
    token = csrf_token_from(client.get(f"/runs/{run_id}").get_data(as_text=True))
    data = {"csrf_token": token, "question_id": question_id, **{f"gaps-{n}": "x" for n in range(2000)}}
    response = client.post(f"/runs/{run_id}/answer", data=data, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "zu viele Formularfelder" in response.get_data(as_text=True)
    assert attempts_in(app, run_id) == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_cloze_form_builds_exactly_the_items_gaps(app, world, forms, client):
    """Extra gaps-N fields in the request are ignored: the answer is marked on the item's own gaps."""
    log_in(forms, "anna")
    run_id, question_id = own_cloze_run(app)
    with app.app_context():
        from quizapp.bank import cloze_gaps
        from quizapp.quiz.forms import answer_form

        item = db.session.get(Question, question_id)
        count = len(cloze_gaps(item.text))
        with app.test_request_context(method="POST", data={f"gaps-{n}": "x" for n in range(500)}):
            from flask import request

            form = answer_form(item, seed="1", formdata=request.form)
            assert len(form.gaps) == count
    token = csrf_token_from(client.get(f"/runs/{run_id}").get_data(as_text=True))
    response = client.post(f"/runs/{run_id}/answer", data={"csrf_token": token, "question_id": question_id,
                                                            **{f"gaps-{n}": "x" for n in range(500)}})
    assert response.status_code == 302
    assert attempts_in(app, run_id) == 1


def nul_urls(app, world) -> list[tuple[str, str, str]]:
    """(method, URL, what is wrong) for every rule: NUL in each path part, too large ids, NUL in the query."""
    cases = []
    values = url_values(world)
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        for method in methods_of(rule):
            url = build_url(app, rule, world)
            cases.append((method, url + "?" + "&".join(f"{name}=a%00b" for name in ("status", "deck", "next",
                                                                                    "kind", "tag", "page")),
                          "NUL in the query"))
            for name in rule.arguments:
                converter = type(rule._converters[name]).__name__
                if "Integer" in converter or "Id" in converter:
                    bad = [str(n) for n in LARGE_IDS]
                else:
                    bad = [NUL, str(values[name]) + "\x00"]
                for value in bad:
                    with app.test_request_context():
                        from flask import url_for

                        filled = {**{n: values[n] for n in rule.arguments}, name: value}
                        try:
                            cases.append((method, url_for(rule.endpoint, **filled), f"{name}={value!r}"))
                        except Exception:  # noqa: BLE001  the converter refuses to build it: nothing to send
                            continue
    return cases


def signed_in(forms, role: str) -> tuple[str, str]:
    """The role's session cookie and CSRF token, to copy into a fresh client for each request."""
    if role != "anonymous":
        log_in(forms, {"student": "anna", "teacher": "tina"}[role])
    page = forms.client.get("/" if role != "anonymous" else "/auth/login").get_data(as_text=True)
    return forms.client.get_cookie("session").value, csrf_token_from(page)


@pytest.mark.parametrize("role", ["anonymous", "student", "teacher"])
def test_nul_bytes_and_huge_ids_anywhere_get_400_or_404_never_500(app, world, forms, role):
    session, token = signed_in(forms, role)
    wrong = []
    for method, url, what in nul_urls(app, world):
        client = app.test_client()
        client.set_cookie("session", session)
        data = None if method == "GET" else {"csrf_token": token}
        response = client.open(url, method=method, data=data)
        response.close()
        if response.status_code not in (400, 404):
            wrong.append(f"{method} {url!r} ({what}) -> {response.status_code}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("role", ["anonymous", "student", "teacher"])
def test_nul_bytes_in_any_form_field_get_400_naming_the_field(app, world, forms, role):
    session, token = signed_in(forms, role)
    wrong = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        url = build_url(app, rule, world)
        for method in set(methods_of(rule)) - {"GET"}:
            client = app.test_client()
            client.set_cookie("session", session)
            response = client.open(url, method=method, data={"csrf_token": token, **NUL_FIELDS})
            text = response.get_data(as_text=True)
            refused = "NUL-Zeichen" in text and "Nichts wurde gespeichert" in text
            if response.status_code != 400 or not refused:
                wrong.append(f"{method} {url} -> {response.status_code}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


def test_a_typed_answer_with_nul_is_refused_and_never_claimed_saved(app, world, forms, client):
    log_in(forms, "anna")
    run_id, question_id = own_cloze_run(app)
    token = csrf_token_from(client.get(f"/runs/{run_id}").get_data(as_text=True))
    response = client.post(f"/runs/{run_id}/answer", data={"csrf_token": token, "question_id": question_id,
                                                            "gaps-0": "4,5\x00"})
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Das Feld „gaps-0“ enthält ein NUL-Zeichen" in text
    assert "Nichts wurde gespeichert." in text
    assert "sind gespeichert" not in text  # the old 500 page: "Deine bisherigen Antworten sind gespeichert."
    assert attempts_in(app, run_id) == 0
    # The same answer without the NUL byte is stored as usual.
    response = client.post(f"/runs/{run_id}/answer", data={"csrf_token": token, "question_id": question_id,
                                                            "gaps-0": "4,5"})
    assert response.status_code == 302
    assert attempts_in(app, run_id) == 1


def test_an_unexpected_error_never_claims_the_answer_was_saved(app, client):
    @app.get("/fails-on-purpose")
    def fails_on_purpose():
        raise RuntimeError("a bug")

    for language in ("en", "de"):
        response = client.get("/fails-on-purpose", headers={"Accept-Language": language})
        text = response.get_data(as_text=True)
        assert response.status_code == 500
        assert "Traceback" not in text and "a bug" not in text
        assert "may not have been saved" in text or "vielleicht nicht gespeichert" in text


def test_sql_in_a_login_or_an_answer_is_only_text(app, world, forms, client):
    """Every query binds its values: SQL typed into a form logs nobody in and is stored as the words typed."""
    sql = "' OR '1'='1' --"
    response = forms.post("/auth/login", {"username": sql, "password": sql})
    assert response.status_code == 200 and client.get_cookie("remember_token") is None
    assert client.get("/").status_code == 302  # still signed out
    log_in(forms, "anna")
    run_id, question_id = own_cloze_run(app)
    token = csrf_token_from(client.get(f"/runs/{run_id}").get_data(as_text=True))
    typed = "x'); DROP TABLE attempts; --"
    response = client.post(f"/runs/{run_id}/answer", data={"csrf_token": token, "question_id": question_id,
                                                            "gaps-0": typed})
    assert response.status_code == 302
    with app.app_context():
        stored = db.session.scalars(db.select(Attempt.answer_given)
                                    .where(Attempt.quiz_run_id == run_id)).one()
    assert stored == typed


def test_a_value_the_database_refuses_gets_400_and_is_not_saved(app, client):
    """The last guard: a value the checks above let through but the database refuses (DataError)."""
    from sqlalchemy.exc import DataError

    @app.get("/refused-by-the-database")
    def refused_by_the_database():
        raise DataError("INSERT ...", {}, Exception("value too long for type character varying(64)"))

    response = client.get("/refused-by-the-database")
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Nichts wurde gespeichert" in text and "varying" not in text
