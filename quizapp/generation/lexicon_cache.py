"""Lexicons derived from large package data (GeoNames' city list), kept on disk in a compact form after
their first build, so a cold `quizapp generate` or worker start reads them in milliseconds.

A cached value is used only while everything it was built from is unchanged: the format, the Python
version, the versions of the packages the data comes from and the source text of the module that builds it
(so an edit of the building code rebuilds the cache). Any problem with the cache means building afresh;
the cache is never required. QUIZAPP_CACHE_DIR moves it (default ~/.cache/quizapp, or $XDG_CACHE_HOME).
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import logging
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

log = logging.getLogger(__name__)
FORMAT = 1
T = TypeVar("T")


def cache_dir() -> Path:
    base = os.environ.get("QUIZAPP_CACHE_DIR")
    if base:
        return Path(base)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "quizapp"


def cache_key(func: Callable, packages: tuple[str, ...]) -> str:
    """What the cached value depends on, as a short hash."""
    parts = [str(FORMAT), sys.version, func.__module__, func.__qualname__]
    parts += [f"{name}=={metadata.version(name)}" for name in packages]
    parts.append(inspect.getsource(sys.modules[func.__module__]))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24]


def cached_on_disk(*packages: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Decorate an argument-less builder: the first call in a process reads the disk cache (or builds and
    writes it); later calls return the same object."""

    def decorate(build: Callable[[], T]) -> Callable[[], T]:
        @functools.cache
        def load() -> T:
            path = cache_dir() / f"{build.__module__}.{build.__qualname__}-{cache_key(build, packages)}.pickle"
            try:
                with path.open("rb") as handle:
                    return pickle.load(handle)
            except Exception:  # noqa: BLE001  missing, stale, unreadable: build it
                pass
            value = build()
            write(path, value)
            return value

        load.uncached = build
        return load

    return decorate


def write(path: Path, value) -> None:
    """Write the cache file whole or not at all (several processes may build it at once)."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            temporary = handle.name
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception as exc:  # noqa: BLE001  a read-only home still generates, only slower
        log.debug("lexicon cache not written: %s", exc)
        if temporary:
            Path(temporary).unlink(missing_ok=True)
