"""CSV with a header row: the spreadsheet way to write a deck (docs/interop.md#csv).

Columns (any order, names in English or German, case ignored): `question` (Frage, required), `answer`
(Antwort), `distractors` (Distraktoren: wrong options, separated by `|`; a row with distractors is a
multiple-choice item, one without a cloze item), `accept` (Alternativen: other right answers, `|`),
`explanation` (Erklärung), `source` (Quelle: the sentence shown as feedback), `tags` (Tags, separated by
spaces), `kind` (Art). The delimiter is found from the header: comma, semicolon (German Excel) or tab.
"""

from __future__ import annotations

import csv
import io

from quizapp.interop.cards import Card, CardReader, has_gaps

COLUMNS = {
    "question": "question", "frage": "question",
    "answer": "answer", "antwort": "answer",
    "distractors": "distractors", "distraktoren": "distractors",
    "accept": "accept", "alternativen": "accept",
    "explanation": "explanation", "erklärung": "explanation", "erklaerung": "explanation",
    "source": "source", "quelle": "source",
    "tags": "tags",
    "kind": "kind", "art": "kind",
}
LIST_SEPARATOR = "|"
BLANK = "____"


def looks_like_csv_deck(text: str) -> bool:
    """Whether the first line is a header this reader knows (a question and an answer column)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].lower()
    names = {n.strip().strip('"') for sep in ",;\t" for n in first.split(sep)}
    return {"question", "frage"} & names != set() and {"answer", "antwort", "distractors"} & names != set()


def _dialect(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: counts[sep])


def _list(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(LIST_SEPARATOR) if part.strip()]


def read_csv_deck(text: str, file: str) -> tuple[list[Card], list[str]]:
    """The cards of a CSV deck (ImportFailed listing every bad row and field), and notices."""
    text = text.lstrip("\ufeff")
    reader = CardReader(file)
    header_line = text.split("\n", 1)[0]
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(header_line))
    try:
        header = next(rows)
    except StopIteration:
        return reader.finish(), []
    names = []
    for position, name in enumerate(header, 1):
        key = COLUMNS.get(name.strip().lower())
        if key is None and name.strip():
            reader.problem(1, name.strip(), f"unknown column (known: {', '.join(sorted(set(COLUMNS.values())))})")
        names.append(key)
    if "question" not in names:
        reader.problem(1, "", "the header needs a 'question' column")
    if reader.problems:
        return reader.finish(), []
    line = 1
    try:
        for row in rows:
            row_line, line = line + 1, rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(names):
                reader.problem(row_line, "", f"{len(row)} fields, the header has {len(names)} (a value with a "
                                             "delimiter in it needs quotes)")
                continue
            _card(reader, row_line, {name: cell for name, cell in zip(names, row) if name})
    except csv.Error as exc:
        reader.problem(rows.line_num, "", f"not valid CSV: {exc}")
    return reader.finish(), reader.notices


def _card(reader: CardReader, line: int, row: dict[str, str]) -> None:
    question = reader.plain(row.get("question"), line, "question", gaps_allowed=True)
    gaps = question is not None and has_gaps(question)
    answer = reader.plain(row.get("answer"), line, "answer", required=not gaps)
    distractors = [reader.plain(d, line, "distractors") for d in _list(row.get("distractors"))]
    accept = [reader.plain(a, line, "accept") for a in _list(row.get("accept"))]
    explanation = reader.plain(row.get("explanation"), line, "explanation", required=False)
    source = reader.plain(row.get("source"), line, "source", required=False)
    kind = reader.kind(row.get("kind"), line)
    tags = tuple((row.get("tags") or "").split())
    if question is None or (answer is None and not gaps) or None in distractors or None in accept:
        return
    extra = dict(accept=tuple(accept), explanation=explanation, source_sentence=source, kind=kind, tags=tags)
    if distractors:
        if gaps:
            reader.problem(line, "question", "a multiple-choice question has no cloze gaps")
            return
        if answer is None:
            reader.problem(line, "answer", "is empty")
            return
        reader.cards.append(Card("mcq", question, line, answer=answer, distractors=tuple(distractors), **extra))
    elif gaps:
        if answer:
            reader.problem(line, "answer", "must be empty when the question has cloze gaps")
            return
        reader.cards.append(Card("cloze", question, line, **extra))
    elif BLANK in question:
        if "::" in answer:
            reader.problem(line, "answer", "contains '::', which ends a cloze gap")
            return
        before, _, after = question.partition(BLANK)
        reader.cards.append(Card("cloze", f"{before}{{{{c1::{answer}}}}}{after}", line, **extra))
    else:
        reader.add_basic(line, question, answer, **extra)
