"""A deck full of characters the formats treat as syntax, and strict readers of what the exporters wrote."""

from __future__ import annotations

import html
import re

from quizapp.bank import load_bank_text
from quizapp.interop.exporting import ExportedDeck

BANK = r"""
deck:
  id: sonderzeichen
  title: "Grenzen & Flüsse / <Test>"
  language: de
  source:
    path: seeds/x.txt
questions:
  - id: s-fluss
    type: cloze
    text: Die Brücke spannt sich über den Grenzfluss {{c1::Tumen::Fluss}}.
    accept: [Tumen-Fluss, Tjumen, "Tumen &", "~Tumen\\"]
    source:
      sentence: Die Brücke spannt sich über den Grenzfluss Tumen.
    kind: ort
    tags: [geografie, class::fluss]
    status: approved
  - id: s-zwei-luecken
    type: cloze
    text: "Die Grenze ist {{c1::17}} km lang & seit {{c2::1860}} <bekannt>."
    accept: {c1: [siebzehn], c2: ["achtzehnhundertsechzig"]}
    explanation: "Laut Artikel: 17 km ]]> mehr."
    source:
      sentence: Die Grenze ist 17 km lang und seit 1860 bekannt.
    kind: zahl
    status: approved
  - id: s-syntax
    type: cloze
    text: 'Sie sagte: {{c1::"50/50" ~ {ja} #1 = a\b}} – wörtlich.'
    accept: ['50 zu 50: ja']
    source:
      sentence: 'Sie sagte: "50/50" ~ {ja} #1 = a\b – wörtlich.'
      context: 'Davor: ein Satz mit & und <b>.'
    status: approved
  - id: s-mcq
    type: mcq
    text: "Welcher Fluss {bildet} die Grenze? <Hinweis> ____ & mehr: ~=#"
    answer: "Tumen & Co"
    distractors: [Amur, "<b>Jalu</b>", "Ussuri: ~{x}=#y\\z"]
    explanation: Der Tumen ist 521 km lang.
    source:
      sentence: Der Tumen trennt beide Länder.
      context: Vorher ging es um Züge.
    kind: ort
    tags: [geografie]
    status: approved
  - id: 2025-entwurf
    type: mcq
    text: Ein Entwurf ____.
    answer: ja
    distractors: [nein]
    source:
      sentence: Ein Entwurf ja.
    status: draft
  - id: s-alt
    type: cloze
    text: Zurückgezogen {{c1::alt}}.
    source:
      sentence: Zurückgezogen alt.
    status: retired
"""


def sample_bank():
    return load_bank_text(BANK, "questions/sonderzeichen.yaml")


def sample_deck(include_drafts: bool = False) -> ExportedDeck:
    from quizapp.interop.exporting import exported_items

    bank = sample_bank()
    return ExportedDeck(bank.deck.id, bank.deck.title, bank.deck.language,
                        exported_items(bank.questions, include_drafts))


# ---- GIFT, read strictly as docs.moodle.org/en/GIFT_format describes it ------------------------------

