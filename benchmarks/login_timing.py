"""Failed logins: time for an existing name with a wrong password against a name that does not exist.

Run: .venv/bin/python benchmarks/login_timing.py [--repeat R]
Both go through the real login form on a fresh SQLite app, alternately; medians are printed with their
ratio (aim: close to 1.0, so that the answer time does not tell which usernames exist).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from quizapp import create_app
from quizapp.extensions import db
from quizapp.operations.users import create_user
from quizapp.config import PROJECT_ROOT


def login_ms(client, username: str) -> float:
    start = time.perf_counter()
    response = client.post("/auth/login", data={"username": username, "password": "falsch-123"})
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, response.status_code
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI":
                          f"sqlite:///{Path(tmp) / 'bench.sqlite'}", "QUESTIONS_DIR": str(Path(tmp) / "q"),
                          "PROJECT_ROOT": str(PROJECT_ROOT), "RATELIMIT_ENABLED": False,
                          "WTF_CSRF_ENABLED": False},
                         instance_path=str(Path(tmp) / "instance"))
        with app.app_context():
            create_user("anna", "geheim123")
            db.session.commit()
        client = app.test_client()
        login_ms(client, "niemand")  # warm-up: templates, the stand-in hash
        known, unknown = [], []
        for _ in range(args.repeat):
            known.append(login_ms(client, "anna"))
            unknown.append(login_ms(client, "niemand"))
        k, u = statistics.median(known), statistics.median(unknown)
        print(f"wrong password, existing name: median {k:.1f} ms over {args.repeat}")
        print(f"name that does not exist:      median {u:.1f} ms over {args.repeat}")
        print(f"ratio unknown/known: {u / k:.2f}")
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


if __name__ == "__main__":
    main()
