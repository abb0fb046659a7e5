"""Every URL rule, as an anonymous visitor, a student, a student of another class, the class's teacher, another
teacher and an admin: each gets only what is theirs.

The walk covers blueprints added later on its own; a new endpoint fails here until it is classified below.
"""

from __future__ import annotations

import pytest

from tests.conftest import csrf_token_from
from tests.security.conftest import log_in
from tests.security.support import build_url, inline_code, methods_of

# Anyone, logged in or not.
PUBLIC = {"static", "auth.login", "auth.register", "health.healthz", "i18n.switch_language", "classes.join_link",
          "live.join_game"}
# Any logged-in account; the page shows only the account's own data.
ACCOUNT = {
    "quiz.index", "quiz.start", "auth.logout", "auth.account", "auth.logout_everywhere",
    "export.deck_package",
    "progress.dashboard", "progress.practise", "progress.review", "progress.history_csv",
    "progress.history_xlsx", "classes.join",
    "auth.change_password", "auth.data_json", "auth.cards_csv", "auth.delete",
}
# The URL names a run or account; here it is another student's, so a student gets 403 or 404.
OWNER_ONLY = {"quiz.question", "quiz.answer", "quiz.feedback", "quiz.summary", "quiz.retry_missed"}
# A live game's pages for its players; here nobody signed in has joined it: 403, or off to the join page.
PLAYER_ONLY = {"live.play", "live.play_panel", "live.answer_question", "live.play_events"}
# A live game's projector and buttons: its host (tina) only; anyone else 403 (or 404).
HOST_ONLY = {"live.host", "live.host_panel", "live.host_control", "live.remove_player", "live.host_events"}
# Teachers only: a student gets 403 (or 404). Every endpoint of these blueprints counts as such. The progress
# pages here show only the teacher's own classes (test_teachers_see_only_their_classes below).
TEACHER = {
    "progress.class_overview", "progress.item_stats", "progress.results_csv", "progress.results_xlsx",
    "classes.index", "classes.create", "progress.privacy", "live.new_game",
    "teacher.set_status", "teacher.bulk_status", "teacher.undo",  # review actions (teacher blueprint anyway)
}
# One class (tina's "Klasse A") or one of its students: its teachers and an admin only; another teacher
# gets 404 (or 403), as students do.
CLASS_TEACHERS = {
    "classes.detail", "classes.rename", "classes.archive", "classes.rotate", "classes.add_co_teacher",
    "classes.remove", "classes.assign", "classes.unassign", "classes.qr_code",
    "progress.class_student", "progress.class_student_deck", "progress.reset_student_password",
}
ROLES = {"anonymous": None, "student": "anna", "student of another class": "olga", "teacher": "tina",
         "other teacher": "otto", "admin": "ada"}
STUDENTS = {"student", "student of another class"}
TEACHER_BLUEPRINTS = {"teacher"}
# Admins only: students and teachers get 403 (or 404).
ADMIN_BLUEPRINTS = {"admin"}
# These end the account's sessions everywhere, copies of the cookie included.
SESSION_ENDING = {"auth.logout", "auth.logout_everywhere"}


def classify(endpoint: str) -> str | None:
    if endpoint in PUBLIC:
        return "public"
    if endpoint in ACCOUNT:
        return "account"
    if endpoint in OWNER_ONLY:
        return "owner"
    if endpoint in CLASS_TEACHERS:
        return "class"
    if endpoint in PLAYER_ONLY:
        return "player"
    if endpoint in HOST_ONLY:
        return "host"
    if endpoint in TEACHER or endpoint.split(".")[0] in TEACHER_BLUEPRINTS:
        return "teacher"
    if endpoint.split(".")[0] in ADMIN_BLUEPRINTS:
        return "admin"
    return None


def test_every_endpoint_is_classified(app):
    unclassified = sorted({rule.endpoint for rule in app.url_map.iter_rules() if classify(rule.endpoint) is None})
    assert not unclassified, (
        f"endpoint(s) {unclassified} are not classified for the access test: add each to PUBLIC, ACCOUNT, "
        "OWNER_ONLY, PLAYER_ONLY, HOST_ONLY, TEACHER, CLASS_TEACHERS or ADMIN_BLUEPRINTS in "
        "tests/security/test_access.py, so that the test checks who "
        "may reach them"
    )


def expected(role: str, kind: str, method: str, status: int, location: str) -> bool:
    """Is this answer right for this person on this kind of page?"""
    if status >= 500:
        return False
    to_login = status in (301, 302, 303) and "/auth/login" in location
    if kind == "player":
        return status in (403, 404) or (status in (302, 303) and "/live/?pin=" in location)
    if role == "anonymous":
        return not to_login if kind == "public" else (to_login or status in (401, 404))
    if kind in ("public", "account"):
        return status < 400 or (status == 404 and kind == "public") or status in (400, 422)
    if kind == "owner":
        return status in (403, 404)
    if role in STUDENTS or (kind == "class" and role == "other teacher") \
            or (kind == "admin" and role != "admin") or (kind == "host" and role != "teacher"):
        return status in (403, 404)
    return status == 200 if method == "GET" else status not in (401, 403)


