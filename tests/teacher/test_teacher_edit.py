"""Editing in the browser: one item's lines change, a racing change on disk is refused, nothing is lost."""

from __future__ import annotations

import difflib
import re

from quizapp.bank.write import read_bank
from quizapp.extensions import db
from quizapp.models import Question

ITEM = "nkru-grenze-laenge"
EDIT_URL = f"/teacher/questions/{ITEM}/edit"


def changed_lines(old: str, new: str) -> list[str]:
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def form_data(sha: str, **changes) -> dict:
    data = {
        "file_sha256": sha,
        "text": "Nordkorea und Russland teilen sich eine gerade einmal {{c1::17::Zahl}} Kilometer lange Landgrenze.",
        "accept": "siebzehn",
        "explanation": "",
        "source_sentence": "Nordkorea und Russland teilen sich eine gerade einmal 17 Kilometer lange Landgrenze.",
        "source_context": "",
        "kind": "zahl",
        "tags": "geografie",
        "status": "draft",
    }
    return data | changes


def field_of(page: str, name: str) -> str:
    """The HTML of one form field's row: label, input, hint and its errors."""
    match = re.search(rf'<div class="field[^"]*">\s*<label for="{name}".*?</div>', page, re.S)
    assert match, f"no field {name}"
    return match.group(0)


def with_comments(deck_file) -> str:
    """The seed deck with comments in several places, as a teacher might keep it."""
    text = deck_file.read_text()
    text = text.replace("    kind: begriff\n", "    kind: begriff   # noun\n", 1)
    text = text.replace("  - id: nkru-grenze-kuerzeste\n", "  # the shortest border\n  - id: nkru-grenze-kuerzeste\n")
    deck_file.write_text(text + "# end of deck\n")
    return deck_file.read_text()


def test_editing_one_item_leaves_every_other_line_byte_identical(app, teacher, client, forms, deck_file):
    before = with_comments(deck_file)
    _, sha = read_bank(deck_file)
    response = forms.post(EDIT_URL, form_data(sha, text=form_data(sha)["text"].replace("Kilometer", "km"),
                                              explanation="Die kürzeste Grenze Russlands.",
                                              tags="geografie grenze", status="approved"), page=EDIT_URL)
    assert response.status_code == 302, response.get_data(as_text=True)
    after = deck_file.read_text()
    assert changed_lines(before, after) == [
        "-    text: Nordkorea und Russland teilen sich eine gerade einmal {{c1::17::Zahl}} Kilometer lange Landgrenze.",
        "+    text: Nordkorea und Russland teilen sich eine gerade einmal {{c1::17::Zahl}} km lange Landgrenze.",
        "+    explanation: Die kürzeste Grenze Russlands.",
        "-    status: draft",
        "+      - grenze",
        "+    status: approved",
    ]
    assert before.count("\n") + 2 == after.count("\n") and after.endswith("# end of deck\n")
    with app.app_context():
        question = db.session.get(Question, ITEM)
        assert (question.status, question.tags) == ("approved", ["geografie", "grenze"])
        assert "km lange" in question.text


def test_edit_form_shows_the_item_from_the_file(teacher, client):
    page = client.get(EDIT_URL).get_data(as_text=True)
    assert re.search(r'name="accept"[^>]*>\s*siebzehn</textarea>', page)
    assert re.search(r'name="file_sha256" type="hidden" value="[0-9a-f]{64}"', page)


def test_a_save_racing_a_change_on_disk_is_refused_and_loses_nothing(teacher, client, forms, deck_file):
    _, sha = read_bank(deck_file)  # the teacher opens the form...
    by_hand = deck_file.read_text().replace("  - id: nkru-grenze-kuerzeste", "  # checked\n  - id: nkru-grenze-kuerzeste")
    deck_file.write_text(by_hand)  # ...someone edits the file meanwhile...
    mine = "Nordkorea und Russland haben eine nur {{c1::17::Zahl}} Kilometer lange Grenze."
    response = forms.post(EDIT_URL, form_data(sha, text=mine), page=EDIT_URL)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "was changed on disk since you opened it" in page
    assert mine in page  # the teacher's text is still in the form
    assert deck_file.read_text() == by_hand  # and the other change is untouched


