"""Generation speed: articles per second in one process, and the ratio to bare SoMaJo + HanTa tagging.

    /work/venv/bin/python benchmarks/generation.py [--limit 60] [--corpus ../shared/corpus/all.jsonl]

Both are measured in the same run on the same texts (the seed article and the first articles of the test
corpus, or the fixtures in tests/ when the corpus is not there), after the models are loaded; the two are
timed in alternating rounds so that a busy machine affects both alike. Aim: ratio at most 1.3.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp.generation import nlp
from quizapp.generation.pipeline import generate_deck_from_text

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "all.jsonl"


def texts(corpus: Path, limit: int) -> list[str]:
    """The seed article, then corpus articles (or the test fixtures)."""
    result = [(ROOT / "seeds" / "2025-07-nordkorea-russland.txt").read_text(encoding="utf-8")]
    if corpus.exists():
        with corpus.open(encoding="utf-8") as stream:
            for line in stream:
                if len(result) > limit:
                    break
                result.append(json.loads(line)["text"])
    else:
        result += [
            p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/fixtures/corpus").glob("*.txt"))
        ]
    return result


def bare_tagging(text: str) -> int:
    """What any generator has to do at least: split and tokenize with SoMaJo, tag with HanTa."""
    tagger = nlp.tagger("de")
    count = 0
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    for sentence in nlp.tokenizer("de").tokenize_text(paragraphs):
        tagger.tag_sent([token.text for token in sentence], taglevel=1)
        count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    articles = texts(args.corpus, args.limit)

    started = time.perf_counter()
    generate_deck_from_text(articles[0])  # loads SoMaJo, HanTa, the noun lexicon and the gazetteers
    loading = time.perf_counter() - started

    tagging = generation = 0.0
    items = sentences = 0
    for _ in range(args.rounds):
        started = time.perf_counter()
        sentences = sum(bare_tagging(text) for text in articles)
        tagging += time.perf_counter() - started
        started = time.perf_counter()
        items = sum(len(generate_deck_from_text(text)["questions"]) for text in articles)
        generation += time.perf_counter() - started

    n = len(articles) * args.rounds
    print(
        f"articles: {len(articles)} x {args.rounds} rounds, {sentences} sentences and {items} items per round"
    )
    print(f"model loading (once per process): {loading:.2f} s")
    print(f"bare SoMaJo + HanTa: {n / tagging:.2f} articles/s")
    print(f"generation:          {n / generation:.2f} articles/s")
    print(f"ratio generation / bare tagging: {generation / tagging:.2f} (aim: at most 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
