"""A small valid bank and its article, shared by the bank tests."""

ARTICLE = "date 2025-07 Der Fluss Tumen ist die Grenze. Die Grenze ist 17 Kilometer lang.\n"

BANK = """\
# A small deck: comments stay where they are.
deck:
  id: fluss
  title: Der Fluss
  language: de
  source:
    path: seeds/fluss.txt
questions:
  - id: fluss-name
    type: mcq
    text: Der Fluss ____ ist die Grenze.
    answer: Tumen
    distractors: [Amur, Jalu]
    source:
      sentence: Der Fluss Tumen ist die Grenze.
      start: 13
      end: 44
    status: approved
  - id: grenze-laenge   # the number
    type: cloze
    text: Die Grenze ist {{c1::17::Zahl}} Kilometer lang.
    source:
      sentence: Die Grenze ist 17 Kilometer lang.
    tags: [grenze]
    status: draft
"""
