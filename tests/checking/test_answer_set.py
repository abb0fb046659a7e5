"""The typo set: every case keeps its verdict, so precision and recall can only go up.

tests/checking/answer_set.tsv holds typed answers labelled as a teacher marks them (right, almost, wrong);
`marked` records the checker's verdict where it differs today. A case whose verdict changes fails here:
a regression is a bug; an improvement clears `marked` (then rerun benchmarks/answer_checking.py and
update the figures in docs/answer-checking.md, which the last test compares).
"""

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("answer_checking", ROOT / "benchmarks" / "answer_checking.py")
bench = sys.modules["answer_checking"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)
CASES = bench.load_cases()


def test_the_set_is_large_and_covers_both_languages_and_all_verdicts() -> None:
    assert len(CASES) >= 200
    counts = Counter((case.language, case.label) for case in CASES)
    assert all(counts[(language, label)] >= 10 for language in ("de", "en") for label in bench.VERDICTS)
    assert all(case.marked in ("", *bench.VERDICTS) and case.marked != case.label for case in CASES)
    assert len({(c.language, c.kind, c.expected, c.after, c.given) for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.language}:{c.expected}<-{c.given}" for c in CASES])
def test_case_keeps_its_verdict(case) -> None:
    verdict = bench.mark(case)
    assert verdict == case.current, (
        f"{case.given!r} for {case.expected!r} is now {verdict}, labelled {case.label}"
        + (f" (recorded as {case.marked})" if case.marked else "")
    )


def test_docs_give_the_current_figures() -> None:
    verdicts = [case.current for case in CASES]
    docs = (ROOT / "docs" / "answer-checking.md").read_text(encoding="utf-8")
    for line in bench.report(CASES, verdicts)[1:]:
        assert line in docs, f"docs/answer-checking.md lacks the figure line {line!r}"
