"""Draw a blind-rating sample (../shared/quality/RUBRIC.md): random articles, their banks, 40 random items.

    .venv/bin/python benchmarks/rating_sample.py --seed N [--language en] [--articles 10] [--items 40] [--out DIR]

Choose the seed at rating time and never reuse one. The articles (more than 120 words, no stubs, never the
fixtures in tests/fixtures/corpus) are written to DIR/seeds/ and generated exactly as `quizapp generate`
does (batch.run, banks in DIR/questions/), then every bank is validated. DIR/sheet.md is what the rater
sees: per item the stem or cloze text with its hint, the answer, the distractors, the source sentence and
the context, nothing else. With --language en the articles come from ../shared/corpus-wikinews/en.jsonl
(CC BY 2.5, Wikinews) and each file has the headline on its first line, as a teacher would paste it. DIR/articles.md holds the article texts, DIR/key.json the item ids and kinds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp.bank.validate import bank_files, validate_files  # noqa: E402
from quizapp.generation.batch import run  # noqa: E402

CORPORA = {
    "de": ROOT.parent / "shared" / "corpus" / "all.jsonl",
    "en": ROOT.parent / "shared" / "corpus-wikinews" / "en.jsonl",
}
FIXTURES = (ROOT / "tests" / "fixtures" / "corpus", ROOT / "tests" / "fixtures" / "corpus-en")


def draw_articles(corpus: Path, seed: int, count: int) -> list[dict]:
    """count random articles of more than 120 words, neither stubs nor fixtures."""
    stubs_file = corpus.parent / "stub_ids.txt"
    stubs = set(stubs_file.read_text().split()) if stubs_file.exists() else set()
    fixtures = {path.stem for folder in FIXTURES for path in folder.glob("*.txt")}
    records = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    eligible = [
        r
        for r in records
        if r["id"] not in fixtures
        and r["id"].rsplit("-", 1)[-1] not in stubs
        and len(r["text"].split()) > 120
    ]
    return random.Random(seed).sample(eligible, count)


def article_text(record: dict) -> str:
    """The article file: a Wikinews record's headline on the first line, then its text."""
    if record.get("language") == "en" and record.get("title"):
        return f"{record['title']}\n\n{record['text']}\n"
    return record["text"] + "\n"


def draw_items(banks: list[dict], seed: int, count: int) -> list[tuple[str, dict]]:
    """count random items, half multiple-choice and half cloze where possible."""
    rng = random.Random(seed)
    pool = [(bank["deck"]["id"], item) for bank in banks for item in bank["questions"]]
    mcq = [pair for pair in pool if pair[1]["type"] == "mcq"]
    cloze = [pair for pair in pool if pair[1]["type"] == "cloze"]
    want_mcq = min(len(mcq), count // 2)
    chosen = rng.sample(mcq, want_mcq) + rng.sample(cloze, min(len(cloze), count - want_mcq))
    rng.shuffle(chosen)
    return chosen


def sheet_entry(n: int, item: dict) -> str:
    """What the rater sees of one item: no id, status, tags or kind."""
    lines = [f"### {n}. [{item['type']}]", f"- text: {item['text']}"]
    if item["type"] == "mcq":
        lines += [f"- answer: {item['answer']}", f"- distractors: {', '.join(item['distractors'])}"]
    elif item.get("accept"):
        lines.append(f"- also accepted: {', '.join(item['accept'])}")
    lines.append(f"- source: {item['source']['sentence']}")
    if item["source"].get("context"):
        lines.append(f"- context: {item['source']['context']}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--language", choices=sorted(CORPORA), default="de")
    parser.add_argument("--corpus", type=Path, default=None, help="default: the language's shared corpus")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix=f"rating-{args.seed}-"))
    (out / "seeds").mkdir(parents=True, exist_ok=True)
    questions = out / "questions"
    articles = draw_articles(args.corpus or CORPORA[args.language], args.seed, args.articles)
    files = []
    for record in articles:
        path = out / "seeds" / f"{record['id']}.txt"
        path.write_text(article_text(record), encoding="utf-8")
        files.append(str(path))
    errors = [result.error for result in run(files, questions, root=out) if result.error]
    report = validate_files([(p, p.name) for p in bank_files(questions)], out)
    from ruamel.yaml import YAML

    banks = [YAML(typ="safe").load(p.read_text(encoding="utf-8")) for p in bank_files(questions)]
    chosen = draw_items(banks, args.seed, args.items)
    (out / "sheet.md").write_text(
        f"# Rating sheet, seed {args.seed}\n\n" + "\n".join(sheet_entry(n, item) for n, (_, item) in
                                                        enumerate(chosen, 1)),
        encoding="utf-8",
    )
    (out / "articles.md").write_text(
        "\n\n".join(f"## {r['id']} ({r.get('category') or r.get('date') or ''})\n\n{article_text(r)}"
                    for r in articles),
        encoding="utf-8",
    )
    key = [{"n": n, "deck": deck, "id": item["id"], "kind": item.get("kind")} for n, (deck, item) in
           enumerate(chosen, 1)]
    (out / "key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    items = sum(len(bank["questions"]) for bank in banks)
    print(f"seed {args.seed}: {len(articles)} articles ({', '.join(r['id'] for r in articles)})")
    print(f"{items} items in the banks, {len(chosen)} drawn; generation errors: {len(errors)}; "
          f"validate: {report.summary()}")
    for error in report.errors[:10]:
        print(f"  {error}")
    print(f"sheet: {out / 'sheet.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
