"""Run the generator over articles of the test corpus and print items per article, kinds and check results.

    .venv/bin/python benchmarks/corpus_check.py [--corpus ../shared/corpus/all.jsonl] [--limit 200]
    .venv/bin/python benchmarks/corpus_check.py --corpus ../shared/corpus-wikinews/en.jsonl  (English)

The corpus (10kGNAD, CC BY-NC-SA 4.0) is test input only: nothing derived from it ships in the package.
Besides the checks of every item (quizapp/generation/checks.py) it prints how many banks pass
`quizapp validate`, the share of items from sentences giving three or more items, and the share of term
MCQs. Exit code 1 if an article crashed the generator, an item failed a check or a bank failed validate.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp.bank.validate import validate_files
from quizapp.generation.checks import deck_problems, problems
from quizapp.generation.merge import merge_deck
from quizapp.generation.pipeline import generate_deck_from_text

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "all.jsonl"


def load_articles(corpus: Path, limit: int) -> list[dict]:
    """The first limit articles, without the stubs listed beside the corpus."""
    stubs_file = corpus.parent / "stub_ids.txt"
    stubs = set(stubs_file.read_text().split()) if stubs_file.exists() else set()
    articles = []
    with corpus.open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if record["id"] not in stubs and record["id"].rsplit("-", 1)[-1] not in stubs:
                articles.append(record)
            if len(articles) == limit:
                break
    return articles


def check_article(record: dict) -> dict:
    """Generate one article's deck and check every item; a crash is reported, not raised."""
    try:
        deck = generate_deck_from_text(record["text"], record["id"] + ".txt")
    except Exception:  # noqa: BLE001 - any crash is what this script looks for
        return {"id": record["id"], "crash": traceback.format_exc()}
    items = deck["questions"]
    found = [(item["id"], problem) for item in items for problem in problems(item, record["text"])]
    found += [("deck", problem) for problem in deck_problems(items)]
    per_sentence = Counter(item["source"]["sentence"] for item in items)
    return {
        "validate": validates(deck, record),
        "crowded": sum(n for n in per_sentence.values() if n >= 3),
        "terms_mcq": sum(item["kind"] == "begriff" and item["type"] == "mcq" for item in items),
        "id": record["id"],
        "category": record.get("category") or record.get("language", ""),
        "cloze": sum(item["type"] == "cloze" for item in items),
        "mcq": sum(item["type"] == "mcq" for item in items),
        "kinds": Counter(item["kind"] for item in items),
        "problems": found,
    }


def validates(deck: dict, record: dict) -> list[str]:
    """The problems `quizapp validate` finds in the bank `quizapp generate` would write for the article."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seeds").mkdir()
        (root / "seeds" / (record["id"] + ".txt")).write_text(record["text"], encoding="utf-8")
        deck["deck"]["source"]["path"] = f"seeds/{record['id']}.txt"
        bank = root / f"{record['id']}.yaml"
        bank.write_text(merge_deck(deck, bank).text, encoding="utf-8")
        return [str(error) for error in validate_files([(bank, bank.name)], root).errors]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    articles = load_articles(args.corpus, args.limit)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(check_article, articles, chunksize=4))
    elapsed = time.perf_counter() - started

    kinds: Counter = Counter()
    crashes = [r for r in results if "crash" in r]
    failing = [
        (r["id"], item, problem) for r in results if "crash" not in r for item, problem in r["problems"]
    ]
    print(f"{'article':<20} {'category':<14} {'cloze':>5} {'mcq':>5}")
    for r in results:
        if "crash" in r:
            print(f"{r['id']:<20} CRASH")
            continue
        kinds.update(r["kinds"])
        print(f"{r['id']:<20} {r['category']:<14} {r['cloze']:>5} {r['mcq']:>5}")
    total = sum(kinds.values())
    good = [r for r in results if "crash" not in r]
    print(
        f"\n{len(results)} articles in {elapsed:.1f} s with {args.workers} workers; "
        f"{total} items ({sum(r['cloze'] for r in good)} cloze, {sum(r['mcq'] for r in good)} mcq); "
        f"{sum(1 for r in good if r['cloze'] + r['mcq'] == 0)} articles without items"
    )
    print("share of fact kinds: " + ", ".join(f"{k} {n / max(total, 1):.0%}" for k, n in kinds.most_common()))
    print(
        "checks: answer in its sentence, offsets, distractors differ from the answer and are of its kind, "
        "no two options equal"
    )
    items = max(total, 1)
    invalid = [r for r in good if r["validate"]]
    print(
        f"banks passing `quizapp validate`: {len(good) - len(invalid)} of {len(good)}; "
        f"items from sentences giving 3 or more items: {sum(r['crowded'] for r in good) / items:.0%}; "
        f"term MCQs: {sum(r['terms_mcq'] for r in good) / items:.0%}; "
        f"items per article: {total / max(len(good), 1):.1f}"
    )
    print(
        "item checks also: no web address, no gap cutting a word, hint names the kind, no option named in "
        "the stem or context, term options of the answer's gender and form; deck: at most 3 items a sentence"
    )
    print(f"crashes: {len(crashes)}; failed checks: {len(failing)}; banks failing validate: {len(invalid)}")
    for r in invalid[:5]:
        print(f"  {r['id']}: {r['validate'][0]}")
    for r in crashes[:5]:
        print(f"--- {r['id']}\n{r['crash']}")
    for article, item, problem in failing[:30]:
        print(f"  {article} {item}: {problem}")
    return 1 if crashes or failing or invalid else 0


if __name__ == "__main__":
    sys.exit(main())
