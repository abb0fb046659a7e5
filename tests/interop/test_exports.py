"""Moodle XML, GIFT and QTI 2.1 exports, each read back by a real or strict parser: same questions, same
answers, same accepted answers, whatever characters the items hold."""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

import pytest

from quizapp.bank.cloze import cloze_gaps
from quizapp.interop.exporting import gap_answers
from quizapp.interop.gift import BLANK, gift_text
from quizapp.interop.moodle import moodle_xml
from quizapp.interop.qti import identifier, qti_package
from tests.interop.support import GiftSyntaxError, embedded_subquestions, parse_gift, sample_deck

etree = pytest.importorskip("lxml.etree", reason="the test extra installs lxml")

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "qti21"


def text_of(element) -> str:
    return "".join(element.itertext())


def plain(html_text: str) -> str:
    """HTML of an exported field back to the text it was made from."""
    return html.unescape(html_text.replace("<br>", "\n").replace("<p>", "").replace("</p>", ""))


def test_moodle_xml_reads_back_to_the_same_questions_and_accepted_answers():
    deck = sample_deck()
    root = etree.fromstring(moodle_xml(deck), etree.XMLParser(resolve_entities=False, strip_cdata=False))
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert text_of(category.find("category/text")) == "$course$/top/Grenzen & Flüsse // <Test>"
    assert [q.findtext("name/text") for q in questions] == [i.id for i in deck.items]  # drafts, retired: out
    for item, question in zip(deck.items, questions):
        assert question.find("questiontext").get("format") == "html"
        body = question.findtext("questiontext/text")
        feedback = question.findtext("generalfeedback/text")
        assert html.unescape(item.source_sentence) in html.unescape(feedback)  # the article sentence
        if item.type == "mcq":
            assert question.get("type") == "multichoice"
            assert question.findtext("single") == "true"
            answers = [(a.get("fraction"), plain(a.findtext("text"))) for a in question.findall("answer")]
            assert answers == [("100", item.answer), *(("0", d) for d in item.distractors)]
            assert plain(body) == item.text
        else:
            assert question.get("type") == "cloze"
            expected = [gap_answers(item, gap) for gap in cloze_gaps(item.text)]
            assert embedded_subquestions(body) == expected
        tags = [t.findtext("text") for t in question.findall("tags/tag")]
        assert tags == [*item.tags, *([f"kind::{item.kind}"] if item.kind else [])]


def test_moodle_xml_escapes_what_would_break_the_xml():
    deck = sample_deck()
    data = moodle_xml(deck).decode("utf-8")
    assert "Laut Artikel: 17 km ]]&gt; mehr." in data  # HTML-escaped: "]]>" never ends the CDATA early
    assert "<category><text>$course$/top/Grenzen &amp; Flüsse // &lt;Test&gt;</text>" in data
    assert '{1:SHORTANSWER:="50/50" &#126; {ja\\} \\#1 = a&#92;b~=50 zu 50: ja}' in data


def test_gift_reads_back_strictly_to_the_same_questions():
    deck = sample_deck()
    export = gift_text(deck)
    questions = parse_gift(export.text)
    assert export.skipped == ("s-zwei-luecken",)  # GIFT holds one answer block per question
    kept = [i for i in deck.items if i.id not in export.skipped]
    assert [q["title"] for q in questions] == [i.id for i in kept]
    assert {q["category"] for q in questions} == {"$course$/top/Grenzen & Flüsse // <Test>"}
    for item, question in zip(kept, questions):
        assert question["format"] == "html"
        assert item.source_sentence in html.unescape(question["feedback"])
        if item.type == "mcq":
            assert html.unescape(question["text"]) == item.text
            assert [(m, html.unescape(t)) for m, t in question["answers"]] == [
                ("=", item.answer), *(("~", d) for d in item.distractors)]
        else:
            (gap,) = cloze_gaps(item.text)
            assert html.unescape(question["text"]) == item.text[:gap.start] + BLANK + item.text[gap.end:]
            assert question["answers"] == [("=", a) for a in gap_answers(item, gap)]  # short answer


def test_the_strict_gift_reader_refuses_unescaped_syntax():
    with pytest.raises(GiftSyntaxError):
        parse_gift("::a::Was ist 1 = 1? {=ja ~nein}")
    with pytest.raises(GiftSyntaxError):
        parse_gift("::a::Frage {=ja ~ne{in}")
    assert parse_gift("::a::Was ist 1 \\= 1? {=ja ~nein}")[0]["text"] == "Was ist 1 = 1?"


@pytest.fixture(scope="module")
def qti_schemas():
    return (etree.XMLSchema(etree.parse(str(SCHEMAS / "qtiv2p1" / "imsqti_v2p1.xsd"))),
            etree.XMLSchema(etree.parse(str(SCHEMAS / "imscp_v1p1.xsd"))))


def test_qti_package_is_valid_against_the_ims_schemas(qti_schemas):
    qti, cp = qti_schemas
    package = zipfile.ZipFile(io.BytesIO(qti_package(sample_deck(include_drafts=True))))
    manifest = etree.fromstring(package.read("imsmanifest.xml"))
    assert cp.validate(manifest), cp.error_log
    hrefs = {f.get("href") for f in manifest.iter("{http://www.imsglobal.org/xsd/imscp_v1p1}file")}
    assert hrefs == set(package.namelist()) - {"imsmanifest.xml"}
    for name in sorted(hrefs):
        document = etree.fromstring(package.read(name))
        assert qti.validate(document), f"{name}: {qti.error_log}"
    assert "items/q-2025-entwurf.xml" in hrefs  # an id starting with a digit is made a valid identifier


def test_the_schema_check_would_catch_a_broken_item(qti_schemas):
    qti, _ = qti_schemas
    package = zipfile.ZipFile(io.BytesIO(qti_package(sample_deck())))
    broken = package.read("items/s-mcq.xml").replace(b'maxChoices="1"', b'maxChoices="eins"')
    assert not qti.validate(etree.fromstring(broken))


def test_qti_items_read_back_to_the_same_answers():
    ns = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
    deck = sample_deck()
    package = zipfile.ZipFile(io.BytesIO(qti_package(deck)))
    for item in deck.items:
        root = etree.fromstring(package.read(f"items/{identifier(item.id)}.xml"))
        assert root.get("title") == item.id
        if item.type == "mcq":
            choices = {c.get("identifier"): text_of(c) for c in root.iterfind(".//q:simpleChoice", ns)}
            right = root.findtext(".//q:correctResponse/q:value", namespaces=ns)
            assert choices.pop(right) == item.answer
            assert sorted(choices.values()) == sorted(item.distractors)
            assert text_of(root.find(".//q:prompt", ns)) == item.text
        else:
            declarations = root.findall("q:responseDeclaration", ns)
            mapped = [[e.get("mapKey") for e in d.iterfind(".//q:mapEntry", ns)] for d in declarations]
            assert mapped == [gap_answers(item, gap) for gap in cloze_gaps(item.text)]
            assert len(root.findall(".//q:textEntryInteraction", ns)) == len(cloze_gaps(item.text))
        assert item.source_sentence in text_of(root.find("q:modalFeedback", ns))
