"""The fan-out wakes every waiting stream of a game: in one process, and across processes through Redis."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest

from quizapp.live_quiz.fanout import LocalFanout, RedisFanout

REDIS_URL = os.environ.get("QUIZAPP_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def test_a_change_wakes_every_stream_waiting_on_that_game_only():
    hub = LocalFanout()
    woken: dict[str, object] = {}

    def stream(name: str, game_id: int):
        woken[name] = hub.wait(game_id, 1, timeout=2)

    threads = [threading.Thread(target=stream, args=(f"p{i}", 7)) for i in range(20)]
    threads.append(threading.Thread(target=stream, args=("other game", 8)))
    for thread in threads:
        thread.start()
    time.sleep(0.1)
    hub.publish(7, 2, "question:0:1")
    for thread in threads:
        thread.join(timeout=5)
    assert [woken[f"p{i}"] for i in range(20)] == [(2, "question:0:1")] * 20
    assert woken["other game"] is None  # its wait ran out: nothing happened there
    hub.publish(7, 1, "older")  # a late, older notice never goes back
    assert hub.wait(7, 1, timeout=0.01) == (2, "question:0:1")


def redis_or_skip():
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as error:  # noqa: BLE001 - any failure means no Redis here
        pytest.skip(f"needs Redis at {REDIS_URL} (QUIZAPP_TEST_REDIS_URL): {error}")


def test_redis_carries_a_change_from_one_worker_to_another():
    redis_or_skip()
    worker_a, worker_b = RedisFanout(REDIS_URL), RedisFanout(REDIS_URL)
    game_id = uuid.uuid4().int % 1_000_000_000  # channels are shared with other runs: a game of our own
    assert worker_b.wait(game_id, 0, timeout=0.5) is None  # starts B's listener
    began = time.monotonic()
    got: list = []
    waiter = threading.Thread(target=lambda: got.append(worker_b.wait(game_id, 0, timeout=5)))
    waiter.start()
    time.sleep(0.2)
    worker_a.publish(game_id, 3, "reveal:2:")
    waiter.join(timeout=6)
    assert got == [(3, "reveal:2:")] and time.monotonic() - began < 2
