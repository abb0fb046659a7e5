"""English articles: detected, tagged with HanTa's English model, numbers and dates in English form."""

from __future__ import annotations

from quizapp.generation.checks import answer_of, problems
from quizapp.generation.pipeline import generate_deck_from_text

ARTICLE = (
    "date 2025-07 North Korea and Russia share a border of just 17 kilometres. In June 2024, Russian "
    "President Vladimir Putin visited North Korea for the first time in 24 years. About 3,000 people could "
    "cross the Tumen River every day. With 1.2 million soldiers, North Korea has one of the largest armies "
    "in the world. Foreign Minister Sergei Lavrov visited the Wonsan Kalma resort in July 2025."
)


def test_english_deck():
    deck = generate_deck_from_text(ARTICLE, "2025-07-north-korea.txt")
    assert deck["deck"]["language"] == "en"
    items = {(item["type"], answer_of(item)): item for item in deck["questions"]}
    assert items[("cloze", "17")]["text"].endswith("just {{c1::17::Number}} kilometres.")
    assert items[("cloze", "Vladimir Putin")]["kind"] == "person"
    assert items[("cloze", "Tumen")]["kind"] == "ort"
    assert all(d.endswith(" million") and "." in d for d in items[("mcq", "1.2 million")]["distractors"])
    assert all("," in d for d in items[("mcq", "3,000")]["distractors"])
    # A sentence gives at most three items (issue 13), so these two facts get a sentence each here.
    single = generate_deck_from_text(
        "date 2025-07 The two leaders met again in June 2024 after a long break in the capital. "
        "Many people could cross the Tumen River every day on the new bridge.",
        "2025-07-north-korea.txt",
    )
    items = {(item["type"], answer_of(item)): item for item in single["questions"]}
    assert all(d.endswith(" 2024") for d in items[("mcq", "June 2024")]["distractors"])
    assert set(items[("mcq", "Tumen")]["distractors"]) <= {
        "Amur",
        "Yalu",
        "Ussuri",
        "Songhua",
        "Taedong",
        "Liao",
        "Yangtze",
    }
    for item in deck["questions"]:
        assert problems(item, ARTICLE) == [], item


def test_english_rare_nouns_become_cloze_items_only():
    text = ("date 2025-07 North Korea tested a new intercontinental missile with a heavy warhead last "
            "autumn. "
            "The ceasefire negotiations stalled in Geneva after three weeks of talks with a mediator. "
            "Experts doubt that the warhead works and call the ceasefire fragile.")
    deck = generate_deck_from_text(text, "2025-07-missile.txt")
    terms = [item for item in deck["questions"] if item["kind"] == "begriff"]
    assert {answer_of(item) for item in terms} == {"warhead", "ceasefire"}
    # rare ones the article comes back to only: not "missile", "negotiations", "talks", nor "mediator" (once)
    assert all(item["type"] == "cloze" for item in terms)  # no gender or forms to pick fair options by
    for item in deck["questions"]:
        assert problems(item, text) == [], item
