"""Accounts: register, log in, log out, and who may see what."""

from quizapp.extensions import db
from quizapp.models import User


def test_register_logs_in_and_lists_decks(client, auth):
    response = auth.register("anna", "geheim123")
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "anna" in page
    assert "Nordkorea und Russland" in page


def test_password_is_stored_hashed(app, auth):
    auth.register("anna", "geheim123")
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(username="anna"))
        assert "geheim123" not in user.password_hash
        assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))


def test_register_rejects_taken_name_and_short_password(client, auth, create_user):
    create_user("anna")
    page = auth.register("Anna", "geheim123").get_data(as_text=True)
    assert "taken" in page or "vergeben" in page
    page = auth.register("bert", "kurz").get_data(as_text=True)
    assert "8" in page
    assert client.get("/").status_code == 302  # still anonymous


def test_login_logout(client, auth, create_user):
    create_user("anna", "geheim123")
    assert auth.login("anna", "geheim123").status_code == 302
    assert client.get("/").status_code == 200
    auth.logout()
    assert client.get("/").status_code == 302


def test_wrong_password_is_refused(client, auth, create_user):
    create_user("anna", "geheim123")
    response = auth.login("anna", "falsch123")
    assert response.status_code == 200
    assert "Wrong username or password" in response.get_data(as_text=True) or \
        "Falscher Benutzername oder falsches Passwort" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_anonymous_is_redirected_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/auth/login" in response.headers["Location"]


def test_post_without_csrf_token_is_refused(client, create_user):
    create_user("anna", "geheim123")
    response = client.post("/auth/login", data={"username": "anna", "password": "geheim123"})
    assert response.status_code == 400
    assert client.get("/").status_code == 302


def test_login_next_only_redirects_within_the_site(client, forms, create_user):
    create_user("anna", "geheim123")
    response = forms.post("/auth/login", {"username": "anna", "password": "geheim123",
                                          "next": "https://evil.example/"})
    assert response.headers["Location"] == "/"


def test_create_user_command_makes_a_teacher(app, runner):
    result = runner.invoke(args=["create-user", "frau-lehmann", "--teacher", "--password", "geheim123"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(username="frau-lehmann"))
        assert user.is_teacher and user.check_password("geheim123")
    again = runner.invoke(args=["create-user", "frau-lehmann", "--password", "geheim123"])
    assert again.exit_code != 0
    assert "taken" in again.output
