"""Telling every open page of a game that it changed, within a second, across workers and servers.

A change is a new version number of the game with its stage (which question, in which phase: see
`operations.live.stage_of`); the database row holds the truth and pages fetch it after a notice. A phone
refetches only when the stage moves on, the projector on every version (a player joined or answered), so
200 phones do not each refetch for every answer given. `LocalFanout` wakes the waiting streams of one process; `RedisFanout` publishes each version on a
Redis channel that one listener thread per process relays to its local streams, so several gunicorn workers
and app servers share one game. A notice that gets lost (Redis restarting) costs at most the streams'
re-check interval: they read the version from the database whenever a wait times out.
"""

from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger(__name__)

CHANNEL_PREFIX = "quizapp:live:"


class LocalFanout:
    """The newest version of each game seen by this process, and a condition the streams wait on."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._versions: dict[int, tuple[int, str]] = {}

    def publish(self, game_id: int, version: int, stage: str) -> None:
        self._remember(game_id, version, stage)

    def _remember(self, game_id: int, version: int, stage: str) -> None:
        with self._changed:
            if version > self._versions.get(game_id, (0, ""))[0]:
                self._versions[game_id] = (version, stage)
                self._changed.notify_all()

    def wait(self, game_id: int, known: int, timeout: float) -> tuple[int, str] | None:
        """The game's (version, stage) once the version is newer than `known`, or None after `timeout` s.

        >>> fanout = LocalFanout()
        >>> fanout.wait(1, 0, timeout=0.01) is None
        True
        >>> fanout.publish(1, 3, "question:0"); fanout.wait(1, 2, timeout=0.01)
        (3, 'question:0')
        """
        with self._changed:
            self._changed.wait_for(lambda: self._versions.get(game_id, (0, ""))[0] > known, timeout)
            newest = self._versions.get(game_id, (0, ""))
        return newest if newest[0] > known else None

    def forget(self, game_id: int) -> None:
        """Drop an ended game's entry (streams still waiting wake on their timeout and see the end)."""
        with self._changed:
            self._versions.pop(game_id, None)


class RedisFanout(LocalFanout):
    """Versions published on Redis; a daemon thread of this process relays them to its waiting streams.

    The listener starts on first use, in the process that uses it (gunicorn forks workers after loading
    nothing of this), and reconnects after a lost connection.
    """

    def __init__(self, url: str) -> None:
        super().__init__()
        import redis

        self._url = url
        self._redis = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=2)
        self._listener: threading.Thread | None = None
        self._started = threading.Lock()

    def publish(self, game_id: int, version: int, stage: str) -> None:
        self._remember(game_id, version, stage)  # this process's streams need not wait for the round trip
        try:
            self._redis.publish(f"{CHANNEL_PREFIX}{game_id}", f"{version} {stage}")
        except Exception:  # the database holds the change; other processes see it at their next re-check
            log.warning("live quiz: could not publish game %s version %s on Redis", game_id, version,
                        exc_info=True)

    def wait(self, game_id: int, known: int, timeout: float) -> tuple[int, str] | None:
        self._ensure_listener()
        return super().wait(game_id, known, timeout)

    def _ensure_listener(self) -> None:
        with self._started:
            if self._listener is None or not self._listener.is_alive():
                self._listener = threading.Thread(target=self._listen, name="live-quiz-fanout", daemon=True)
                self._listener.start()

    def _listen(self) -> None:
        import redis

        while True:
            try:
                # its own connection without a read timeout: a quiet channel is not an error
                listener = redis.Redis.from_url(self._url, socket_connect_timeout=2, health_check_interval=30)
                pubsub = listener.pubsub(ignore_subscribe_messages=True)
                pubsub.psubscribe(f"{CHANNEL_PREFIX}*")
                for message in pubsub.listen():
                    channel = message["channel"].decode() if isinstance(message["channel"], bytes) \
                        else message["channel"]
                    data = message["data"].decode() if isinstance(message["data"], bytes) else message["data"]
                    version, _space, stage = str(data).partition(" ")
                    try:
                        self._remember(int(channel.removeprefix(CHANNEL_PREFIX)), int(version), stage)
                    except ValueError:
                        continue
            except Exception:
                log.warning("live quiz: Redis listener lost its connection; retrying in 1 s", exc_info=True)
                time.sleep(1)