GIFT_ESCAPES = {"~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "\\": "\\", "n": "\n"}


class GiftSyntaxError(ValueError):
    pass


def _unescape_gift(text: str, where: str) -> str:
    """Text with GIFT's backslash escapes resolved; an unescaped special character is an error."""
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            if i + 1 >= len(text) or text[i + 1] not in GIFT_ESCAPES:
                raise GiftSyntaxError(f"{where}: unknown escape {text[i:i + 2]!r}")
            out.append(GIFT_ESCAPES[text[i + 1]])
            i += 2
            continue
        if char in "~=#{}":
            raise GiftSyntaxError(f"{where}: unescaped {char!r} in {text!r}")
        out.append(char)
        i += 1
    return "".join(out)


def _split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """(mark, text) pieces of an answer block, split at unescaped `=`, `~` and `####`."""
    pieces, mark, start, i = [], None, 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith("####", i) or text[i] in marks:
            if mark is not None:
                pieces.append((mark, text[start:i]))
            elif text[start:i].strip():
                raise GiftSyntaxError(f"text before the first answer: {text[start:i]!r}")
            mark = "####" if text.startswith("####", i) else text[i]
            i += 4 if mark == "####" else 1
            start = i
            continue
        if text[i] == "#":
            raise GiftSyntaxError(f"per-answer feedback or stray '#' in {text!r}")
        i += 1
    if mark is not None:
        pieces.append((mark, text[start:i]))
    return pieces


def parse_gift(text: str) -> list[dict]:
    """Questions of a GIFT file: {title, format, text, answers: [(mark, text)], feedback}; strict."""
    questions, category = [], None
    blocks = re.split(r"\n\s*\n", text.strip())
    for block in blocks:
        lines = [line for line in block.split("\n") if not line.lstrip().startswith("//")]
        body = "\n".join(lines).strip()
        if not body:
            continue
        if body.startswith("$CATEGORY:"):
            category = body[len("$CATEGORY:"):].strip()
            continue
        match = re.fullmatch(r"::((?:\\.|[^:\\])*)::(\[(html|plain|markdown|moodle)\])?(.*)", body, re.DOTALL)
        if not match:
            raise GiftSyntaxError(f"question without a title: {body[:60]!r}")
        title = _unescape_gift(match.group(1), "title")
        rest = match.group(4)
        opens = [m.start() for m in re.finditer(r"(?<!\\)\{", rest)]
        closes = [m.start() for m in re.finditer(r"(?<!\\)\}", rest)]
        if len(opens) != 1 or len(closes) != 1 or closes[0] < opens[0]:
            raise GiftSyntaxError(f"{title}: needs exactly one answer block {{...}}")
        stem = rest[:opens[0]].strip() + rest[closes[0] + 1:].rstrip()
        pieces = _split_unescaped(rest[opens[0] + 1:closes[0]].strip(), "=~")
        answers = [(m, _unescape_gift(t.strip(), title)) for m, t in pieces if m != "####"]
        feedback = [_unescape_gift(t.strip(), title) for m, t in pieces if m == "####"]
        questions.append({"title": title, "format": match.group(3), "category": category,
                          "text": _unescape_gift(stem, title), "answers": answers,
                          "feedback": feedback[0] if feedback else None})
    return questions


# ---- Moodle's embedded answers, read as Moodle reads them ------------------------------------------
# question/type/multianswer/questiontype.php: ANSWER_ALTERNATIVE_* and ANSWER_REGEX, and the unescaping of
# qtype_multianswer_extract_question (html_entity_decode, then only "\}" and "\#"). PHP's variable-width
# look-behind (?<!\\|&|&amp;) is written as three fixed-width ones.

FRACTION = r"=|%(-?[0-9]+(?:[.,][0-9]*)?)%"
ANSWER = r".+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$)"
FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"
ALTERNATIVE = f"({FRACTION})?({ANSWER})(#({FEEDBACK}))?"
EMBEDDED_RE = re.compile(r"\{([0-9]*):((SHORTANSWER|SA|MW)|(SHORTANSWER_C|SAC|MWC)):"
                         f"({ALTERNATIVE}(~{ALTERNATIVE})*)\\}}", re.DOTALL)


def embedded_subquestions(question_html: str) -> list[list[str]]:
    """The answers graded 100 % of each embedded short-answer sub-question, as Moodle would store them."""
    found = []
    text = question_html
    while match := EMBEDDED_RE.search(text):
        remaining, answers = match.group(5), []
        while alt := re.search("~?" + ALTERNATIVE, remaining, re.DOTALL):
            answer = html.unescape(alt.group(3)).replace("\\}", "}").replace("\\#", "#")
            assert alt.group(1) == "=", f"answer {answer!r} is not graded 100 %"
            answers.append(answer)
            remaining = remaining.split(alt.group(0), 1)[1]
        found.append(answers)
        text = text[:match.start()] + text[match.end():]
    assert not re.search(r"\{[0-9]*:", text), f"an embedded answer Moodle would not read: {text!r}"
    return found
