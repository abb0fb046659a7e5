"""The item editor in the teacher's language: messages under their fields, labels translated, only the fields
of the item's type, questions added by hand, cancel, and delete (drafts) or retire (the rest) after asking."""

from __future__ import annotations

import re

from quizapp.bank.write import read_bank
from quizapp.extensions import db
from quizapp.models import Question
from tests.teacher.test_teacher_edit import EDIT_URL, field_of, form_data

DECK = "nordkorea-russland"
MCQ = "nkru-grenzfluss-tumen"  # a draft in the deck_file fixture
APPROVED = "nkru-interkontinentalrakete"
ARTICLE_SENTENCE = "Es ist die kürzeste internationale Grenze, die Russland hat."


def german(forms):
    forms.post("/language/de", page="/")


def input_names(page: str) -> set[str]:
    form = page.split('class="card edit-form"')[1].split("</form>")[0]
    return set(re.findall(r'name="([a-z_]+)"', form))


def test_errors_are_german_and_under_their_fields(teacher, forms, deck_file):
    german(forms)
    _, sha = read_bank(deck_file)
    page = forms.post(EDIT_URL, form_data(sha, text="Ohne Lücke.", source_sentence="Nicht im Artikel."),
                      page=EDIT_URL).get_data(as_text=True)
    assert "Ein Lückentext braucht mindestens eine Lücke" in field_of(page, "text")
    assert "Dieser Satz steht nicht im Artikel" in field_of(page, "source_sentence")
    assert "needs at least one gap" not in page and "yaml:" not in page


def test_labels_are_translated_and_kinds_come_from_a_list(teacher, client, forms):
    german(forms)
    page = client.get(EDIT_URL).get_data(as_text=True)
    status = field_of(page, "status")
    assert ">Entwurf<" in status and ">freigegeben<" in status and ">draft<" not in status
    kind = field_of(page, "kind")
    assert "<select" in kind and 'selected value="zahl"' in kind and ">Zahl<" in kind and ">Ort<" in kind
    deck_page = client.get(f"/teacher/decks/{DECK}").get_data(as_text=True)
    assert ">Ort<" in deck_page and ">ort<" not in deck_page  # the deck's kind filter


def test_only_the_fields_of_the_items_type(teacher, client):
    cloze = input_names(client.get(EDIT_URL).get_data(as_text=True))
    mcq = input_names(client.get(f"/teacher/questions/{MCQ}/edit").get_data(as_text=True))
    assert "answer" not in cloze and "distractors" not in cloze and "accept" in cloze
    assert {"answer", "distractors"} <= mcq and "accept" not in mcq


def test_the_cloze_syntax_is_explained_beside_the_text(teacher, client):
    page = client.get(EDIT_URL).get_data(as_text=True)
    assert "{{c1::17}}" in field_of(page, "text") and 'aria-describedby="text-hint"' in page


def test_cancel_goes_back_without_saving(teacher, client, deck_file):
    page = client.get(EDIT_URL).get_data(as_text=True)
    cancel = re.search(r'<a class="button" href="([^"]+)">Cancel</a>', page).group(1)
    assert cancel.startswith(f"/teacher/decks/{DECK}") and client.get(cancel).status_code == 200


def test_add_a_cloze_by_hand_takes_its_sentence_from_the_gap(app, teacher, client, forms, deck_file):
    url = f"/teacher/decks/{DECK}/questions/new?type=cloze"
    assert "questions/new?type=mcq" in client.get(f"/teacher/decks/{DECK}").get_data(as_text=True)
    _, sha = read_bank(deck_file)
    response = forms.post(url, {"file_sha256": sha, "text": "Es ist die {{c1::kürzeste}} internationale Grenze, "
                                "die Russland hat.", "source_sentence": "", "status": "approved", "kind": "begriff"},
                          page=url)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert "Added: Es ist die [kürzeste]" in client.get(response.headers["Location"]).get_data(as_text=True)
    text = deck_file.read_text()
    assert text.endswith("    kind: begriff\n    status: approved\n")
    assert f"sentence: {ARTICLE_SENTENCE}\n      start: 737\n      end: 797\n" in text.split("kürzeste}}")[-1]
    with app.app_context():
        added = db.session.query(Question).filter(Question.text.contains("{{c1::kürzeste}}")).one()
        assert added.status == "approved" and added.deck_id == DECK and added.in_file


def test_add_an_mcq_by_hand_and_its_mistakes_sit_under_the_fields(app, teacher, client, forms, deck_file):
    url = f"/teacher/decks/{DECK}/questions/new?type=mcq"
    _, sha = read_bank(deck_file)
    data = {"file_sha256": sha, "text": "Welche Grenze ist die kürzeste Russlands?", "answer": "Nordkorea",
            "distractors": "China\nnordkorea", "source_sentence": "Gibt es nicht.", "status": "draft"}
    page = forms.post(url, data, page=url).get_data(as_text=True)
    assert "is also a distractor" in field_of(page, "distractors")
    assert "not in the article" in field_of(page, "source_sentence")
    before = deck_file.read_text()
    response = forms.post(url, data | {"distractors": "China\nMongolei", "source_sentence": ARTICLE_SENTENCE},
                          page=url)
    assert response.status_code == 302, response.get_data(as_text=True)
    added = deck_file.read_text()[len(before):]
    assert added.startswith("  - id: nordkorea-russland-nordkorea-") and "    type: mcq\n" in added
    assert "    distractors:\n      - China\n      - Mongolei\n" in added  # written like the items before it
    with app.app_context():
        assert db.session.query(Question).filter_by(answer="Nordkorea", type="mcq").one().status == "draft"


def test_deleting_a_draft_asks_first_then_removes_it_from_the_file(app, teacher, client, forms, deck_file):
    url = f"/teacher/questions/{MCQ}/delete"
    assert url in client.get(f"/teacher/questions/{MCQ}/edit").get_data(as_text=True)
    page = client.get(url).get_data(as_text=True)
    assert "Delete this draft?" in page and f"id: {MCQ}\n" in deck_file.read_text()  # only asked
    sha = read_bank(deck_file)[1]
    response = forms.post(url, {"file_sha256": sha}, page=url)
    assert response.status_code == 302
    assert f"id: {MCQ}\n" not in deck_file.read_text() and f"id: {MCQ}-cloze\n" in deck_file.read_text()
    with app.app_context():
        assert not db.session.get(Question, MCQ).in_file


def test_deleting_an_approved_item_retires_it_and_a_stale_confirmation_changes_nothing(app, teacher, client,
                                                                                      forms, deck_file):
    url = f"/teacher/questions/{APPROVED}/delete"
    assert "Retire this question?" in client.get(url).get_data(as_text=True)
    stale = forms.post(url, {"file_sha256": "0" * 64}, page=url)
    assert stale.status_code == 409 and f"id: {APPROVED}\n" in deck_file.read_text()
    with app.app_context():
        assert db.session.get(Question, APPROVED).status == "approved"
    response = forms.post(url, {"file_sha256": read_bank(deck_file)[1]}, page=url)
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Question, APPROVED).status == "retired"
    assert f"id: {APPROVED}\n" in deck_file.read_text()
