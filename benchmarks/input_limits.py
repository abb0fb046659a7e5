"""What input sizes the teacher pages handle within the worker timeout: a new deck, a whole-file save.

    .venv/bin/python benchmarks/input_limits.py [--sizes 50000,100000,250000] [--banks 250000,500000,1000000]

Runs the real pages through Flask's test client on a temporary project (SQLite): "new deck" with a pasted
article of each size (generation, merge, check, save and load), then "save" in the whole-file editor with a
bank of each size (check against the article and the other files, save, load). Prints seconds per request;
compare them with the gunicorn timeout in docs/deployment.md (60 s). The article is corpus text (the shared
German corpus, else the test fixtures) repeated up to the size; the bank is a generated deck's items copied
under new ids up to the size.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp import create_app  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.jobs import own_worker  # noqa: E402
from quizapp.operations.users import create_user  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "all.jsonl"
CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def corpus_text(size: int) -> str:
    """German news text of about `size` UTF-8 bytes, paragraphs from distinct articles."""
    texts: list[str] = []
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8") as stream:
            texts = [json.loads(line)["text"] for line in stream]
    else:
        fixtures = sorted((ROOT / "tests/fixtures/corpus").glob("*.txt"))
        texts = [p.read_text(encoding="utf-8") for p in fixtures]
    parts: list[str] = ["date 2025-07"]
    total = 0
    while total < size:
        for text in texts:
            parts.append(text)
            total += len(text.encode()) + 2
            if total >= size:
                break
    # runs of spaces collapsed: the generator's sentences do so too and then miss their offsets (reported)
    return re.sub(r"[ \t]{2,}", " ", "\n\n".join(parts))[:size]


def bank_text(template: str, size: int) -> str:
    """The deck's YAML with its items repeated under new ids until the file has about `size` bytes."""
    head, _, items = template.partition("questions:\n")
    blocks = re.split(r"(?m)^(?=  - id: )", items)
    blocks = [b for b in blocks if b.strip()]
    out = [head, "questions:\n"]
    total, copy = len(head), 0
    while total < size:
        for block in blocks:
            renamed = re.sub(r"^  - id: (\S+)", lambda m: f"  - id: {m.group(1)}-k{copy}", block, count=1)
            out.append(renamed)
            total += len(renamed.encode())
            if total >= size:
                break
        copy += 1
    return "".join(out)


class Teacher:
    """A logged-in teacher on a test client."""

    def __init__(self, app):
        self.client = app.test_client()
        with app.app_context():
            create_user("lehrerin", "geheim123", is_teacher=True)
            db.session.commit()
        self.post("/auth/login", {"username": "lehrerin", "password": "geheim123"})

    def post(self, url: str, data: dict, page: str | None = None):
        token = CSRF_RE.search(self.client.get(page or url).get_data(as_text=True)).group(1)
        return self.client.post(url, data={**data, "csrf_token": token})


def timed(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,100000,250000", help="article sizes in bytes")
    parser.add_argument("--banks", default="250000,500000,1000000", help="bank sizes in bytes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        (root / "questions").mkdir()
        app = create_app({"TESTING": False, "SECRET_KEY": "benchmark", "PROJECT_ROOT": str(root),
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{root / 'b.sqlite'}",
                          "QUESTIONS_DIR": str(root / "questions"), "BANK_RELOAD_SECONDS": 0,
                          "LOGIN_RATE_LIMIT": "1000 per minute", "JOB_RUNNER": "thread"},
                         instance_path=str(root / "instance"))
        teacher = Teacher(app)
        jobs = own_worker(app)
        teacher.post("/teacher/decks/new", {"title": "warmup", "text": corpus_text(3000)})  # loads the models
        jobs.wait(600)
        for size in [int(s) for s in args.sizes.split(",") if s]:
            text = corpus_text(size)
            # the form only queues the job (quizapp/jobs/); the deck is there when the job has run
            answered, response = timed(lambda: teacher.post("/teacher/decks/new", {"title": f"artikel {size}",
                                                                                    "text": text}))
            seconds, _ = timed(lambda: jobs.wait(600))
            bank = root / "questions" / f"artikel-{size}.yaml"
            items = bank.read_text(encoding="utf-8").count("\n  - id: ") if bank.exists() else 0
            print(f"new deck, article {len(text.encode()):>9,} bytes: form {answered:5.2f} s "
                  f"(HTTP {response.status_code}), job {seconds:6.1f} s, {items} items", flush=True)
        sizes = [int(s) for s in args.banks.split(",") if s]
        source = max(root.glob("questions/artikel-*.yaml"), key=lambda p: p.stat().st_size, default=None)
        if source is None:
            print("no generated deck to build banks from")
            return 1
        deck_id = source.stem
        template = source.read_text(encoding="utf-8")
        for size in sizes:
            text = bank_text(template, size)
            page = f"/teacher/decks/{deck_id}/yaml"
            seconds, response = timed(lambda: teacher.post(page, {"text": text, "save": "1",
                                                                  "file_sha256": _sha(source)}))
            print(f"whole-file save, bank {len(text.encode()):>9,} bytes "
                  f"({text.count(chr(10) + '  - id: ')} items): {seconds:6.1f} s, "
                  f"HTTP {response.status_code}",
                  flush=True)
            source.write_text(template, encoding="utf-8")  # the next size starts from the original again
            teacher.client.get("/teacher/")  # reloads the original
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    return 0


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
