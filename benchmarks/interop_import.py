"""Import of a 10,000-row Quizlet file and a 10,000-row CSV deck: seconds per stage, and what loading the new
decks into a database then costs (the app's ordinary bank load, the same for any deck of that size).

Run: .venv/bin/python benchmarks/interop_import.py [--rows N] [--load]
Stages: read (decode and split the file into cards), plan (ids, YAML and articles), check (the bank loader's
rules on the built items) and write (articles and deck files). `--load` also loads the decks into a
fresh SQLite database the way `quizapp import` does, and prints that time next to the import's.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from quizapp.interop.bankfile import deck_id_for, plan_import, write_import
from quizapp.interop.importing import read_cards


def quizlet_rows(n: int) -> bytes:
    return "".join(f"Wort {i} – Straße\t\"Bedeutung\" {i}, mit Komma & Umlaut ä\n" for i in range(n)).encode()


def csv_rows(n: int) -> bytes:
    rows = ["Frage;Antwort;Distraktoren;Alternativen;Tags"]
    rows += [f"Welcher Fluss ist Nummer {i}?;Fluss {i};Amur {i}|Jalu {i}|Ussuri {i};F{i};geo" for i in range(n)]
    return ("\n".join(rows) + "\n").encode()


def run(name: str, data: bytes, load: bool) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        (root / "questions").mkdir()
        times = {}
        start = time.perf_counter()
        cards, notices, fmt = read_cards(data, name)
        times["read"] = time.perf_counter() - start
        start = time.perf_counter()
        plan = plan_import(cards, deck_id_for(Path(name).stem), Path(name).stem, "de", name, notices)
        times["plan"] = time.perf_counter() - start
        start = time.perf_counter()
        problems = plan.problems()
        times["check"] = time.perf_counter() - start
        assert not problems, problems[:3]
        start = time.perf_counter()
        write_import(plan, root / "questions", root)
        times["write"] = time.perf_counter() - start  # checks again before writing, as the import does
        total = times["read"] + times["plan"] + times["write"]
        print(f"{name} ({fmt}): {len(cards):,} cards -> {len(plan.parts)} decks, "
              + ", ".join(f"{k} {v:.2f} s" for k, v in times.items()) + f"; import total {total:.2f} s "
              f"({total / len(cards) * 1000 * 1000:.0f} ms per 1,000 rows)")
        if load:
            loaded = load_into_sqlite(root)
            print(f"  then loading the decks into SQLite: {loaded:.1f} s ({loaded / total:.1f}x the import)")


def load_into_sqlite(root: Path) -> float:
    """Seconds the app's bank load takes for the decks in root/questions (an app made before they exist)."""
    import shutil

    from quizapp import create_app
    from quizapp.operations.interop import load_imported

    written = root / "questions"
    empty = root / "empty"
    empty.mkdir()
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "QUESTIONS_DIR": str(empty),
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{root / 'bench.sqlite'}", "PROJECT_ROOT": str(root)},
                     instance_path=str(root / "instance"))
    for path in written.glob("*.yaml"):
        shutil.copy(path, empty / path.name)
    with app.app_context():
        start = time.perf_counter()
        errors = load_imported(empty)
        assert not errors, errors[:3]
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--load", action="store_true", help="also load the new decks into a database")
    args = parser.parse_args()
    run("vokabeln.txt", quizlet_rows(args.rows), args.load)
    run("fluesse.csv", csv_rows(args.rows), args.load)


if __name__ == "__main__":
    main()
