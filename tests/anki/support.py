"""Test data and a thin wrapper around a real Anki collection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

T1 = dt.datetime(2025, 8, 1, 9, 0)
T2 = dt.datetime(2025, 8, 2, 9, 0)

BANK = """\
deck:
  id: test-deck
  title: Grenzen & Flüsse
  language: de
  source:
    path: seeds/x.txt
questions:
  - id: q-fluss
    type: cloze
    text: Die Brücke spannt sich über den Grenzfluss {{c1::Tumen::Fluss}}.
    source:
      sentence: Die Brücke spannt sich über den Grenzfluss Tumen.
    kind: ort
    tags: [geografie]
    status: approved
  - id: q-zwei-luecken
    type: cloze
    text: Die Grenze ist {{c1::17}} Kilometer lang & seit {{c2::1860}} bekannt <ca.>.
    explanation: Laut Artikel.
    source:
      sentence: Die Grenze ist 17 Kilometer lang und seit 1860 bekannt.
    kind: zahl
    status: approved
  - id: q-mcq
    type: mcq
    text: Welcher Fluss bildet die Grenze? <Hinweis> ____ & mehr
    answer: Tumen & Co
    distractors: [Amur, "<b>Jalu</b>", Ussuri]
    explanation: Der Tumen ist 521 km lang.
    source:
      sentence: Der Tumen trennt beide Länder.
      context: Vorher ging es um Züge.
    kind: ort
    status: approved
  - id: q-entwurf
    type: mcq
    text: Ein Entwurf ____.
    answer: ja
    distractors: [nein]
    source:
      sentence: Ein Entwurf ja.
    status: draft
  - id: q-alt
    type: cloze
    text: Zurückgezogen {{c1::alt}}.
    source:
      sentence: Zurückgezogen alt.
    status: retired
"""


class AnkiCollection:
    """A fresh Anki collection with the calls the tests need."""

    def __init__(self, path: Path):
        from anki.collection import Collection

        self.col = Collection(str(path))

    def import_package(self, package: Path):
        """Import like Anki's desktop default: update notes and note types when the incoming ones are newer."""
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
        from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition as Update

        options = ImportAnkiPackageOptions(
            update_notes=Update.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            update_notetypes=Update.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            with_scheduling=False,
        )
        return self.col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options)).log

    def note_by_guid(self, guid: str):
        note_id = self.col.db.scalar("select id from notes where guid = ?", guid)
        assert note_id, f"no note with guid {guid}"
        return self.col.get_note(note_id)

    def review(self, card_id: int, ease: int = 3) -> None:
        card = self.col.get_card(card_id)
        card.start_timer()
        self.col.sched.answerCard(card, ease)

    def revlog_count(self, card_id: int) -> int:
        return self.col.db.scalar("select count() from revlog where cid = ?", card_id)


CLASS_DECK = "klasse"

# The deck the app tests load instead of the seed deck, which the generator will rewrite.
CLASS_BANK = """\
deck:
  id: klasse
  title: Eine Klasse & ihre Fragen
  language: de
  source:
    path: seeds/klasse.txt
questions:
  - id: kl-grenze
    type: cloze
    text: Die Landgrenze ist {{c1::17::Zahl}} Kilometer lang.
    source:
      sentence: Die Landgrenze ist 17 Kilometer lang.
    kind: zahl
    status: approved
  - id: kl-fluss
    type: cloze
    text: Der Grenzfluss heißt {{c1::Tumen::Fluss}}.
    source:
      sentence: Der Grenzfluss heißt Tumen.
    status: approved
  - id: kl-hauptstadt
    type: mcq
    text: Die Hauptstadt Nordkoreas ist ____.
    answer: Pjöngjang
    distractors: [Seoul, Wladiwostok]
    source:
      sentence: Die Hauptstadt Nordkoreas ist Pjöngjang.
    status: approved
  - id: kl-zug
    type: mcq
    text: Der Zug fährt nach ____.
    answer: Moskau
    distractors: [Peking, Minsk]
    source:
      sentence: Der Zug fährt nach Moskau.
    status: approved
  - id: kl-bruecke
    type: mcq
    text: Die Brücke ist ____.
    answer: rostig
    distractors: [neu, breit]
    source:
      sentence: Die Brücke ist rostig.
    status: approved
  - id: kl-entwurf
    type: mcq
    text: Ein Entwurf ____.
    answer: ja
    distractors: [nein]
    source:
      sentence: Ein Entwurf ja.
    status: draft
  - id: kl-alt
    type: cloze
    text: Zurückgezogen {{c1::alt}}.
    source:
      sentence: Zurückgezogen alt.
    status: retired
"""
