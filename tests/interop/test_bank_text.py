"""The deck file an import writes reads back, through the app's own loader, as exactly the cards it was
made from, whatever the text holds; and the import's check refuses what that loader refuses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.bank import BankLoadFailed, load_bank_text
from quizapp.interop.bankfile import plan_import, yaml_scalar
from quizapp.interop.cards import Card

# any text a card may hold: no NUL or lone surrogates (the readers refuse them), no cloze braces
card_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00{}"), min_size=1,
                    max_size=40).map(str.strip).filter(bool)


@settings(max_examples=150, deadline=None)
@given(card_text, card_text, st.lists(card_text, min_size=1, max_size=3, unique=True))
def test_written_deck_reads_back_as_the_cards(prompt, answer, distractors):
    distractors = [d for d in distractors if d.casefold() != answer.casefold()] or ["Anders als alles"]
    cards = [Card("mcq", prompt, 2, answer=answer, distractors=tuple(distractors), tags=("t",),
                  explanation=prompt)]
    if "::" not in answer:
        cards.append(Card("cloze", f"{prompt} {{{{c1::{answer}}}}}", 3, accept=(prompt,)))
    plan = plan_import(cards, "probe", f"Titel: {prompt}", "de", "probe.txt")
    problems = plan.problems()
    (part,) = plan.parts
    text = part.bank_text("de", "probe.txt")
    try:
        bank = load_bank_text(text, "questions/probe.yaml")
    except BankLoadFailed as exc:
        assert problems, f"the loader refused what the import's check passed: {exc.errors}"
        return
    assert not problems
    mcq = bank.questions[0]
    assert (mcq.text, mcq.answer, mcq.distractors, mcq.explanation) == (prompt, answer, tuple(distractors), prompt)
    assert bank.deck.title == f"Titel: {prompt}"
    if len(cards) == 2:
        assert (bank.questions[1].text, bank.questions[1].accept) == (cards[1].text, (prompt,))


def test_plain_scalars_only_where_they_read_back_the_same():
    assert yaml_scalar("Straße") == "Straße"
    for tricky in ("yes", "Null", "- a", "a: b", "a #b", "@x", "17", " x", "x ", "'a'", "a\nb", "a\u2028b",
                   "Äpfel, Birnen; (Obst) – 100 %"):
        bank = f"deck:\n  id: x\n  title: {yaml_scalar(tricky)}\n  language: de\n  source:\n    path: s\nquestions: []\n"
        assert load_bank_text(bank).deck.title == tricky
