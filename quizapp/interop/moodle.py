"""Moodle XML (docs.moodle.org/en/Moodle_XML_format): a `quiz` of multichoice and cloze questions.

A category question first names the deck; mcq items become `multichoice` (one right answer), cloze items
become `cloze` questions in Moodle's embedded-answers syntax, each gap `{1:SHORTANSWER:=answer~=other}`
with every accepted answer (escaped as Moodle's parser unescapes them, see EMBEDDED_ESCAPES). The article
sentence is the general feedback; tags and the kind of fact become
Moodle tags. HTML fields are CDATA sections; everything else is escaped XML text.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from quizapp.bank.cloze import cloze_gaps
from quizapp.interop.exporting import ExportedDeck, feedback_html, gap_answers, item_tags, text_html

# How an answer inside `{1:SHORTANSWER:...}` is written so that Moodle reads it back unchanged. Moodle's
# parser (question/type/multianswer/questiontype.php) ends an answer at an unescaped `~`, `#` or `}`, decodes
# HTML entities and then turns only `\}` and `\#` back: so `}` and `#` take a backslash, `~` and the
# backslash itself are entities, and `&` is `&#38;` (an answer may not end in `&amp;` there).
EMBEDDED_ESCAPES = {"&": "&#38;", "<": "&lt;", ">": "&gt;", "~": "&#126;", "\\": "&#92;", "}": "\\}", "#": "\\#",
                    "\n": " "}


def cdata(text: str) -> str:
    """A CDATA section holding `text`; a `]]>` inside is split over two sections.

    >>> cdata("a ]]> b")
    '<![CDATA[a ]]]]><![CDATA[> b]]>'
    """
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def embedded_answer(text: str) -> str:
    r"""An answer inside `{1:SHORTANSWER:...}`, written as Moodle's parser reads it back.

    >>> print(embedded_answer('50/50 {#1} "x" ~ & < \\'))
    50/50 {\#1\} "x" &#126; &#38; &lt; &#92;
    """
    return "".join(EMBEDDED_ESCAPES.get(char, char) for char in text)


def category_path(title: str) -> str:
    """The deck's category under the course's top category; a "/" in the title is written "//".

    >>> category_path("Krieg/Frieden")
    '$course$/top/Krieg//Frieden'
    """
    return "$course$/top/" + title.replace("/", "//")


def cloze_text_html(item) -> str:
    """The cloze text as HTML with each gap as an embedded short-answer sub-question."""
    parts, pos = [], 0
    for gap in cloze_gaps(item.text):
        parts.append(text_html(item.text[pos:gap.start]))
        answers = "~".join("=" + embedded_answer(a) for a in gap_answers(item, gap))
        parts.append("{1:SHORTANSWER:" + answers + "}")
        pos = gap.end
    parts.append(text_html(item.text[pos:]))
    return "<p>" + "".join(parts) + "</p>"


def _text(tag: str, value: str, html: bool = False) -> str:
    fmt = ' format="html"' if html else ""
    body = cdata(value) if html and value else escape(value)
    return f"<{tag}{fmt}><text>{body}</text></{tag}>"


def _tags(item) -> str:
    tags = item_tags(item)
    if not tags:
        return ""
    return "<tags>" + "".join(f"<tag><text>{escape(t)}</text></tag>" for t in tags) + "</tags>"


def question_xml(item) -> str:
    """One `<question>` element for an item."""
    question_html = cloze_text_html(item) if item.type == "cloze" else f"<p>{text_html(item.text)}</p>"
    head = (_text("name", item.id) + "\n    "
            + _text("questiontext", question_html, html=True) + "\n    "
            + _text("generalfeedback", feedback_html(item), html=True) + "\n    ")
    common = ("<penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n    "
              f"<idnumber>{escape(item.id[:100])}</idnumber>\n    ")
    if item.type == "cloze":
        return f'  <question type="cloze">\n    {head}{common}{_tags(item)}\n  </question>\n'
    options = [(100, item.answer), *((0, d) for d in item.distractors)]
    answers = "".join(
        f'\n    <answer fraction="{fraction}" format="html"><text>{cdata(text_html(text))}</text>'
        f'<feedback format="html"><text></text></feedback></answer>'
        for fraction, text in options)
    return (f'  <question type="multichoice">\n    {head}<defaultgrade>1.0000000</defaultgrade>\n    {common}'
            "<single>true</single>\n    <shuffleanswers>true</shuffleanswers>\n    "
            "<answernumbering>abc</answernumbering>\n    <showstandardinstruction>0</showstandardinstruction>\n    "
            + _text("correctfeedback", "", html=True) + "\n    "
            + _text("partiallycorrectfeedback", "", html=True) + "\n    "
            + _text("incorrectfeedback", "", html=True) + answers + f"\n    {_tags(item)}\n  </question>\n")


def moodle_xml(deck: ExportedDeck) -> bytes:
    """The deck as a Moodle XML file (UTF-8)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n',
           f"  <!-- quizapp deck {escape(deck.id).replace('--', '- -')} -->\n",
           '  <question type="category">\n    <category><text>'
           f"{escape(category_path(deck.title))}</text></category>\n"
           f'    <info format="html"><text></text></info>\n    <idnumber>{escape(deck.id)}</idnumber>\n'
           "  </question>\n"]
    out.extend(question_xml(item) for item in deck.items)
    out.append("</quiz>\n")
    return "".join(out).encode("utf-8")

