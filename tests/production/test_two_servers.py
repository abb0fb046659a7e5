"""Two app servers behind one load balancer: a student's session works on either, because it lives in a
cookie signed with the shared QUIZAPP_SECRET_KEY, and nothing is kept in one server's memory.

Each server is its own gunicorn with its own instance folder; they share the database and the secret key.
"""

from __future__ import annotations

import html


from loadkit import (
    CHOICE_RE, GAP_RE, QUESTION_ID_RE, Server, Student, Tally, prepare_site, request,
    stored_answers, token_in,
)

SHARED_SECRET = "shared-by-both-servers"


def server(own_database_url, tmp_path, name: str, secret: str) -> Server:
    instance = tmp_path / f"instance-{name}"
    instance.mkdir()
    started = Server(own_database_url, instance, tmp_path / "questions", workers=1)
    started.env["QUIZAPP_SECRET_KEY"] = secret
    started.start()
    return started


def test_a_session_started_on_one_server_goes_on_on_another(own_database_url, tmp_path):
    names, deck_id = prepare_site(own_database_url, tmp_path / "instance-setup", tmp_path / "questions",
                                  students=1)
    first = server(own_database_url, tmp_path, "a", SHARED_SECRET)
    second = server(own_database_url, tmp_path, "b", SHARED_SECRET)
    stranger = server(own_database_url, tmp_path, "c", "another-secret")
    try:
        student = Student(first.port, names[0], deck_id, Tally())
        student.log_in()  # on the first server
        run_path = student.start_run()

        student.port = second.port  # the load balancer now sends the student to the second server
        page = student.call("GET", run_path)
        assert page.status == 200, page.status
        form = {"csrf_token": token_in(page.body),  # a CSRF token made by the second server
                "question_id": html.unescape(QUESTION_ID_RE.search(page.body).group(1))}
        choices = CHOICE_RE.findall(page.body)
        if choices:
            form["choice"] = html.unescape(choices[0])
        form.update({gap: "Tumen" for gap in GAP_RE.findall(page.body)})
        answered = student.call("POST", f"{run_path}/answer", form)
        assert answered.status == 302, answered.status
        assert stored_answers(own_database_url) == [(int(run_path.rsplit("/", 1)[1]), form["question_id"])]

        student.port = first.port  # and back: the first server shows the feedback the second one stored
        feedback = student.call("GET", answered.headers["location"])
        assert feedback.status == 200
        assert "Deine Antwort:" in feedback.body

        # A server with another secret key does not trust the cookie: the student must log in there.
        refused = request(stranger.port, "GET", run_path, cookies=dict(student.cookies))
        assert refused.status == 302
        assert "/auth/login" in refused.headers["location"]
    finally:
        for running in (first, second, stranger):
            running.stop()
