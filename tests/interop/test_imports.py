"""Quizlet, CSV and Anki files become a new deck of drafts that loads like any other; bad files change
nothing and say where the problem is; a second import of the same file changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quizapp.bank import load_bank_file
from quizapp.bank.cloze import cloze_answer_text
from quizapp.bank.validate import bank_files, validate_files
from quizapp.interop import ImportFailed
from quizapp.interop.bankfile import PART_ITEMS, deck_id_for, plan_import, write_import
from quizapp.interop.importing import read_cards
from tests.interop.support import sample_bank

QUIZLET = ("Haus\thouse\n"
           "Bäume\t\"trees\", also: wood\n"
           "Straße, Weg\tstreet; road\n"
           "Grüße\t'greetings' & <regards>\n")


@pytest.fixture
def root(tmp_path) -> Path:
    (tmp_path / "questions").mkdir()
    (tmp_path / "seeds").mkdir()
    return tmp_path


def do_import(root: Path, data: bytes, name: str, title: str | None = None, **options):
    cards, notices, _ = read_cards(data, name, **options)
    plan = plan_import(cards, deck_id_for(title or Path(name).stem), title or Path(name).stem, "de", name, notices)
    return write_import(plan, root / "questions", root)


def written_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def load_all(root: Path):
    report = validate_files([(p, f"questions/{p.name}") for p in bank_files(root / "questions")], root)
    assert report.ok, [str(e) for e in report.errors]
    return report.banks


def test_quizlet_file_with_umlauts_quotes_and_commas_survives(root):
    result = do_import(root, QUIZLET.encode(), "Vokabeln Englisch.txt")
    assert result.written == ["questions/vokabeln-englisch.yaml"]
    (bank,) = load_all(root)
    assert bank.deck.id == "vokabeln-englisch" and bank.deck.source_path == "seeds/vokabeln-englisch.txt"
    pairs = [tuple(cloze_answer_text(q.text).split(": ", 1)) for q in bank.questions]
    assert pairs == [("Haus", "house"), ("Bäume", '"trees", also: wood'), ("Straße, Weg", "street; road"),
                     ("Grüße", "'greetings' & <regards>")]
    assert [q.answer for q in bank.questions] == ["house", '"trees", also: wood', "street; road",
                                                 "'greetings' & <regards>"]
    assert {q.status for q in bank.questions} == {"draft"}


def test_quizlet_comma_and_semicolon_separators(root):
    data = "Haus,house;Bäume,\"trees\", wood;Straße,street".encode()
    do_import(root, data, "set.txt")
    (bank,) = load_all(root)
    assert [q.answer for q in bank.questions] == ["house", '"trees", wood', "street"]


def test_second_import_of_the_same_file_changes_nothing(root):
    do_import(root, QUIZLET.encode(), "vokabeln.txt")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    again = do_import(root, QUIZLET.encode(), "vokabeln.txt")
    assert again.unchanged and again.written == []
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_a_changed_file_under_the_same_name_is_refused_and_nothing_is_overwritten(root):
    do_import(root, QUIZLET.encode(), "vokabeln.txt")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    with pytest.raises(ImportFailed) as failed:
        do_import(root, (QUIZLET + "Baum\ttree\n").encode(), "vokabeln.txt")
    assert "questions/vokabeln.yaml already exists" in str(failed.value.problems[0])
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_bad_quizlet_rows_name_file_line_and_field_and_nothing_is_written(root):
    data = "Haus\thouse\nBaum tree\n\tleer\nTisch\t{{c1::x}}\nNUL\tzero\x00\n".encode()
    with pytest.raises(ImportFailed) as failed:
        do_import(root, data, "fehler.txt")
    assert [str(p) for p in failed.value.problems] == [
        "fehler.txt:2: no tab between term and definition",
        "fehler.txt:3: term: is empty",
        "fehler.txt:4: definition: contains '{{' or '}}', which quizapp reads as a cloze gap",
        "fehler.txt:5: definition: contains the character U+0000, which cannot be stored; remove it",
    ]
    assert written_files(root) == []


CSV = """\ufeffFrage;Antwort;Distraktoren;Alternativen;Erklärung;Quelle;Tags;Art
Welcher Fluss bildet die Grenze?;Tumen;Amur | Jalu | Ussuri;;Laut Artikel.;Der Tumen bildet die Grenze.;geo fluss;ort
Die Grenze ist ____ km lang.;17;;siebzehn;;;;zahl
"Er sagte: ""Ja; gern""
und ging.";Ja;Nein|Vielleicht;;;;;
Der {{c1::Tumen}} ist ein {{c2::Fluss}}.;;;;;;;
"""


def test_csv_with_german_header_and_semicolons(root):
    do_import(root, CSV.encode(), "Grenze.csv")
    (bank,) = load_all(root)
    mcq, blank, quoted, gaps = bank.questions
    assert (mcq.type, mcq.text, mcq.answer, mcq.distractors) == (
        "mcq", "Welcher Fluss bildet die Grenze?", "Tumen", ("Amur", "Jalu", "Ussuri"))
    assert (mcq.explanation, mcq.source_sentence, mcq.tags, mcq.kind) == (
        "Laut Artikel.", "Der Tumen bildet die Grenze.", ("geo", "fluss"), "ort")
    assert (blank.type, blank.text, blank.accept, blank.source_sentence) == (
        "cloze", "Die Grenze ist {{c1::17}} km lang.", ("siebzehn",), "Die Grenze ist 17 km lang.")
    assert quoted.text == 'Er sagte: "Ja; gern"\nund ging.' and quoted.distractors == ("Nein", "Vielleicht")
    assert gaps.text == "Der {{c1::Tumen}} ist ein {{c2::Fluss}}."


def test_csv_problems_name_line_and_column_and_nothing_is_written(root):
    data = ("question,answer,distractors,colour\n").encode()
    with pytest.raises(ImportFailed) as failed:
        do_import(root, data, "x.csv")
    assert [str(p) for p in failed.value.problems] == [
        "x.csv:1: colour: unknown column (known: accept, answer, distractors, explanation, kind, question, "
        "source, tags)"]
    data = ("question,answer,distractors\n"
            "Wer?,Kim,\n"
            ",Putin,\n"
            "Was?,,Amur|Jalu\n"
            "Wo?,Tumen,Tumen|Amur\n").encode()
    with pytest.raises(ImportFailed) as failed:
        do_import(root, data, "x.csv")
    assert [str(p) for p in failed.value.problems] == [
        "x.csv:3: question: is empty",
        "x.csv:4: answer: is empty",
    ]
    data = "question,answer,distractors\nWo?,Tumen,Tumen|Amur\n".encode()
    with pytest.raises(ImportFailed) as failed:
        do_import(root, data, "x.csv")
    assert [str(p) for p in failed.value.problems] == [
        "x.csv:2: question 'x-tumen-" + str(failed.value.problems[0]).split("x-tumen-")[1].split("'")[0]
        + "': answer \"Tumen\" is also a distractor"]
    assert written_files(root) == []


def test_a_file_that_is_not_utf8_is_refused_with_its_line(root):
    with pytest.raises(ImportFailed) as failed:
        do_import(root, "Haus\thouse\nStraße\tstreet\n".encode("cp1252"), "alt.txt")
    assert str(failed.value.problems[0]).startswith("alt.txt:2: the file is not UTF-8 text")


def test_ten_thousand_rows_become_decks_that_each_load(root):
    rows = "".join(f"Wort {n}\tBedeutung {n}, mit Komma\n" for n in range(10_000))
    result = do_import(root, rows.encode(), "gross.txt")
    assert result.written == ["questions/gross.yaml", *(f"questions/gross-{n}.yaml" for n in range(2, 11))]
    assert sum(len(part.ids) for part in result.plan.parts) == 10_000
    last = load_bank_file(root / "questions" / "gross-10.yaml")  # each part is a deck of its own
    assert (last.deck.title, len(last.questions), last.questions[-1].answer) == (
        "gross (10/10)", PART_ITEMS, "Bedeutung 9999, mit Komma")
    assert do_import(root, rows.encode(), "gross.txt").unchanged


def test_repeated_cards_are_imported_once_with_a_notice(root):
    result = do_import(root, "Haus\thouse\nHaus\thouse\n".encode(), "doppelt.txt")
    (bank,) = load_all(root)
    assert len(bank.questions) == 1
    assert result.plan.notices == ["doppelt.txt:2: the same card as line 1; imported once"]


# ---- Anki -----------------------------------------------------------------------------------------

COMPARED = ("type", "text", "answer", "distractors", "explanation", "source_sentence", "source_context", "kind",
            "tags")


def test_an_anki_package_from_our_own_export_imports_back_into_an_equal_bank(root, tmp_path):
    from quizapp.anki import write_package
    from quizapp.anki.items import deck_from_bank

    original = sample_bank()
    package = tmp_path / "deck.apkg"
    write_package([deck_from_bank(original, dt.datetime(2025, 8, 1), include_drafts=True)], package)
    do_import(root, package.read_bytes(), "deck.apkg")
    (bank,) = load_all(root)
    exported = [q for q in original.questions if q.status != "retired"]
    def fields(q):  # an Anki card shows the options in its own mixed order
        return {k: sorted(q.distractors) if k == "distractors" else getattr(q, k) for k in COMPARED}

    assert [fields(q) for q in bank.questions] == [fields(q) for q in exported]
    assert {q.status for q in bank.questions} == {"draft"}


@pytest.mark.parametrize("legacy", [True, False], ids=["anki21", "anki21b"])
def test_basic_and_cloze_notes_made_by_anki_itself(root, tmp_path, legacy):
    pytest.importorskip("anki.collection", reason="the test extra installs PyPI 'anki'")
    from anki.collection import Collection, ExportAnkiPackageOptions

    col = Collection(str(tmp_path / "anki" / "collection.anki2") if (tmp_path / "anki").mkdir() is None else "")
    try:
        note = col.new_note(col.models.by_name("Basic"))
        note["Front"], note["Back"] = "Haus &amp; Hof", 'house &lt;and&gt; yard<br><img src="hof.png">'
        note.tags = ["vokabeln"]
        col.add_note(note, col.decks.id("Default"))
        note = col.new_note(col.models.by_name("Cloze"))
        note["Text"], note["Back Extra"] = "Der <b>{{c1::Tumen}}</b> ist ein {{c2::Fluss::Art}}.", "Grenzfluss"
        col.add_note(note, col.decks.id("Default"))
        image = tmp_path / "hof.png"
        image.write_bytes(b"\x89PNG")
        col.media.add_file(str(image))
        package = tmp_path / "anki.apkg"
        col.export_anki_package(out_path=str(package), limit=None, options=ExportAnkiPackageOptions(
            with_scheduling=False, with_media=True, legacy=legacy, with_deck_configs=False))
    finally:
        col.close()
    result = do_import(root, package.read_bytes(), "anki.apkg")
    (bank,) = load_all(root)
    basic, cloze = bank.questions
    assert (basic.type, basic.text, basic.tags) == ("cloze", "Haus & Hof: {{c1::house <and> yard}}", ("vokabeln",))
    assert (cloze.text, cloze.explanation) == ("Der {{c1::Tumen}} ist ein {{c2::Fluss::Art}}.", "Grenzfluss")
    assert result.plan.notices == ["1 media files and the images or sounds of 1 notes were left out: quizapp "
                                   "items are text only"]


def test_a_damaged_package_is_refused(root):
    with pytest.raises(ImportFailed) as failed:
        do_import(root, b"PK\x03\x04 not really a zip", "kaputt.apkg")
    assert str(failed.value.problems[0]).startswith("kaputt.apkg: not an Anki package (.apkg)")
    assert written_files(root) == []


def test_a_zip_without_an_anki_collection_is_refused(root, tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("notizen.txt", "Haus\thouse\n")
    with pytest.raises(ImportFailed) as failed:
        do_import(root, buffer.getvalue(), "notizen.zip")
    assert str(failed.value.problems[0]) == "notizen.zip: no Anki collection in the package (is it an .apkg file?)"
    assert written_files(root) == []
