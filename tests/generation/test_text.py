"""Cleaning real-world text: metadata, headings, credits, BOM and CRLF, with offsets into the file text."""

from __future__ import annotations

from quizapp.generation.source import parse_article, read_article
from quizapp.generation.text import sentences


def texts(raw: str) -> list[str]:
    return [sentence.text for sentence in sentences(parse_article(raw))]


def test_date_prefix_is_metadata():
    article = parse_article("date 2025-07 Nordkoreas Staatschef hat sich in den letzten Jahren gezeigt.")
    assert article.date == "2025-07"
    assert texts(article.text) == ["Nordkoreas Staatschef hat sich in den letzten Jahren gezeigt."]


def test_headings_glued_to_the_first_sentence_are_cut_off():
    raw = (
        "Erster Absatz ist hier und er ist kurz.\n\n"
        "Nordkorea und Russland: Eine immer engere Beziehung Nordkorea und Russland teilen sich eine Grenze.\n\n"
        "Soldaten als „Kanonenfutter“ Damit hat Putin reichlich übertrieben.\n\n"
        "Leise Kritik Bei PSG drehte sich zuletzt alles um den neuen Trainer."
    )
    assert texts(raw)[1:] == [
        "Nordkorea und Russland teilen sich eine Grenze.",
        "Damit hat Putin reichlich übertrieben.",
        "Bei PSG drehte sich zuletzt alles um den neuen Trainer.",
    ]


def test_photo_credits_are_dropped_and_captions_kept():
    raw = (
        "Der erste Absatz ist hier und er ist kurz.\n\n"
        "© APA/AFP/KIM WON JIN Das frisch eröffnete Wonsan Kalma Ressort\n\n"
        "© APA/AFP/RUSSIAN FOREIGN MINISTRY/HANDOUT Besuch des russischen Außenministers "
        "Der russische Außenminister Sergei Lawrow zu Besuch im Juli 2025."
    )
    result = texts(raw)
    assert not any("APA" in text or "©" in text for text in result)
    assert result[-1] == "Der russische Außenminister Sergei Lawrow zu Besuch im Juli 2025."


def test_dateline_is_cut_off():
    assert texts("Wien – Die Gewerkschaft fordert am Montag mehr Lohn für alle.") == [
        "Die Gewerkschaft fordert am Montag mehr Lohn für alle."
    ]


def test_offsets_point_into_the_file_text_with_bom_and_crlf(write_article):
    raw = "\ufeffdate 2025-07 Der Fluss ist 17 Kilometer lang.\r\n\r\nDie Brücke\r\nist sehr alt und rostig."
    article = read_article(write_article(raw))
    decoded = raw  # the file decoded as UTF-8: the BOM and the CRs stay and count
    result = sentences(article)
    assert [s.text for s in result] == [
        "Der Fluss ist 17 Kilometer lang.",
        "Die Brücke ist sehr alt und rostig.",
    ]
    for sentence in result:
        assert " ".join(decoded[sentence.start : sentence.end].split()) == sentence.text


def test_language_from_metadata_or_detected():
    assert parse_article("The river is long and the bridge is old and it is rusty.").language == "en"
    assert parse_article("lang de Der Fluss ist lang.").language == "de"
