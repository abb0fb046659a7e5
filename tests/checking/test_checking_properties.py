"""Properties that hold for any text a learner may type."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.checking import CheckResult, Verdict, check_answer, normalise

numbers = st.from_regex(r"[-+]?[0-9., \u00a0\u202f]{0,20}( (Mio|Millionen|Mrd)\.?)?", fullmatch=True)
answers = st.text() | numbers
languages = st.sampled_from(["de", "de-AT", "de_CH", "en", "fr"])


kinds = st.sampled_from([None, "person", "ort", "zahl", "begriff"])


@settings(max_examples=300, deadline=None)
@given(answers, answers, st.lists(answers, max_size=3), languages, kinds, answers)
def test_check_answer_never_raises(given_: str, expected: str, accept: list[str], language: str,
                                   kind: str | None, after: str) -> None:
    result = check_answer(given_, expected, accept, language, kind=kind, after=after)
    assert isinstance(result, CheckResult)
    assert (result.matched is None) == (result.verdict is Verdict.WRONG)
    assert (result.verdict is Verdict.WRONG) <= (not result.reasons)  # a wrong answer needs no excuse


@settings(max_examples=300, deadline=None)
@given(answers, languages)
def test_an_answer_matches_itself(text: str, language: str) -> None:
    expected = Verdict.RIGHT if normalise(text, language) else Verdict.WRONG
    assert check_answer(text, text, language=language).verdict is expected


@settings(max_examples=300, deadline=None)
@given(answers, answers, languages)
def test_equal_after_normalisation_means_right(one: str, other: str, language: str) -> None:
    normalised = normalise(one, language)
    assert normalised == " ".join(normalised.split())
    if normalised and normalised == normalise(other, language):
        assert check_answer(one, other, language=language).verdict is Verdict.RIGHT
