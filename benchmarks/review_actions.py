"""Review actions on a 500-item bank: server time of approve, retire, back to draft and undo, and where it goes.

    .venv/bin/python benchmarks/review_actions.py [--items 500] [--repeat 5]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/bench]

Builds a bank file of `--items` items (copies of the seed deck's items under new ids, so every source
sentence checks against the real article), loads it, then times through Flask's test client:
- each review action as a browser without JavaScript sends it (POST, then the redirected page) and as the
  page's script sends it (POST asking for JSON, no page), median of `--repeat`;
- the phases of one write, called directly: read + parse the file, the ruamel round-trip edit, the check
  against the other files and the article, the save, the database sync, and rendering the review queue.
Aim: every action under 300 ms at the server. PostgreSQL only with --postgres (its public schema is DROPPED
first: give it a scratch database). Figures: docs/question-bank.md, section "Reviewing in the browser".
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp import create_app  # noqa: E402
from quizapp.bank import load_bank_text  # noqa: E402
from quizapp.bank.status_edit import set_statuses  # noqa: E402
from quizapp.bank.write import read_bank, save_bank, set_question_fields  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from quizapp.models import Question  # noqa: E402
from quizapp.operations.bank_errors import sync_and_record  # noqa: E402
from quizapp.operations.users import create_user  # noqa: E402
from quizapp.teacher.files import check_text  # noqa: E402

SEED_DECK = ROOT / "tests" / "fixtures" / "banks" / "nordkorea-russland.yaml"
FILE = "bench-review.yaml"


def big_bank(items: int) -> str:
    """The seed deck's items repeated under new ids and fact keys until there are `items`, all drafts."""
    text = SEED_DECK.read_text(encoding="utf-8")
    head, _, body = text.partition("questions:\n")
    blocks = re.split(r"(?m)^(?=  - id: )", body)
    blocks = [b for b in blocks if b.startswith("  - id: ")]
    out = []
    for n in range(items):
        block = blocks[n % len(blocks)]
        block = re.sub(r"(?m)^  - id: (\S+)", lambda m: f"  - id: {m.group(1)}-{n:04d}", block, count=1)
        block = re.sub(r"(?m)^    status: \w+", "    status: draft", block)
        block = re.sub(r"(?m)^    fact: .*\n", "", block)
        if "    fact:" not in block:
            block = block.replace("    kind:", f"    fact: bench-{n:04d}\n    kind:", 1) if "    kind:" in block \
                else block + f"    fact: bench-{n:04d}\n"
        out.append(block)
    head = re.sub(r"(?m)^  id: .*$", "  id: bench-review", head)
    head = re.sub(r"(?m)^  title: .*$", "  title: Benchmark review", head)
    return head + "questions:\n" + "".join(out)


