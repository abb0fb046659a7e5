"""Arbitrary input never crashes the bank loader, the answer marking or the generator."""

from __future__ import annotations

import copy
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from quizapp.bank import BankLoadFailed, cloze_gaps, load_bank_text, render_cloze
from quizapp.checking import CheckResult, check_answer

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VALID = {
    "deck": {"id": "fluss", "title": "Der Fluss", "language": "de", "source": {"path": "seeds/fluss.txt"}},
    "questions": [
        {"id": "fluss-name", "type": "mcq", "text": "Der Fluss ____ ist die Grenze.", "answer": "Tumen",
         "distractors": ["Amur", "Jalu"], "source": {"sentence": "Der Fluss Tumen ist die Grenze."},
         "status": "approved"},
        {"id": "grenze", "type": "cloze", "text": "Die Grenze ist {{c1::17::Zahl}} Kilometer lang.",
         "accept": ["siebzehn"], "source": {"sentence": "Die Grenze ist 17 Kilometer lang.", "start": 3},
         "status": "draft"},
    ],
}
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=10), inner, max_size=3), max_leaves=8)


def dump(data) -> str:
    stream = io.StringIO()
    YAML().dump(data, stream)
    return stream.getvalue()


def paths(data, prefix=()):
    """Every place in the nested bank where a value sits."""
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    for key, value in items:
        yield (*prefix, key)
        yield from paths(value, (*prefix, key))


PATHS = list(paths(VALID))


def load_or_refuse(text: str) -> None:
    """The documented outcome: a Bank, or BankLoadFailed listing errors with a line number."""
    try:
        load_bank_text(text, "fuzz.yaml")
    except BankLoadFailed as failure:
        assert failure.errors, "BankLoadFailed without any error"
        for error in failure.errors:
            assert error.file == "fuzz.yaml" and error.line >= 1 and error.message


def test_the_unchanged_bank_loads():
    bank = load_bank_text(dump(VALID), "fuzz.yaml")
    assert [q.id for q in bank.questions] == ["fluss-name", "grenze"]


@FUZZ
@given(st.text(max_size=400))
def test_any_text_loads_or_is_refused_with_errors(text):
    load_or_refuse(text)


@FUZZ
@given(st.sampled_from(["", "deck:\n", "questions:\n", "deck: {id: x}\nquestions:\n  - "]), st.text(max_size=200))
def test_bank_like_text_loads_or_is_refused(head, tail):
    load_or_refuse(head + tail)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(PATHS), values), min_size=1, max_size=3))
def test_a_bank_with_wrong_values_loads_or_is_refused(changes):
    data = copy.deepcopy(VALID)
    for path, value in changes:
        target = data
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change replaced the container
    load_or_refuse(dump(data))


@FUZZ
@given(st.text(max_size=80), st.text(max_size=80), st.lists(st.text(max_size=20), max_size=3),
       st.sampled_from(["de", "en"]))  # what the loader admits; others raise ValueError
def test_check_answer_never_raises(given_, expected, accept, language):
    assert isinstance(check_answer(given_, expected, accept, language=language), CheckResult)


@FUZZ
@given(st.text(max_size=200))
def test_cloze_helpers_never_raise_on_any_text(text):
    gaps = cloze_gaps(text)
    render_cloze(text, lambda gap: "[]") if gaps else None


@FUZZ
@given(st.lists(st.text(max_size=60), max_size=4), st.sampled_from(["mcq", "cloze"]), st.text(max_size=40))
def test_marking_an_item_never_raises(typed, kind, choice):
    from quizapp.models import Question
    from quizapp.operations.quiz import mark_answer

    item = Question(id="q", type=kind, answer="Tumen", distractors=["Amur"], accept=["17"],
                    accept_by_gap={"c2": ["neunzehn"]},
                    text="Der {{c1::Tumen::Fluss}} ist {{c2::19}} km lang." if kind == "cloze" else "Der ____.")
    marking = mark_answer(item, "de", choice=choice, gap_answers=typed)
    assert marking.verdict is not None


german_words = st.sampled_from("Der Fluss Tumen ist 17 Kilometer lang und fließt seit 1860 ins Japanische Meer . "
                               "Kim Jong Un besuchte am 3. Mai 2024 Moskau , sagte Putin . 4,5 Mio. Euro".split())
articles = st.text(max_size=300) | st.lists(german_words | st.text(max_size=8), max_size=80).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_generator_makes_a_loadable_deck_or_says_why(text):
    """Any text gives a deck in the bank format, or GenerationError with a message (never a crash)."""
    from quizapp.generation import GenerationError
    from quizapp.generation.pipeline import generate_deck_from_text

    try:
        deck = generate_deck_from_text(text, "artikel.txt")
    except GenerationError as error:
        assert str(error)
        return
    if deck.get("questions"):
        load_bank_text(dump(deck), "generated.yaml")  # what the generator writes, the loader accepts
