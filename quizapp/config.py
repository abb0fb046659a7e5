"""Configuration: defaults, then instance/config.py, then QUIZAPP_* environment variables."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class DefaultConfig:
    """Settings that work on a fresh machine: SQLite in the instance folder, decks from questions/."""

    SQLALCHEMY_DATABASE_URI = "sqlite:///quizapp.sqlite"  # relative: lands in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    QUESTIONS_DIR = str(PROJECT_ROOT / "questions")
    PROJECT_ROOT = str(PROJECT_ROOT)
    LANGUAGES = ("de", "en")
    BABEL_DEFAULT_LOCALE = "de"
    BABEL_TRANSLATION_DIRECTORIES = "translations"
    WTF_CSRF_TIME_LIMIT = None  # a quiz page may stay open for a whole lesson
    # Request bodies: room for the largest form (a 2 MB bank file in the deck editor, URL-encoded), so its own
    # field check answers with a message beside the field; anything larger gets a 413 page.
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 8 * 1024 * 1024
    # Form fields per request, multipart and URL-encoded alike (quizapp/request_limits.py): no page sends more
    # than a few dozen, and a flood of tiny fields would otherwise hold a worker while it is split up.
    MAX_FORM_PARTS = 1000
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    UPGRADE_DB_ON_START = True
    SYNC_BANKS_ON_START = True
    TIMEZONE = "Europe/Berlin"  # the school's day: "today", streaks and charts count local days
    REVIEW_NEW_PER_DAY = 10  # new items per deck and day that a review brings in
    REVIEW_RUN_SIZE = 50  # at most this many items in one review run
    REVIEW_FUZZ = True  # FSRS spreads cards learnt together over nearby days
    # Who may register (QUIZAPP_REGISTRATION): "code" with a class's join code, "open" anyone, "closed" nobody
    # (teachers make accounts with `quizapp create-user`).
    REGISTRATION = "code"
    PUBLISH_NEW_DECKS = False  # True: a deck loaded for the first time is published and open for self-study
    ITEM_ANALYSIS_MIN_LEARNERS = 5  # item statistics need at least this many learners' first attempts
    HTTPS = False  # behind HTTPS: Secure cookies and HSTS (QUIZAPP_HTTPS=1)
    PROXY_FIX = 0  # proxies in front whose X-Forwarded-For/-Proto/-Host are trusted (QUIZAPP_PROXY_FIX)
    RATELIMIT_STORAGE_URI = "memory://"  # per process; QUIZAPP_REDIS_URL shares counters between workers
    RATELIMIT_KEY_PREFIX = "quizapp"
    RATELIMIT_SWALLOW_ERRORS = True  # a Redis outage must not lock a class out ...
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True  # ... it counts per process until Redis is back
    LOGIN_RATE_LIMIT = "10 per minute"  # per client address and username
    # failed logins per client address, whatever the usernames: stops trying one password on many accounts
    # (a class behind one router mistypes far fewer; the address waits until the window has passed)
    LOGIN_FAILURE_RATE_LIMIT = "30 per 10 minutes"
    REGISTER_RATE_LIMIT = "30 per minute;300 per hour"  # per address: a whole class may share one router
    # live quiz: how often an event stream reads its game from the database when no notice came. Without Redis
    # a change on another worker reaches its pages within this time; with Redis every change is announced and
    # the re-check is only a safety net, so it runs rarely (None: 1 s without Redis, 10 s with it)
    LIVE_RECHECK_SECONDS = None
    LIVE_JOIN_FAILURE_RATE_LIMIT = "60 per minute"  # failed live-quiz joins per address (wrong PIN, name taken)
    # Long work (a deck from an article; quizapp/jobs/): an RQ queue in Redis served by `quizapp worker` when
    # QUIZAPP_REDIS_URL is set, else a thread in each app process.
    JOBS_REDIS_URL: str | None = None
    JOB_RUNNER = "process"  # without Redis: a child process per app process ("thread": a thread, for tests)
    JOB_QUEUE = "quizapp-jobs"  # QUIZAPP_JOB_QUEUE: several sites may share one Redis
    JOB_TIMEOUT_SECONDS = 300  # a 50 KB article takes well under a minute
    JOB_STALE_SECONDS = 600  # an unfinished job untouched this long has lost its worker: offered for a retry


ENVIRONMENT_KEYS = {
    "QUIZAPP_DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "QUIZAPP_SECRET_KEY": "SECRET_KEY",
    "QUIZAPP_QUESTIONS_DIR": "QUESTIONS_DIR",
    "QUIZAPP_REDIS_URL": "RATELIMIT_STORAGE_URI",
    "QUIZAPP_REGISTRATION": "REGISTRATION",
    "QUIZAPP_JOB_QUEUE": "JOB_QUEUE",
}
FLAG_KEYS = {"QUIZAPP_HTTPS": "HTTPS", "QUIZAPP_PUBLISH_NEW_DECKS": "PUBLISH_NEW_DECKS"}
NUMBER_KEYS = {"QUIZAPP_PROXY_FIX": "PROXY_FIX"}


def apply_environment(config: dict) -> None:
    """Let QUIZAPP_* variables override file settings, as deployments expect."""
    for env_key, config_key in ENVIRONMENT_KEYS.items():
        value = os.environ.get(env_key)
        if value:
            config[config_key] = value
    if os.environ.get("QUIZAPP_REDIS_URL"):  # the same Redis carries the job queue
        config["JOBS_REDIS_URL"] = os.environ["QUIZAPP_REDIS_URL"]
    for env_key, config_key in FLAG_KEYS.items():
        if os.environ.get(env_key):
            config[config_key] = os.environ[env_key].strip().lower() in {"1", "true", "yes", "on"}
    for env_key, config_key in NUMBER_KEYS.items():
        if os.environ.get(env_key, "").strip().isdigit():
            config[config_key] = int(os.environ[env_key])


def instance_secret_key(instance_path: str) -> str:
    """Read the instance's secret key, generating it on first start (never a hard-coded one)."""
    path = Path(instance_path) / "secret_key"
    if path.exists():
        key = path.read_text().strip()
        if key:
            return key
    key = secrets.token_hex(32)
    tmp = path.with_name(f".secret_key.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    try:
        os.link(tmp, path)  # atomic and refuses to overwrite: two workers starting at once agree
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_text().strip()
