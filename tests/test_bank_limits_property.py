"""Property: bank files within and beyond every limit: validate and the load agree, the site stays up."""

from __future__ import annotations

import json
import re
from itertools import count

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quizapp.bank import load_bank_file
from quizapp.bank import limits
from quizapp.bank.validate import bank_files, validate_files, validate_text
from quizapp.extensions import db
from quizapp.operations.bank_errors import sync_and_record

from .conftest import FROZEN_BANKS, PROJECT_ROOT

FIRST = "nordkorea-russland.yaml"
SECOND = "zweites.yaml"
ARTICLE = "2025-07-nordkorea-russland.txt"
ITEMS = load_bank_file(FROZEN_BANKS / FIRST).questions  # sentences and offsets that are right
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)  # printable, UTF-8 can hold it
NUMBER = count()


BEYOND = ("deck id", "title", "path", "date", "question id", "kind", "offset", "NUL", "deck id taken",
          "question id taken", "bytes")  # what one example may push beyond its limit


@st.composite
def length(draw, limit: int, beyond: bool) -> int:
    """A length within a limit (often right at it), or just or well beyond it."""
    return draw(st.sampled_from([limit + 1, limit + 7] if beyond else [1, 5, limit - 1, limit]))


@st.composite
def sized_text(draw, limit: int, beyond: bool, nul: bool = False, filler: str = "x") -> str:
    """Text of a length around `limit` starting with any printable characters; `nul` puts a NUL in."""
    size = draw(length(limit, beyond))
    text = (draw(TEXT) + filler * size)[:size]
    if nul:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + "\x00" + text[at:]
    return text


@st.composite
def question(draw, number: int, beyond: str | None) -> str:
    item = draw(st.sampled_from(ITEMS))
    size = draw(length(limits.QUESTION_ID_CHARS, beyond == "question id"))
    qid = (f"zw-{number}-" + "q" * size)[:size]
    if beyond == "question id taken" and number == 0:
        qid = draw(st.sampled_from(ITEMS)).id  # an id the other file uses
    shift = limits.OFFSET_MAX if beyond == "offset" and number == 0 else 0
    lines = [f"  - id: {json.dumps(qid)}", f"    type: {item.type}", f"    text: {json.dumps(item.text)}"]
    if item.type == "mcq":
        lines.append(f"    answer: {json.dumps(item.answer)}")
        lines.append(f"    distractors: {json.dumps(list(item.distractors), ensure_ascii=False)}")
    lines.append("    source:")
    lines.append(f"      sentence: {json.dumps(item.source_sentence, ensure_ascii=False)}")
    if item.source_start is not None:
        lines.append(f"      start: {item.source_start + shift}\n      end: {item.source_end + shift}")
    elif shift:
        lines.append(f"      start: {shift}\n      end: {shift + 1}")
    kind = draw(sized_text(limits.KIND_CHARS, beyond == "kind", nul=beyond == "NUL" and number == 0))
    lines.append(f"    kind: {json.dumps(kind, ensure_ascii=False)}")
    lines.append(f"    explanation: {json.dumps(draw(TEXT), ensure_ascii=False)}")
    lines.append("    status: approved")
    return "\n".join(lines)


@st.composite
def bank_file(draw, beyond: str | None) -> str:
    """A bank file for the article: every limited value within its limit, or the one named beyond it."""
    path_length = draw(length(limits.SOURCE_PATH_CHARS, beyond == "path"))
    dots = max(0, (path_length - len(f"seeds/{ARTICLE}")) // 2)  # seeds/./././x.txt is still the article
    size = draw(length(limits.DECK_ID_CHARS, beyond == "deck id"))
    deck = {
        "id": (draw(st.text("abz09", min_size=1, max_size=8)) + "-z" * size)[:size],
        "title": draw(sized_text(limits.DECK_TITLE_CHARS, beyond == "title")),
        "path": "seeds/" + "./" * dots + ARTICLE,
        "date": draw(sized_text(limits.SOURCE_DATE_CHARS, beyond == "date", filler="7")),
    }
    if beyond == "deck id taken":
        deck["id"] = "nordkorea-russland"  # the other file's deck id
    items = [draw(question(n, beyond)) for n in range(draw(st.integers(1, 2)))]
    text = (f"# example {next(NUMBER)}\ndeck:\n  id: {json.dumps(deck['id'], ensure_ascii=False)}\n"
            f"  title: {json.dumps(deck['title'], ensure_ascii=False)}\n  language: de\n  source:\n"
            f"    path: {json.dumps(deck['path'])}\n"
            f"    date: {json.dumps(deck['date'], ensure_ascii=False)}\n"
            "questions:\n" + "\n".join(items) + "\n")
    if beyond == "bytes" or draw(st.integers(0, 30)) == 0:  # a comment brings the file to the byte limit
        padding = 1 if beyond == "bytes" else draw(st.sampled_from([-1, 0]))
        text += "#" + "x" * (limits.BANK_MAX_BYTES + padding - len(text.encode()) - 2) + "\n"
    return text


@pytest.fixture
def app_config(app_config) -> dict:
    return dict(app_config, BANK_RELOAD_SECONDS=0)


@pytest.mark.parametrize("beyond", (None, *BEYOND))
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_validate_and_the_load_agree_and_the_other_deck_stays_served(app, client, auth, create_user,
                                                                      questions_dir, beyond, data):
    text = data.draw(bank_file(beyond), label="bank file")
    if not app.extensions.get("test student"):  # once per app: examples share the function's fixtures
        create_user("schueler")
        auth.login("schueler")
        app.extensions["test student"] = True
    path = questions_dir / SECOND
    path.write_bytes(text.encode())
    files = [(p, p.name) for p in bank_files(questions_dir)]
    report = validate_files(files, PROJECT_ROOT)
    valid = not [e for e in report.errors if e.file == SECOND]
    assert not [e for e in report.errors if e.file == FIRST]
    event("valid" if valid else "refused")
    if len(text.encode()) <= limits.BANK_MAX_BYTES:  # what the deck editor's form could hold
        edited = validate_text(text, SECOND, files, PROJECT_ROOT)
        assert edited.ok == valid, edited.errors  # the editor's check says the same
    with app.app_context():
        loaded = sync_and_record(questions_dir)
        db.session.commit()
    assert (SECOND in loaded.loaded) == valid, (report.errors, loaded.errors)
    assert (SECOND in loaded.errors) != valid
    page = client.get("/")
    assert page.status_code == 200 and re.search("Nordkorea und Russland", page.text)
