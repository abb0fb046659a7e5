"""Quizlet's export: one card per row, term and definition separated as the teacher chose in Quizlet.

Quizlet offers tab or comma between term and definition and a new line or a semicolon between rows (or a
custom text for either), and writes no quotes: a card is split at the first separator, so a comma inside a
term needs the tab setting. Each card becomes a cloze item asking the definition after the term.
"""

from __future__ import annotations

from quizapp.interop.cards import Card, CardReader

TERM_SEPARATORS = {"tab": "\t", "comma": ","}
ROW_SEPARATORS = {"newline": "\n", "semicolon": ";"}


def guess_separators(text: str) -> tuple[str, str]:
    """(term separator, row separator) as Quizlet most likely wrote them.

    >>> guess_separators("Haus\\thouse\\nBaum\\ttree\\n"), guess_separators("Haus,house;Baum,tree")
    (('\\t', '\\n'), (',', ';'))
    """
    term = "\t" if "\t" in text else ","
    lines = [line for line in text.split("\n") if line.strip()]
    pieces = [piece for piece in text.split(";") if piece.strip()]
    by_semicolon = len(pieces) > 1 and all(term in piece for piece in pieces)
    if by_semicolon and (len(lines) == 1 or not all(term in line for line in lines)):
        return term, ";"
    return term, "\n"


def read_quizlet(text: str, file: str, term_separator: str | None = None,
                 row_separator: str | None = None) -> tuple[list[Card], list[str]]:
    """The cards of a Quizlet export (ImportFailed listing every bad row), and notices for the teacher."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    guessed_term, guessed_row = guess_separators(text)
    term_sep = TERM_SEPARATORS.get(term_separator, term_separator) or guessed_term
    row_sep = ROW_SEPARATORS.get(row_separator, row_separator) or guessed_row
    reader = CardReader(file)
    line = 1
    for row in text.split(row_sep):
        leading = len(row) - len(row.lstrip())
        row_line = line + row[:leading].count("\n")
        line += row.count("\n") + (1 if row_sep == "\n" else 0)
        if not row.strip():
            continue
        term, sep, definition = row.partition(term_sep)
        if not sep:
            name = {"\t": "tab", ",": "comma"}.get(term_sep, f"'{term_sep}'")
            reader.problem(row_line, "", f"no {name} between term and definition")
            continue
        term = reader.plain(term, row_line, "term")
        definition = reader.plain(definition, row_line, "definition")
        if term and definition:
            reader.add_basic(row_line, term, definition, answer_field="definition")
    return reader.finish(), reader.notices
