"""Logging out ends a session for good: copied session and remember cookies stop working (issue 12, 4, 18)."""

from __future__ import annotations

from tests.conftest import FormClient, csrf_token_from

from quizapp.extensions import db
from quizapp.models import User


def log_in(client, username: str = "anna", password: str = "geheim123", remember: bool = False):
    data = {"username": username, "password": password}
    if remember:
        data["remember"] = "y"
    response = FormClient(client).post("/auth/login", data)
    assert response.status_code == 302, f"{username} could not log in"


def cookie(client, name: str) -> str:
    found = client.get_cookie(name)
    assert found is not None, f"no {name} cookie"
    return found.value


def browser_with(app, **cookies):
    """A fresh browser holding copies of the given cookies, e.g. taken from another computer."""
    other = app.test_client()
    for name, value in cookies.items():
        other.set_cookie(name, value)
    return other


def is_logged_in(client) -> bool:
    return client.get("/").status_code == 200  # the deck list; anonymous visitors go to the login page


def test_copied_session_cookie_stops_working_after_logout(app, client, auth, create_user):
    create_user("anna")
    log_in(client)
    copy = browser_with(app, session=cookie(client, "session"))
    assert is_logged_in(copy)  # the copy works while the session lasts ...
    auth.logout()
    assert not is_logged_in(copy)  # ... and not after logging out
    assert "/auth/login" in copy.get("/").headers["Location"]


def test_copied_remember_cookie_stops_working_after_logout(app, client, auth, create_user):
    create_user("anna")
    log_in(client, remember=True)
    remember = cookie(client, "remember_token")
    assert is_logged_in(browser_with(app, remember_token=remember))
    auth.logout()
    assert not is_logged_in(browser_with(app, remember_token=remember))


def test_log_out_everywhere_ends_the_other_browsers_but_not_this_one(app, client, create_user):
    create_user("anna")
    log_in(client, remember=True)  # the classroom computer, left logged in
    classroom = {"session": cookie(client, "session"), "remember_token": cookie(client, "remember_token")}
    home = app.test_client()
    log_in(home)
    page = home.get("/auth/account").get_data(as_text=True)
    assert "Auf allen anderen Geräten abmelden" in page
    response = home.post("/auth/logout-everywhere", data={"csrf_token": csrf_token_from(page)},
                         follow_redirects=True)
    assert "Du bist auf allen anderen Geräten abgemeldet." in response.get_data(as_text=True)
    assert not is_logged_in(client)
    assert not is_logged_in(browser_with(app, **classroom))
    assert not is_logged_in(browser_with(app, remember_token=classroom["remember_token"]))
    assert is_logged_in(home)


def test_log_out_everywhere_keeps_this_browsers_remember_cookie_working(app, client, create_user):
    create_user("anna")
    log_in(client, remember=True)
    old_remember = cookie(client, "remember_token")
    token = csrf_token_from(client.get("/auth/account").get_data(as_text=True))
    client.post("/auth/logout-everywhere", data={"csrf_token": token})
    assert cookie(client, "remember_token") != old_remember
    assert is_logged_in(browser_with(app, remember_token=cookie(client, "remember_token")))
    assert not is_logged_in(browser_with(app, remember_token=old_remember))


def test_a_new_password_ends_every_login_made_with_the_old_one(app, client, create_user):
    create_user("anna")
    log_in(client, remember=True)
    copies = {"session": cookie(client, "session"), "remember_token": cookie(client, "remember_token")}
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.username == "anna"))
        user.set_password("Flusspferd-im-Juli")  # what a password change or a teacher's reset will call
        db.session.commit()
    assert not is_logged_in(browser_with(app, **copies))
    assert not is_logged_in(client)
    log_in(client, password="Flusspferd-im-Juli")
    assert is_logged_in(client)


def test_a_cookie_naming_only_the_account_id_is_not_accepted(app, create_user):
    """Session cookies of the kind issued before nonces ('7') or forged with a guessed nonce end."""
    anna = create_user("anna")
    client = app.test_client()
    log_in(client)
    with client.session_transaction() as session:
        session["_user_id"] = str(anna)
    assert not is_logged_in(client)
    with client.session_transaction() as session:
        session["_user_id"] = f"{anna}:guessed"
    assert not is_logged_in(client)


def test_a_form_from_before_login_is_refused_after_it(client, create_user):
    """Logging in starts a new CSRF secret, so a token read before it (or planted by someone) is dead."""
    create_user("anna")
    before = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
    response = client.post("/auth/login", data={"username": "anna", "password": "geheim123",
                                                "csrf_token": before})
    assert response.status_code == 302
    refused = client.post("/auth/logout", data={"csrf_token": before})
    assert refused.status_code == 400
    assert is_logged_in(client)


def test_a_form_from_before_logout_is_refused_after_it(client, auth, create_user):
    create_user("anna")
    log_in(client)
    before = csrf_token_from(client.get("/").get_data(as_text=True))
    auth.logout()
    refused = client.post("/auth/login", data={"username": "anna", "password": "geheim123",
                                               "csrf_token": before})
    assert refused.status_code == 400
    assert not is_logged_in(client)


def test_the_chosen_language_stays_across_login_and_logout(client, forms, auth, create_user):
    create_user("anna")
    forms.post("/language/en", {"next": "/"})
    log_in(client)
    assert "Log out" in client.get("/").get_data(as_text=True)
    auth.logout()
    assert "Log in" in client.get("/auth/login").get_data(as_text=True)
