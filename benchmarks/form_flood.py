"""How long a flood of form fields holds a worker: seconds for one answer POST of N tiny `gaps-N` fields.

    .venv/bin/python benchmarks/form_flood.py [--fields 600000 100000 1000] [--repeat 3]

Flask's test client against a SQLite file in a temporary folder (no network): a student starts a run on a
cloze item and posts URL-encoded bodies of N empty gap fields, then one normal answer for comparison. Prints
the status and the best of `--repeat` wall-clock times per size. Issue 12 measured 33 s for 600,000 fields
(7.5 MB) before form parts were capped; tests/security/test_request_limits.py keeps the refusal under 1 s.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def site(folder: Path):
    """The app on a fresh SQLite file with the frozen test deck, a student signed in, runs on a cloze item."""
    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.models import Question, User
    from quizapp.operations.quiz import start_run
    from quizapp.operations.users import create_user

    shutil.copytree(ROOT / "tests" / "fixtures" / "banks", folder / "questions")
    app = create_app({"SECRET_KEY": "flood", "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'flood.sqlite'}",
                      "QUESTIONS_DIR": str(folder / "questions")},
                     instance_path=str(folder / "instance"))
    with app.app_context():
        create_user("flood", "geheim123")
        user = db.session.scalar(db.select(User).where(User.username == "flood"))
        cloze = db.session.scalars(db.select(Question).where(Question.type == "cloze")).first()
        runs = [start_run(user, cloze.deck, [cloze.id]).id for _ in range(2)]
        db.session.commit()
        question_id = cloze.id
    client = app.test_client()
    client.post("/auth/login", data={"username": "flood", "password": "geheim123"})
    return client, runs, question_id


def post_seconds(client, url: str, body: bytes) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.post(url, data=body, content_type="application/x-www-form-urlencoded")
    return response.status_code, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fields", type=int, nargs="+", default=[600_000, 100_000, 1_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        client, (flood_run, answer_run), question_id = site(Path(scratch))
        for count in args.fields:
            body = (f"question_id={question_id}&" + "&".join(f"gaps-{n}=" for n in range(count))).encode()
            results = [post_seconds(client, f"/runs/{flood_run}/answer", body) for _ in range(args.repeat)]
            status = results[0][0]
            print(f"{count:>9,} fields, {len(body) / 1e6:5.2f} MB: HTTP {status}, "
                  f"best {min(s for _, s in results) * 1000:8.1f} ms")
        status, seconds = post_seconds(client, f"/runs/{answer_run}/answer",
                                       f"question_id={question_id}&gaps-0=4,5".encode())
        print(f"a normal answer:            HTTP {status}, {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
