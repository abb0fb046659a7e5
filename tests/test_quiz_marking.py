"""Marking as a student sees it: lenient verdicts on German and English decks, each with its reason."""

import json
import re

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, QuizRun

# (id, kind, cloze text) per deck; the source sentence is the text with its gap filled in.
ITEMS = {
    "de": [
        ("de-kim", "person", "Nordkoreas Machthaber {{c1::Kim Jong Un::Person}} ließ sich bei Tests filmen."),
        ("de-kalma", "ort", "Die Touristenzone {{c1::Wonsan-Kalma::Ort}} wurde im Sommer eröffnet."),
        ("de-grenze", "zahl", "Die Grenze zu Russland ist nur {{c1::17::Zahl}} Kilometer lang."),
        ("de-granaten", "zahl", "Rund {{c1::40::Zahl}} Prozent der Granaten kamen aus Nordkorea."),
        ("de-krieg", "ort", "Russland führt seit 2022 Krieg in der {{c1::Ukraine::Ort}}."),
        ("de-raketen", "zahl", "Bei der Parade zeigte die Armee {{c1::24::Zahl}} Raketen."),
        ("de-soldaten", "zahl", "Nordkorea schickte rund {{c1::15.000::Zahl}} Soldaten nach Russland."),
        ("de-angriff", "begriff", "Nordkorea hilft Russland trotz des {{c1::Angriffskrieges::Begriff}}."),
        ("de-putin", "person", "{{c1::Wladimir Putin::Person}} besuchte im Juni Pjöngjang."),
        ("de-kyjiw", "ort", "Die Regierung in {{c1::Kyjiw::Ort}} protestierte."),
        ("de-sprengkopf", "zahl", "Die Rakete trug einen {{c1::4,5::Zahl}} Tonnen schweren Sprengkopf."),
        ("de-monat", "datum", "Der Vertrag wurde im {{c1::Jänner::Datum}} unterzeichnet."),
    ],
    "en": [
        ("en-kim", "person", "North Korea's leader {{c1::Kim Jong Un::Person}} was filmed at the tests."),
        ("en-border", "zahl", "The border with Russia is only {{c1::17::Number}} kilometres long."),
        ("en-war", "ort", "Russia has been at war in {{c1::Ukraine::Place}} since 2022."),
        ("en-missiles", "zahl", "The army showed {{c1::24::Number}} missiles at the parade."),
        ("en-putin", "person", "{{c1::Vladimir Putin::Person}} visited Pyongyang in June."),
        ("en-kyiv", "ort", "The government in {{c1::Kyiv::Place}} protested."),
        ("en-warhead", "zahl", "The missile carried a {{c1::4.5::Number}} tonne warhead."),
        ("en-sanctions", "begriff", "The {{c1::sanctions::Term}} did not stop the trade."),
    ],
}

# (item, typed, verdict, text on the feedback page) in the deck's language, which is the page's language here.
CASES = {
    "de": [
        ("de-kim", "Kim Jong-un", "right", "Bindestriche und Leerzeichen in Namen zählen nicht."),
        ("de-kalma", "Wonsan Kalma", "right", "Bindestriche und Leerzeichen in Namen zählen nicht."),
        ("de-grenze", "17 km", "right", "„km“ nach der Zahl zählt auch."),
        ("de-grenze", "17 Kilometer", "right", "„Kilometer“ nach der Zahl zählt auch."),
        ("de-grenze", "17 Meilen", "wrong", "Falsch"),
        ("de-granaten", "40 Prozent", "right", "„Prozent“ nach der Zahl zählt auch."),
        ("de-krieg", "der Ukraine", "right", "Wir haben „der“ ignoriert: Das gehört nicht in die Lücke."),
        ("de-raketen", "vierundzwanzig", "right", "Ausgeschrieben ist das 24."),
        ("de-soldaten", "fünfzehntausend", "right", "Ausgeschrieben ist das 15.000."),
        ("de-angriff", "Angriffskriegs", "right", "Eine andere Form von „Angriffskrieges“ zählt auch."),
        ("de-putin", "Putin", "right", "Der Nachname genügt: Wladimir Putin."),
        ("de-kyjiw", "Kiew", "right", "Ein anderer Name für „Kyjiw“ zählt auch."),
        ("de-sprengkopf", "4.5", "right", "Im Deutschen schreibt man Dezimalzahlen mit Komma: 4,5."),
        ("de-sprengkopf", "4,6", "wrong", "Falsch"),
        ("de-monat", "Januar", "right", "Eine andere Schreibweise des Monats zählt auch: Jänner."),
        ("de-monat", "Juni", "wrong", "Falsch"),
        ("de-putin", "Wladimir Puttin", "almost", "Fast: Man schreibt „Wladimir Putin“."),
        ("de-kim", "Kim", "wrong", "Falsch"),
    ],
    "en": [
        ("en-kim", "Kim Jong-un", "right", "Hyphens and spaces in names do not count."),
        ("en-border", "17 km", "right", "“km” after the number counts too."),
        ("en-border", "17 miles", "wrong", "Wrong"),
        ("en-war", "the Ukraine", "right", "We ignored “the”: the gap does not contain it."),
        ("en-missiles", "twenty-four", "right", "Written out, that is 24."),
        ("en-putin", "Putin", "right", "The surname is enough: Vladimir Putin."),
        ("en-kyiv", "Kiev", "right", "Another name for “Kyiv” counts too."),
        ("en-warhead", "4,5", "right", "In English, decimals are written with a point: 4.5."),
        ("en-sanctions", "sanction", "right", "Another form of “sanctions” counts too."),
        ("en-sanctions", "sanctons", "almost", "Almost: the spelling is “sanctions”."),
        ("en-sanctions", "tariffs", "wrong", "Wrong"),
    ],
}
HEADINGS = {
    "de": {"right": "Richtig!", "almost": "Fast: Tippfehler", "wrong": "Falsch"},
    "en": {"right": "Right!", "almost": "Almost: a typo", "wrong": "Wrong"},
}
VERDICT_RE = re.compile(r'<h2 class="verdict">\s*(.*?)\s*</h2>', re.S)


