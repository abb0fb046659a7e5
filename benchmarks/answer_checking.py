"""Precision and recall of answer checking on the typo set tests/checking/answer_set.tsv.

    .venv/bin/python benchmarks/answer_checking.py [--cases FILE] [--misses]

Each case is a typed answer to one gap, labelled as a teacher marks it: right, almost (a spelling slip,
asked again) or wrong (another fact). "Right" is the positive class: precision is the share of the
answers marked right that are right (lenient marking must not accept another fact), recall the share of
the right answers marked right. The same figures for "almost", per language and overall, then the time
per check (HanTa and GeoNames loaded before). --misses lists every case marked otherwise
than labelled. The figures before and after each change are in docs/answer-checking.md.
"""

from __future__ import annotations

import argparse
import csv
import time
from dataclasses import dataclass
from pathlib import Path

from quizapp.checking import check_answer

CASES = Path(__file__).resolve().parent.parent / "tests" / "checking" / "answer_set.tsv"
VERDICTS = ("right", "almost", "wrong")


@dataclass(frozen=True)
class Case:
    """One typed answer, what a teacher marks it (label) and, where the checker differs today, its verdict."""

    language: str
    kind: str
    expected: str
    after: str
    given: str
    label: str
    marked: str
    note: str

    @property
    def current(self) -> str:
        """The verdict the checker gives today, as recorded in the file."""
        return self.marked or self.label


def load_cases(path: Path = CASES) -> list[Case]:
    """The cases of a tab-separated file with a header row."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [Case(**row) for row in csv.DictReader(handle, delimiter="\t")]


def mark(case: Case) -> str:
    """The checker's verdict on one case."""
    try:
        result = check_answer(case.given, case.expected, language=case.language, kind=case.kind or None,
                              after=case.after)
    except TypeError:  # a checker from before kind and after existed, for the "before" figures
        result = check_answer(case.given, case.expected, language=case.language)
    return result.verdict.value


def precision_recall(labels: list[str], verdicts: list[str], positive: str) -> tuple[float, float, int]:
    """Precision and recall of one verdict, and how many cases carry that label."""
    marked = sum(v == positive for v in verdicts)
    labelled = sum(label == positive for label in labels)
    hits = sum(v == positive == label for label, v in zip(labels, verdicts))
    return (hits / marked if marked else 1.0), (hits / labelled if labelled else 1.0), labelled


def report(cases: list[Case], verdicts: list[str]) -> list[str]:
    """Lines of the table: language, verdict, cases labelled so, precision, recall."""
    lines = [f"{'language':<9}{'verdict':<8}{'cases':>6}{'precision':>11}{'recall':>8}"]
    for language in (*sorted({c.language for c in cases}), "all"):
        chosen = [i for i, c in enumerate(cases) if language in ("all", c.language)]
        labels = [cases[i].label for i in chosen]
        for positive in ("right", "almost"):
            precision, recall, labelled = precision_recall(labels, [verdicts[i] for i in chosen], positive)
            lines.append(f"{language:<9}{positive:<8}{labelled:>6}{precision:>11.3f}{recall:>8.3f}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--misses", action="store_true", help="list the cases marked otherwise than labelled")
    args = parser.parse_args()
    cases = load_cases(args.cases)
    for language in sorted({case.language for case in cases}):  # HanTa and GeoNames load outside the timing
        check_answer("Häuser", "Haus", language=language)
        check_answer("Kiew", "Kyjiw", language=language)
    start = time.perf_counter()
    verdicts = [mark(case) for case in cases]
    elapsed = time.perf_counter() - start
    print(f"{len(cases)} cases ({sum(c.language == 'de' for c in cases)} German, "
          f"{sum(c.language == 'en' for c in cases)} English)")
    print("\n".join(report(cases, verdicts)))
    print(f"{elapsed / len(cases) * 1000:.2f} ms per check on average")
    if args.misses:
        for case, verdict in zip(cases, verdicts):
            if verdict != case.label:
                note = f"  # {case.note}" if case.note else ""
                print(f"  {case.language} {case.expected!r} <- {case.given!r}: {verdict}, "
                      f"labelled {case.label}{note}")


if __name__ == "__main__":
    main()
