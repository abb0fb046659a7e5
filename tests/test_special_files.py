"""A FIFO or a device where a bank or article should be: refused at once with a message, never read."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from quizapp.bank.limits import BANK_MAX_BYTES
from quizapp.bank.reading import FileTooLarge, NotRegularFile, read_regular_file
from quizapp.extensions import db
from quizapp.models import BankLoadError, Deck

from .conftest import PROJECT_ROOT

QUIZAPP = Path(sys.executable).parent / "quizapp"
TIMEOUT = 60  # generous: the fixed commands answer in about a second, the old ones never did


def limited_memory() -> None:
    """At most 1.5 GB of address space: reading a huge file whole fails the command, not the machine."""
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))


def quizapp(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([str(QUIZAPP), *args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT,
                              preexec_fn=limited_memory, env={**os.environ, **(env or {})})
    except subprocess.TimeoutExpired:
        pytest.fail(f"quizapp {' '.join(args)} was still reading after {TIMEOUT} s")


@pytest.fixture
def odd_files(tmp_path) -> Path:
    """questions/ and seeds/ each: FIFO (nobody writes to it), a link to /dev/zero, a sparse 5 GB file."""
    for folder, suffix in (("questions", "yaml"), ("seeds", "txt")):
        (tmp_path / folder).mkdir(exist_ok=True)
        os.mkfifo(tmp_path / folder / f"fifo.{suffix}")
        (tmp_path / folder / f"zero.{suffix}").symlink_to("/dev/zero")
        with (tmp_path / folder / f"big.{suffix}").open("wb") as handle:
            handle.truncate(5 * 10**9)  # takes no disk space
    return tmp_path


def test_the_reader_refuses_devices_and_fifos_and_stops_after_the_limit(odd_files):
    with pytest.raises(NotRegularFile, match="not a regular file"):
        read_regular_file(odd_files / "questions" / "fifo.yaml", BANK_MAX_BYTES)
    with pytest.raises(NotRegularFile, match="not a regular file"):
        read_regular_file(odd_files / "questions" / "zero.yaml", BANK_MAX_BYTES)
    with pytest.raises(FileTooLarge, match="larger than 500,000 bytes"):
        read_regular_file(odd_files / "questions" / "big.yaml", BANK_MAX_BYTES)
    with pytest.raises(IsADirectoryError):
        read_regular_file(odd_files / "questions", BANK_MAX_BYTES)
    exact = odd_files / "exact.yaml"
    exact.write_bytes(b"x" * 10)
    assert read_regular_file(exact, 10) == b"x" * 10
    with pytest.raises(FileTooLarge):
        read_regular_file(exact, 9)


def test_validate_names_a_fifo_and_a_device_and_exits_1(odd_files):
    result = quizapp("validate", cwd=odd_files, env={"QUIZAPP_INSTANCE_PATH": str(odd_files / "instance"),
                                                     "QUIZAPP_QUESTIONS_DIR": str(odd_files / "questions")})
    assert result.returncode == 1, result.stderr
    assert "questions/fifo.yaml:1:1: cannot read the file: not a regular file" in result.stdout
    assert "questions/zero.yaml:1:1: cannot read the file: not a regular file" in result.stdout
    assert "questions/big.yaml:1:1: cannot read the file: larger than 500,000 bytes" in result.stdout
    assert "Traceback" not in result.stderr


def test_generate_names_a_fifo_and_a_device_and_writes_nothing(odd_files):
    result = quizapp("generate", "seeds/fifo.txt", "seeds/zero.txt", "seeds/big.txt", cwd=odd_files)
    assert result.returncode == 1, result.stderr
    assert "seeds/fifo.txt: cannot read: not a regular file" in result.stderr
    assert "seeds/zero.txt: cannot read: not a regular file" in result.stderr
    assert "seeds/big.txt: too large (at most 50,000 bytes)" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (odd_files / "questions").iterdir()) == ["big.yaml", "fifo.yaml",
                                                                           "zero.yaml"]


def test_the_apps_sync_reports_them_and_loads_the_other_decks(app, database_url, questions_dir, tmp_path):
    os.mkfifo(questions_dir / "fifo.yaml")
    (questions_dir / "zero.yaml").symlink_to("/dev/zero")
    with (questions_dir / "big.yaml").open("wb") as handle:
        handle.truncate(5 * 10**9)
    env = {"QUIZAPP_DATABASE_URL": database_url, "QUIZAPP_QUESTIONS_DIR": str(questions_dir),
           "QUIZAPP_INSTANCE_PATH": str(tmp_path / "instance-cli"), "QUIZAPP_SECRET_KEY": "test"}
    result = quizapp("sync-banks", cwd=PROJECT_ROOT, env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "questions/fifo.yaml:1:1: cannot read the file: not a regular file" in result.stderr
    with app.app_context():
        stored = {row.file_name for row in db.session.scalars(sa.select(BankLoadError))}
        assert stored == {"big.yaml", "fifo.yaml", "zero.yaml"}  # recorded by the start of the command's app
        assert db.session.get(Deck, "nordkorea-russland").in_files
