"""Fact keys: siblings (items asking the same fact) share one; written by the generator, checked by validate,
derived from source sentence and answer for banks that name none."""

from quizapp.bank import load_bank_text
from quizapp.bank.schema import derived_fact_key
from quizapp.bank.validate import validate_files

from .bank_sample import BANK

SIBLING = """\
  - id: fluss-name-cloze
    type: cloze
    text: Der Fluss {{c1::Tumen::Fluss}} ist die Grenze.
    source:
      sentence: Der Fluss Tumen ist die Grenze.
    status: approved
"""


def with_fact(bank: str, key: str) -> str:
    """The bank with `fact: key` on its cloze item (the one with tags)."""
    return bank.replace("    tags: [grenze]\n", f"    fact: {key}\n    tags: [grenze]\n")


def errors_for(project, text: str) -> list[str]:
    path = project / "questions" / "fluss.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(e) for e in validate_files([(path, "questions/fluss.yaml")], project).errors]


def test_a_bank_without_fact_keys_gets_derived_ones_that_pair_the_siblings():
    bank = load_bank_text(BANK + SIBLING)
    keys = {item.id: item.fact_key for item in bank.questions}
    tumen = derived_fact_key("Der Fluss Tumen ist die Grenze.", "Tumen")
    assert keys["fluss-name"] == keys["fluss-name-cloze"] == tumen
    assert keys["grenze-laenge"] != keys["fluss-name"]


def test_a_written_fact_key_is_used_and_does_not_change_the_content_hash():
    plain = load_bank_text(BANK).questions[1]
    keyed = load_bank_text(with_fact(BANK, "grenze-17km")).questions[1]
    assert keyed.fact_key == "grenze-17km" and keyed.content_hash() == plain.content_hash()


def test_validate_names_a_malformed_fact_key_at_its_line(project):
    errors = errors_for(project, with_fact(BANK, "die grenze"))
    assert errors == ["questions/fluss.yaml:24:11: question 'grenze-laenge': fact 'die grenze' must be at "
                      "most 64 letters, digits, '-', '_', '.' or ':'"]
    errors = errors_for(project, with_fact(BANK, "x" * 65))
    assert len(errors) == 1 and "must be at most 64" in errors[0]


def test_validate_refuses_one_fact_key_on_items_from_different_sentences(project):
    text = with_fact(BANK.replace("    status: approved\n", "    fact: grenze\n    status: approved\n", 1),
                     "grenze")
    assert errors_for(project, text) == [
        "questions/fluss.yaml:25:11: question 'grenze-laenge': fact 'grenze' is also the fact of question "
        "'fluss-name' (line 9), which comes from another source sentence"]
    assert errors_for(project, BANK + SIBLING.replace("    status", "    fact: fluss\n    status")) == []