def sign_in(app, forms, role: str) -> tuple[str | None, str]:
    """The session cookie of the role, to copy into a fresh client for each request, and its CSRF token.

    The token is read first: logging in starts a new session with a new CSRF secret, stored with the token.
    """
    if role != "anonymous":
        log_in(forms, ROLES[role])
    page = forms.client.get("/auth/login" if role == "anonymous" else "/")
    token = csrf_token_from(page.get_data(as_text=True))
    cookie = forms.client.get_cookie("session")
    return (cookie.value if cookie else None), token


def session_ends_last(rule) -> tuple[bool, str]:
    """Logging out ends every copy of the session, so those requests go after all others (logout last)."""
    return rule.endpoint in SESSION_ENDING, rule.endpoint == "auth.logout", rule.rule


@pytest.mark.parametrize("role", list(ROLES))
def test_each_url_answers_as_it_should(app, world, forms, role):
    session, token = sign_in(app, forms, role)
    wrong, checked = [], 0
    rules = sorted(app.url_map.iter_rules(), key=session_ends_last)
    for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):  # reading pages before changing anything
        for rule in rules:
            kind = classify(rule.endpoint)
            if kind is None or method not in methods_of(rule):
                continue
            url = build_url(app, rule, world)
            client = app.test_client()  # a copy of the session (a logout here ends all copies: see above)
            if session:
                client.set_cookie("session", session)
            data = None if method == "GET" else {"csrf_token": token}
            response = client.open(url, method=method, data=data)
            response.close()
            checked += 1
            location = response.headers.get("Location", "")
            if not expected(role, kind, method, response.status_code, location):
                wrong.append(f"{method} {url} ({rule.endpoint}, {kind}) -> {response.status_code} {location}")
            cache = response.headers.get("Cache-Control")
            # Static files keep caching; logout answers the signed-out visitor it has just made.
            if role != "anonymous" and rule.endpoint not in ("static", "auth.logout") \
                    and cache != "private, no-store":
                wrong.append(f"{method} {url} ({rule.endpoint}) may be cached for the next user of the PC: "
                             f"Cache-Control {cache!r}")
            if response.status_code == 200 and response.mimetype == "text/html":
                for finding in inline_code(response.get_data(as_text=True)):
                    wrong.append(f"{method} {url} ({rule.endpoint}) serves inline code: {finding}")
    assert checked >= 10
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


def test_student_cannot_read_or_answer_another_students_run(world, forms, client):
    log_in(forms, "anna")
    for url in (f"/runs/{world.other_run_id}", f"/runs/{world.other_run_id}/summary",
                f"/runs/{world.other_run_id}/questions/{world.question_id}"):
        assert client.get(url).status_code == 404
    page = client.get(f"/runs/{world.own_run_id}/summary")
    assert page.status_code == 200
    response = client.post(f"/runs/{world.other_run_id}/answer",
                           data={"csrf_token": csrf_token_from(page.get_data(as_text=True)),
                                 "question_id": world.question_id, "choice": "x"})
    assert response.status_code == 404


def test_teachers_see_only_their_classes(world, forms, client):
    """Overview, exports and item analysis list tina's students to tina, and nothing of them to otto."""
    pages = ["/progress/class", "/progress/class/results.csv", f"/progress/class/decks/{world.deck_id}/items"]
    log_in(forms, "tina")
    tina = [client.get(url).get_data(as_text=True) for url in pages]
    assert "anna" in tina[0] and "ben" in tina[0] and "olga" not in tina[0]
    assert "anna" in tina[1] and "olga" not in tina[1]
    assert client.get(f"/progress/class?class={world.class_id}").status_code == 200
    client.post("/auth/logout", data={"csrf_token": csrf_token_from(tina[0])})
    log_in(forms, "otto")
    otto = [client.get(url).get_data(as_text=True) for url in pages]
    assert "olga" in otto[0] and "anna" not in otto[0] and "ben" not in otto[0]
    assert "olga" in otto[1] and "anna" not in otto[1] and "ben" not in otto[1]
    for url in (f"/progress/class?class={world.class_id}", f"/progress/class/results.csv?class={world.class_id}",
                f"/progress/class/decks/{world.deck_id}/items?class={world.class_id}",
                f"/classes/{world.class_id}", f"/progress/class/students/{world.other_user_id}"):
        assert client.get(url).status_code == 404, url
