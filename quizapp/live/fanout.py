"""The app's fan-out (quizapp.live_quiz.fanout): through Redis when QUIZAPP_REDIS_URL is set, so every
worker and server hears of every change; in this process otherwise (one classroom, one process)."""

from __future__ import annotations

from flask import Flask

from quizapp.live_quiz.fanout import LocalFanout, RedisFanout


def recheck_seconds(app: Flask) -> float:
    """How long a stream waits for a notice before it reads the game from the database itself."""
    configured = app.config.get("LIVE_RECHECK_SECONDS")
    if configured:
        return float(configured)
    return 10.0 if isinstance(fanout(app), RedisFanout) else 1.0


def fanout(app: Flask) -> LocalFanout:
    hub = app.extensions.get("live_fanout")
    if hub is None:
        url = app.config.get("RATELIMIT_STORAGE_URI", "")
        hub = RedisFanout(url) if url.startswith(("redis://", "rediss://")) else LocalFanout()
        app.extensions["live_fanout"] = hub
    return hub
