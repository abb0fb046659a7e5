"""Guessing passwords is slow: logins per address and username, registrations per address."""

from __future__ import annotations

import uuid

import pytest

from quizapp import create_app
from tests.conftest import FormClient

REDIS_URL = "redis://127.0.0.1:6379/0"


def try_login(forms: FormClient, username: str, password: str = "wrong-password"):
    return forms.post("/auth/login", {"username": username, "password": password})


def test_eleventh_login_in_a_minute_is_refused(forms, create_user):
    create_user("anna")
    for _ in range(10):
        assert try_login(forms, "anna").status_code == 200  # the form again, with "wrong password"
    refused = try_login(forms, "anna", "geheim123")
    assert refused.status_code == 429
    assert "Too many attempts" in refused.get_data(as_text=True) or "Zu viele" in refused.get_data(as_text=True)
    assert "Traceback" not in refused.get_data(as_text=True)


def test_limit_is_per_username_so_a_class_behind_one_router_can_log_in(forms, create_user):
    create_user("anna")
    create_user("ben")
    for _ in range(10):
        try_login(forms, "anna")
    assert try_login(forms, "anna").status_code == 429
    assert try_login(forms, "ben", "geheim123").status_code == 302


def test_registration_is_limited_per_address(app_config, tmp_path):
    app = create_app({**app_config, "REGISTER_RATE_LIMIT": "3 per minute"},
                     instance_path=str(tmp_path / "instance"))
    codes = [FormClient(app.test_client()).post("/auth/register", {"username": f"user{n}", "password": "geheim123",
                                           "password2": "geheim123"}, page="/auth/register").status_code
             for n in range(4)]
    assert codes == [302, 302, 302, 429]


def test_pages_themselves_are_not_limited(client):
    assert all(client.get("/auth/login").status_code == 200 for _ in range(15))


def redis_available() -> bool:
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception:  # noqa: BLE001  no client or no server: the test says so
        return False


@pytest.mark.skipif(not redis_available(), reason=f"needs Redis at {REDIS_URL}")
def test_counters_in_redis_are_shared_by_workers(app_config, tmp_path, create_user):
    """Two app processes behind one balancer: tries on either count against the same limit."""
    import redis

    username = f"r{uuid.uuid4().hex[:16]}"  # its own counter, whoever else uses this Redis
    create_user(username)
    config = {**app_config, "RATELIMIT_STORAGE_URI": REDIS_URL}
    workers = [FormClient(create_app(config, instance_path=str(tmp_path / f"instance{n}")).test_client())
               for n in range(2)]
    store = redis.Redis.from_url(REDIS_URL)
    try:
        codes = [try_login(workers[n % 2], username).status_code for n in range(11)]
        assert codes == [200] * 10 + [429]
        assert store.keys(f"*{username}*"), "the counter is not in Redis"
    finally:
        for key in store.scan_iter(f"*{username}*"):
            store.delete(key)


def test_failed_logins_are_limited_per_address_whichever_accounts_they_try(app_config, tmp_path, create_user):
    """One password tried on every account of a class: after the address's failures, it waits."""
    app = create_app({**app_config, "LOGIN_FAILURE_RATE_LIMIT": "5 per 10 minutes"},
                     instance_path=str(tmp_path / "instance"))
    forms = FormClient(app.test_client())
    names = [f"student{n}" for n in range(6)]
    for name in names:
        create_user(name)
    assert [try_login(forms, name, "Sommer2026").status_code for name in names[:5]] == [200] * 5
    refused = try_login(forms, names[5], "geheim123")  # even the right password: the address waits
    assert refused.status_code == 429
    assert "Zu viele Versuche" in refused.get_data(as_text=True)
    other_address = FormClient(app.test_client())
    other_address.client.environ_base["REMOTE_ADDR"] = "10.0.0.2"
    assert try_login(other_address, names[5], "geheim123").status_code == 302


def test_successful_logins_do_not_count_against_the_address(app_config, tmp_path, create_user):
    app = create_app({**app_config, "LOGIN_FAILURE_RATE_LIMIT": "2 per 10 minutes"},
                     instance_path=str(tmp_path / "instance"))
    names = [f"student{n}" for n in range(4)]
    for name in names:
        create_user(name)
    for name in names:  # a whole class logs in from one router
        assert try_login(FormClient(app.test_client()), name, "geheim123").status_code == 302


def test_look_alike_spellings_of_a_name_share_its_counter(forms, create_user):
    create_user("anna")
    for typed in ["anna", "ANNA", "ａｎｎａ", "Anna", " anna"] * 2:
        assert try_login(forms, typed).status_code == 200
    assert try_login(forms, "ＡＮＮＡ", "geheim123").status_code == 429