def median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench(url: str, items: int, repeat: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="review-bench-"))
    try:
        (folder / "questions").mkdir()
        shutil.copytree(ROOT / "seeds", folder / "seeds")
        (folder / "questions" / FILE).write_text(big_bank(items), encoding="utf-8")
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                          "RATELIMIT_ENABLED": False, "QUESTIONS_DIR": str(folder / "questions"),
                          "PROJECT_ROOT": str(folder), "BANK_RELOAD_SECONDS": 0},
                         instance_path=str(folder / "instance"))
        with app.app_context():
            if url.startswith("postgresql"):
                with db.engine.begin() as conn:
                    conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            db.create_all()
            sync_and_record(folder / "questions")
            create_user("bench", "benchmark1", is_teacher=True)
            db.session.commit()
            ids = list(db.session.scalars(sa.select(Question.id).where(Question.deck_id == "bench-review")
                                          .order_by(Question.position)))
        print(f"{url.split(':')[0]}: {len(ids)} items in {FILE} "
              f"({(folder / 'questions' / FILE).stat().st_size // 1000} KB)")
        client = app.test_client()
        client.post("/auth/login", data={"username": "bench", "password": "benchmark1"})
        phases(app, folder / "questions" / FILE, ids[0], repeat)
        actions(app, client, ids, repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def phases(app, path: Path, qid: str, repeat: int) -> None:
    """One status write taken apart: the old write (ruamel round trip, check, reload of the bank) against
    the new one (libyaml finds the status word, the file is saved, the database gets the status)."""
    slow_repeat = min(repeat, 2)  # the old phases take seconds each
    with app.test_request_context("/"):
        text, sha = read_bank(path)
        edited = set_question_fields(text, qid, {"status": "approved"})
        old = {
            "read + parse the file (ruamel)": median_ms(lambda: load_bank_text(read_bank(path)[0], FILE),
                                                        slow_repeat),
            "ruamel round-trip edit": median_ms(lambda: set_question_fields(text, qid, {"status": "approved"}),
                                                slow_repeat),
            "check against article + files": median_ms(lambda: check_text(edited, FILE), slow_repeat),
        }

        def reload_bank():
            path.write_text(edited, encoding="utf-8")
            sync_and_record(path.parent)
            db.session.commit()
            path.write_text(text, encoding="utf-8")  # back, for the next round (its reload is not timed)
        old["reload of the bank (sync)"] = median_ms(reload_bank, slow_repeat)
        sync_and_record(path.parent)
        db.session.commit()
        new = {"status edit (libyaml events)": median_ms(lambda: set_statuses(text, {qid: "approved"}), repeat)}

        def save_and_back():
            new_sha = save_bank(path, edited, sha)
            save_bank(path, text, new_sha)
        new["save, fsync (there and back) / 2"] = median_ms(save_and_back, repeat) / 2
    client = app.test_client()
    client.post("/auth/login", data={"username": "bench", "password": "benchmark1"})
    pages = {"review queue page": median_ms(lambda: client.get("/teacher/review"), repeat),
             "deck page": median_ms(lambda: client.get("/teacher/decks/bench-review"), repeat)}
    print("  phases of one write (median ms):")
    for title, figures in (("old write path", old), ("new write path", new), ("pages (500 items)", pages)):
        print(f"   {title}: total {sum(figures.values()):.0f}")
        for name, ms in figures.items():
            print(f"    {name:<36} {ms:8.1f}")
    print(f"   old / new write: {sum(old.values()) / sum(new.values()):.0f}x")


def actions(app, client, ids: list[str], repeat: int) -> None:
    """Each action as the page without and with JavaScript sends it; what the teacher waits for."""
    def post(qid: str, status: str, js: bool):
        with app.app_context():
            digest = db.session.get(Question, qid).content_hash
        headers = {"Accept": "application/json"} if js else {}
        start = time.perf_counter()
        response = client.post(f"/teacher/questions/{qid}/status", headers=headers, follow_redirects=not js,
                               data={"status": status, "content_hash": digest, "next": "/teacher/review"})
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (response.status_code, response.get_data(as_text=True)[:300])
        return elapsed

    def undo(js: bool):
        headers = {"Accept": "application/json"} if js else {}
        start = time.perf_counter()
        response = client.post("/teacher/review/undo", headers=headers, follow_redirects=not js,
                               data={"next": "/teacher/review"})
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (response.status_code, response.get_data(as_text=True)[:300])
        return elapsed

    print("  actions (median ms at the server)       no JS (POST + page)   JS (POST only)")
    rows = {}
    for js in (False, True):
        for name, status in (("approve", "approved"), ("retire", "retired"), ("back to draft", "draft")):
            rows.setdefault(name, []).append(statistics.median(
                post(ids[i], status, js) for i in range(1, repeat + 1)))
        rows.setdefault("undo", []).append(statistics.median(
            undo(js) for _ in range(repeat) if post(ids[0], "approved", js) is not None))
        bulk = ids[-50:]
        with app.app_context():
            hashes = [db.session.get(Question, q).content_hash for q in bulk]
        headers = {"Accept": "application/json"} if js else {}
        start = time.perf_counter()
        response = client.post("/teacher/review/bulk", headers=headers, follow_redirects=not js,
                               data={"action": "retired:selected", "selected": bulk,
                                     "items": " ".join(f"{q}:{h}" for q, h in zip(bulk, hashes)),
                                     "next": "/teacher/review"})
        assert response.status_code == 200, (response.status_code, response.get_data(as_text=True)[:300])
        rows.setdefault("retire 50 at once", []).append((time.perf_counter() - start) * 1000)
        client.post("/teacher/review/undo", data={"next": "/teacher/review"})
    for name, (plain, js) in rows.items():
        print(f"    {name:<36} {plain:10.1f} {js:18.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="a scratch PostgreSQL database (its public schema is dropped)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as sqlite_dir:
        bench(f"sqlite:///{sqlite_dir}/bench.sqlite", args.items, args.repeat)
    if args.postgres:
        bench(args.postgres, args.items, args.repeat)


if __name__ == "__main__":
    main()
