"""A live game on the frozen seed deck: teacher 'tina' hosts, students join from their own clients."""

from __future__ import annotations

import re

import pytest

from tests.conftest import AuthActions, FormClient, csrf_token_from

PIN_RE = re.compile(r'class="pin">(\d{3}) (\d{3})<')


class Person:
    """One browser: its own client (cookies), forms and login."""

    def __init__(self, app, name: str | None):
        self.client = app.test_client()
        self.client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # German is checked on its own
        self.forms = FormClient(self.client)
        self.name = name
        if name:
            assert AuthActions(self.client, self.forms).login(name).status_code == 302

    def get(self, url: str) -> str:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response.get_data(as_text=True)

    def post(self, url: str, data: dict, page: str):
        data = dict(data)
        data["csrf_token"] = csrf_token_from(self.get(page))
        return self.client.post(url, data=data)


@pytest.fixture
def people(app, create_user):
    create_user("tina", teacher=True)
    for name in ("anna", "ben", "cem"):
        create_user(name)

    def person(name: str | None) -> Person:
        return Person(app, name)
    return person


def open_game(teacher: Person, count: str = "5", seconds: str = "20", guests: bool = False) -> tuple[int, str]:
    """The teacher opens a game on the seed deck; its id and PIN."""
    data = {"deck": "nordkorea-russland", "count": count, "seconds": seconds}
    if guests:
        data["allow_guests"] = "y"
    response = teacher.post("/live/new", data, page="/live/new")
    assert response.status_code == 302, response.get_data(as_text=True)
    game_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
    pin = "".join(PIN_RE.search(teacher.get(f"/live/games/{game_id}")).groups())
    return game_id, pin


def join(person: Person, pin: str, nickname: str):
    return person.post("/live/", {"pin": pin, "nickname": nickname}, page=f"/live/?pin={pin}")


def control(teacher: Person, game_id: int, action: str):
    response = teacher.post(f"/live/games/{game_id}/control", {action: "1"}, page=f"/live/games/{game_id}")
    assert response.status_code == 303
    return response
