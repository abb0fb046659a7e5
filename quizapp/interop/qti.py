"""QTI 2.1 content package (IMS QTI v2.1, IMS Content Packaging v1.1) for ILIAS, OpenOLAT, itslearning.

A zip with `imsmanifest.xml`, one `items/<id>.xml` assessmentItem per question and `tests/<deck>.xml`, an
assessmentTest holding all items in file order (so the package imports as a test or as a question pool).
mcq items are a `choiceInteraction` with one right choice; cloze items are their text with a
`textEntryInteraction` per gap, scored by a case-insensitive mapping of every accepted answer. The article
sentence is modal feedback shown after answering.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

from quizapp.bank.cloze import cloze_gaps
from quizapp.interop.exporting import ExportedDeck, gap_answers

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
QTI_LOCATION = f"{QTI_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_LOCATION = f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
NCNAME_START = re.compile(r"^[A-Za-z_]")


def identifier(item_id: str) -> str:
    """A QTI identifier (an XML NCName) for a quizapp id: ids starting with a digit get "q-" in front.

    >>> identifier("nkru-grenze"), identifier("2025-wahl")
    ('nkru-grenze', 'q-2025-wahl')
    """
    return item_id if NCNAME_START.match(item_id) else f"q-{item_id}"


def xml_text(text: str | None) -> str:
    """Plain text as XHTML content: escaped, line breaks as `<br/>`."""
    return escape(text or "").replace("\n", "<br/>")


def _feedback(item) -> tuple[str, str]:
    """The FEEDBACK outcome's declaration and the modal feedback: explanation and article sentence."""
    parts = []
    if item.explanation:
        parts.append(f"<p>{xml_text(item.explanation)}</p>")
    sentence = " ".join(s for s in (item.source_context, item.source_sentence) if s)
    if sentence:
        parts.append(f"<blockquote><p>{xml_text(sentence)}</p></blockquote>")
    if not parts:
        return "", ""
    return ('  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>\n',
            '  <modalFeedback outcomeIdentifier="FEEDBACK" showHide="show" identifier="SOURCE">'
            + "".join(parts) + "</modalFeedback>\n")


SET_FEEDBACK = ('    <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">SOURCE</baseValue>'
                "</setOutcomeValue>\n")


def _score(value: str) -> str:
    return f'<setOutcomeValue identifier="SCORE"><baseValue baseType="float">{value}</baseValue></setOutcomeValue>'


def item_xml(item, language: str) -> str:
    """One assessmentItem document."""
    feedback_decl, feedback = _feedback(item)
    set_feedback = SET_FEEDBACK if feedback else ""
    declarations, body, processing = [], "", ""
    if item.type == "mcq":
        options = [item.answer, *item.distractors]
        declarations.append('  <responseDeclaration identifier="RESPONSE" cardinality="single" '
                            'baseType="identifier"><correctResponse><value>C1</value></correctResponse>'
                            "</responseDeclaration>\n")
        choices = "".join(f'<simpleChoice identifier="C{i}">{xml_text(o)}</simpleChoice>'
                          for i, o in enumerate(options, 1))
        body = (f'<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">'
                f"<prompt>{xml_text(item.text)}</prompt>{choices}</choiceInteraction>")
        processing = ("    <responseCondition><responseIf><match><variable identifier=\"RESPONSE\"/>"
                      f"<correct identifier=\"RESPONSE\"/></match>{_score('1')}</responseIf>"
                      f"<responseElse>{_score('0')}</responseElse></responseCondition>\n")
    else:
        parts, pos, mapped = [], 0, []
        for number, gap in enumerate(cloze_gaps(item.text), 1):
            response = f"RESPONSE_{number}"
            answers = gap_answers(item, gap)
            entries = "".join(f'<mapEntry mapKey={quoteattr(a)} mappedValue="1" caseSensitive="false"/>'
                              for a in dict.fromkeys(answers))
            declarations.append(f'  <responseDeclaration identifier="{response}" cardinality="single" '
                                f'baseType="string"><correctResponse><value>{escape(gap.answer)}</value>'
                                f'</correctResponse><mapping defaultValue="0">{entries}</mapping>'
                                "</responseDeclaration>\n")
            parts.append(xml_text(item.text[pos:gap.start]))
            parts.append(f'<textEntryInteraction responseIdentifier="{response}" '
                         f'expectedLength="{max(5, len(gap.answer) + 2)}"/>')
            pos = gap.end
            mapped.append(f'<mapResponse identifier="{response}"/>')
        parts.append(xml_text(item.text[pos:]))
        body = "<p>" + "".join(parts) + "</p>"
        processing = (f'    <setOutcomeValue identifier="SCORE"><sum>{"".join(mapped)}</sum></setOutcomeValue>\n')
    return (HEAD + f'<assessmentItem xmlns="{QTI_NS}" {XSI} xsi:schemaLocation="{QTI_LOCATION}" '
            f'identifier="{identifier(item.id)}" title={quoteattr(item.id)} adaptive="false" '
            f'timeDependent="false" xml:lang="{language}">\n'
            + "".join(declarations)
            + '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">'
              "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>\n"
            + feedback_decl
            + f"  <itemBody>{body}</itemBody>\n"
            + f"  <responseProcessing>\n{processing}{set_feedback}  </responseProcessing>\n"
            + feedback + "</assessmentItem>\n")