def bank(language: str) -> str:
    """A bank file of one deck in the language, in the format of docs/question-bank.md."""
    lines = ["deck:", f"  id: marking-{language}", f"  title: Marking {language}", f"  language: {language}",
             "  source:", "    path: seeds/marking.txt", "questions:"]
    for qid, kind, text in ITEMS[language]:
        sentence = re.sub(r"\{\{c1::(.*?)::.*?\}\}", r"\1", text)
        lines += [f"  - id: {qid}", "    type: cloze", f"    text: {json.dumps(text, ensure_ascii=False)}",
                  "    source:", f"      sentence: {json.dumps(sentence, ensure_ascii=False)}",
                  f"    kind: {kind}", "    status: approved"]
    return "\n".join(lines) + "\n"


@pytest.fixture
def questions_dir(questions_dir):
    for language in ITEMS:
        (questions_dir / f"marking-{language}.yaml").write_text(bank(language), encoding="utf-8")
    return questions_dir


def answer(app, client, forms, deck: str, qid: str, typed: str, language: str) -> str:
    """Start the deck, ask only this item, type the answer; the feedback page in the interface language."""
    response = forms.post(f"/decks/{deck}/start", page="/")
    run_url = response.headers["Location"]
    with app.app_context():
        run = db.session.scalars(select(QuizRun).order_by(QuizRun.id.desc())).first()
        run.question_ids = [qid]
        db.session.commit()
    client.get(run_url)
    response = forms.post(run_url + "/answer", {"question_id": qid, "gaps-0": typed}, page=run_url)
    assert response.status_code == 302
    page = client.get(response.headers["Location"], headers={"Accept-Language": language})
    return page.get_data(as_text=True)


@pytest.mark.parametrize("language", ["de", "en"])
def test_lenient_verdicts_and_their_reasons_on_the_feedback_page(app, client, forms, auth, language):
    auth.register("anna", "geheim123")
    wrong = []
    for qid, typed, verdict, text in CASES[language]:
        page = answer(app, client, forms, f"marking-{language}", qid, typed, language)
        heading = VERDICT_RE.search(page).group(1)
        if heading != HEADINGS[language][verdict] or text not in page:
            wrong.append(f"{qid} <- {typed!r}: heading {heading!r}, expected {verdict} and {text!r}")
    assert wrong == []
    with app.app_context():
        stored = [a.verdict for a in db.session.scalars(select(Attempt).order_by(Attempt.id))]
    assert stored == [verdict for _qid, _typed, verdict, _text in CASES[language]]


def test_german_deck_in_the_english_interface(app, client, forms, auth):
    """The deck's language decides the marking (decimal comma), the reader's the words on the page."""
    auth.register("anna", "geheim123")
    page = answer(app, client, forms, "marking-de", "de-sprengkopf", "4.5", "en")
    assert VERDICT_RE.search(page).group(1) == "Right!"
    assert "In German, decimals are written with a comma: 4,5." in page
    page = answer(app, client, forms, "marking-de", "de-grenze", "18", "en")
    assert VERDICT_RE.search(page).group(1) == "Wrong"
    assert "Not quite" not in page and "reason" not in page