def test_an_invalid_edit_is_shown_and_changes_nothing(teacher, forms, deck_file):
    before = deck_file.read_bytes()
    _, sha = read_bank(deck_file)
    response = forms.post(EDIT_URL, form_data(sha, text="Ohne Lücke.", source_sentence="Nicht im Artikel."),
                          page=EDIT_URL)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "A cloze text needs at least one gap" in field_of(page, "text")  # under the field, in words
    assert "This sentence is not in the article" in field_of(page, "source_sentence")
    assert ".yaml:" not in page  # no parser message naming file and line
    assert deck_file.read_bytes() == before


def test_a_changed_source_sentence_gets_its_new_offsets(teacher, forms, deck_file):
    _, sha = read_bank(deck_file)
    sentence = "Es ist die kürzeste internationale Grenze, die Russland hat."
    response = forms.post(EDIT_URL, form_data(sha, text="Es ist die {{c1::kürzeste}} internationale Grenze, die "
                                                        "Russland hat.", source_sentence=sentence, accept=""),
                          page=EDIT_URL)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert "      start: 737\n      end: 797\n" in deck_file.read_text().split(f"id: {ITEM}")[1]


def test_whole_deck_editor_previews_before_saving(app, teacher, client, forms, deck_file):
    url = "/teacher/decks/nordkorea-russland/yaml"
    text, sha = read_bank(deck_file)
    new = text.replace("{{c1::4,5::Zahl}} Tonnen schweren", "{{c1::4,5::Zahl}} Tonnen schweren (!)")
    response = forms.post(url, {"file_sha256": sha, "text": new, "preview": "1"}, page=url)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "No problems found: 22 items." in page
    assert "Tonnen schweren (!) Sprengkopf" in page  # the preview
    assert deck_file.read_text() == text  # not saved yet
    response = forms.post(url, {"file_sha256": sha, "text": new, "save": "1"}, page=url)
    assert response.status_code == 302
    assert deck_file.read_text() == new
    with app.app_context():
        assert "(!)" in db.session.get(Question, "nkru-raketentest-sprengkopf").text


def test_whole_deck_editor_lists_problems_and_keeps_the_text(teacher, forms, deck_file):
    url = "/teacher/decks/nordkorea-russland/yaml"
    text, sha = read_bank(deck_file)
    bad = text.replace("    answer: Tumen\n", "    answer: Amur\n")
    response = forms.post(url, {"file_sha256": sha, "text": bad, "save": "1"}, page=url)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    line = bad.splitlines().index("      - Amur") + 1
    assert f'<a class="problem-link" href="#line-{line}" data-line="{line}"' in page  # linked to its line
    assert f"Line {line}, column 9</a>:" in page
    assert "nkru-grenzfluss-tumen: The answer “Amur” is also a distractor." in page
    excerpt = re.search(rf'id="line-{line}">.*?</pre>', page, re.S).group(0)  # the line, the message beside it
    assert "      - Amur" in excerpt and "^ nkru-grenzfluss-tumen: The answer “Amur”" in excerpt
    assert f'data-error-lines="{line}"' in page  # the text area's line numbers mark it too
    assert deck_file.read_text() == text


def test_whole_deck_editor_refuses_a_file_changed_meanwhile(teacher, forms, deck_file):
    url = "/teacher/decks/nordkorea-russland/yaml"
    text, sha = read_bank(deck_file)
    deck_file.write_text(text + "# by hand\n")
    mine = text.replace("{{c1::4,5::Zahl}} Tonnen schweren", "{{c1::4,5::Zahl}} Tonnen schweren (!)")
    response = forms.post(url, {"file_sha256": sha, "text": mine, "save": "1"}, page=url)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Tonnen schweren (!)" in page and "# by hand" in page  # mine in the form, theirs shown beside
    diff = page.split('<table class="diff">')[1].split("</table>")[0]
    assert re.search(r'<tr class="diff-removed">.*?# by hand', diff, re.S)  # only on disk
    assert re.search(r'<tr class="diff-added">.*?Tonnen schweren \(!\)', diff, re.S)  # only in the teacher's text
    assert diff.count('class="diff-removed"') == 2 and diff.count('class="diff-added"') == 1
    assert deck_file.read_text() == text + "# by hand\n"


def test_every_distractor_shows_without_scrolling(app, teacher, client):
    """The text areas are as tall as what they hold: a teacher sees all options at once."""
    page = client.get("/teacher/questions/nkru-interkontinentalrakete/edit").get_data(as_text=True)
    area = re.search(r'<textarea[^>]*name="distractors"[^>]*>(.*?)</textarea>', page, re.S)
    rows = int(re.search(r'rows="(\d+)"', area.group(0)).group(1))
    assert rows > len(area.group(1).strip().splitlines()) >= 3
