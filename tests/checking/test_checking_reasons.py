"""Every lenient decision says why, as structured reasons the feedback page translates."""

import pytest

from quizapp.checking import CheckResult, Reason, Verdict, Why, check_answer


@pytest.mark.parametrize(
    ("given", "expected", "language", "kind", "after", "reasons"),
    [
        ("in der Ukraine", "Ukraine", "de", "ort", "", [Reason(Why.IGNORED_WORDS, "in der")]),
        ("the Ukraine", "Ukraine", "en", "ort", "", [Reason(Why.IGNORED_WORDS, "the")]),
        ("17 km", "17", "de", "zahl", " Kilometer lang", [Reason(Why.UNIT, "km")]),
        ("17 kilometers", "17", "en", "zahl", " kilometres.", [Reason(Why.UNIT, "kilometers")]),
        ("40 Prozent", "40", "de", "zahl", " % der Granaten", [Reason(Why.UNIT, "Prozent")]),
        ("17 km", "17 Kilometer", "de", "zahl", "", [Reason(Why.UNIT, "km")]),
        ("fünfzehntausend", "15.000", "de", "zahl", "", [Reason(Why.SPELLED_NUMBER, "15.000")]),
        ("fifteen thousand", "15,000", "en", "zahl", "", [Reason(Why.SPELLED_NUMBER, "15,000")]),
        ("4.5", "4,5", "de", "zahl", "", [Reason(Why.DECIMAL_POINT, "4,5")]),
        ("4,5", "4.5", "en", "zahl", "", [Reason(Why.DECIMAL_COMMA, "4.5")]),
        ("Kim Jong-un", "Kim Jong Un", "de", "person", "", [Reason(Why.HYPHEN_SPACE)]),
        ("Wonsan Kalma", "Wonsan-Kalma", "en", "ort", "", [Reason(Why.HYPHEN_SPACE)]),
        ("Angriffskriegs", "Angriffskrieges", "de", "begriff", "",
         [Reason(Why.INFLECTION, "Angriffskrieges")]),
        ("missiles", "missile", "en", "begriff", "", [Reason(Why.INFLECTION, "missile")]),
        ("Putin", "Wladimir Putin", "de", "person", "", [Reason(Why.SURNAME, "Wladimir Putin")]),
        ("Zelensky", "Volodymyr Zelensky", "en", "person", "", [Reason(Why.SURNAME, "Volodymyr Zelensky")]),
        ("Kiew", "Kyjiw", "de", "ort", "", [Reason(Why.OTHER_NAME, "Kyjiw")]),
        ("Peking", "Beijing", "en", "ort", "", [Reason(Why.OTHER_NAME, "Beijing")]),
        ("Jänner", "Januar", "de", "datum", "", [Reason(Why.MONTH_SPELLING, "Januar")]),
        ("Februar", "Feber", "de", "datum", "", [Reason(Why.MONTH_SPELLING, "Feber")]),
        ("im Jänner", "Januar", "de", "datum", "",
         [Reason(Why.IGNORED_WORDS, "im"), Reason(Why.MONTH_SPELLING, "Januar")]),
        ("des Angriffskriegs", "Angriffskrieges", "de", "begriff", "",
         [Reason(Why.IGNORED_WORDS, "des"), Reason(Why.INFLECTION, "Angriffskrieges")]),
    ],
)
def test_right_with_its_reasons(given, expected, language, kind, after, reasons) -> None:
    result = check_answer(given, expected, language=language, kind=kind, after=after)
    assert result == CheckResult(Verdict.RIGHT, expected, "; ".join(map(str, reasons)), tuple(reasons))


def test_almost_after_an_ignored_article_names_both() -> None:
    result = check_answer("der Ukrane", "Ukraine")
    assert result.verdict is Verdict.ALMOST
    assert result.reasons == (Reason(Why.IGNORED_WORDS, "der"), Reason(Why.SPELLING, "Ukraine"))


@pytest.mark.parametrize(
    ("given", "expected", "kind", "after"),
    [
        ("17 Meilen", "17", "zahl", " Kilometer lang"),  # not the sentence's unit
        ("17 km", "17", "zahl", ""),  # no unit in the sentence to accept
        ("Putin", "Wladimir Putin", "begriff", ""),  # a surname counts only for a person
        ("Kim", "Kim Jong Un", "person", ""),  # the family name comes first: Kim alone is his sister too
        ("1.500", "1,5", "zahl", ""),  # German grouping: 1500, not 1.5 with a decimal point
        ("Krieger", "Krieg", "begriff", ""),  # another lemma, not a form of Krieg
        ("Minsk", "Kyjiw", "ort", ""),
        ("Vienna", "Wien", "person", ""),  # other names of places only where the fact may be a place
    ],
)
def test_another_fact_stays_wrong(given, expected, kind, after) -> None:
    assert check_answer(given, expected, kind=kind, after=after) == CheckResult(Verdict.WRONG)


def test_a_spelling_slip_listed_as_a_place_name_is_almost() -> None:
    """GeoNames lists "Munchen" for Munich; in a German class it is a forgotten umlaut."""
    assert check_answer("Munchen", "München", kind="ort").verdict is Verdict.ALMOST