def test_xml(deck: ExportedDeck, refs: list[tuple[str, str]]) -> str:
    """The assessmentTest: one part, one section, every item in order."""
    items = "".join(f'\n      <assessmentItemRef identifier="{ident}" href="../{href}"/>' for ident, href in refs)
    return (HEAD + f'<assessmentTest xmlns="{QTI_NS}" {XSI} xsi:schemaLocation="{QTI_LOCATION}" '
            f'identifier="{identifier(deck.id)}" title={quoteattr(deck.title)}>\n'
            '  <testPart identifier="part-1" navigationMode="nonlinear" submissionMode="individual">\n'
            f'    <assessmentSection identifier="section-1" title={quoteattr(deck.title)} visible="true">'
            f"{items}\n    </assessmentSection>\n  </testPart>\n</assessmentTest>\n")


def manifest_xml(deck: ExportedDeck, refs: list[tuple[str, str]], test_href: str) -> str:
    """imsmanifest.xml: the test resource depends on every item resource."""
    resources = [f'    <resource identifier="test-{identifier(deck.id)}" type="imsqti_test_xmlv2p1" '
                 f'href="{test_href}">\n      <file href="{test_href}"/>\n'
                 + "".join(f'      <dependency identifierref="res-{ident}"/>\n' for ident, _ in refs)
                 + "    </resource>\n"]
    resources.extend(f'    <resource identifier="res-{ident}" type="imsqti_item_xmlv2p1" href="{href}">\n'
                     f'      <file href="{href}"/>\n    </resource>\n' for ident, href in refs)
    return (HEAD + f'<manifest xmlns="{CP_NS}" {XSI} xsi:schemaLocation="{CP_LOCATION}" '
            f'identifier="manifest-{identifier(deck.id)}">\n'
            "  <metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>\n"
            "  <organizations/>\n  <resources>\n" + "".join(resources) + "  </resources>\n</manifest>\n")


def qti_package(deck: ExportedDeck) -> bytes:
    """The deck as a QTI 2.1 content package (zip bytes)."""
    refs = [(identifier(item.id), f"items/{identifier(item.id)}.xml") for item in deck.items]
    test_href = f"tests/{identifier(deck.id)}.xml"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("imsmanifest.xml", manifest_xml(deck, refs, test_href))
        package.writestr(test_href, test_xml(deck, refs))
        for item, (_, href) in zip(deck.items, refs):
            package.writestr(href, item_xml(item, deck.language))
    return buffer.getvalue()
