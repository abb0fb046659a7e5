"""Exports: XLSX that German Excel opens right (translated headings, Berlin times, real numbers, no formulas),
and the CSV for programs with cloze text readable."""

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from .conftest import NOW


@pytest.fixture
def classroom(create_user, answer):
    ids = {name: create_user(name, teacher=name == "lehmann") for name in ["anna", "bert", "lehmann"]}
    answer("anna", "t-fluss", "right", "Amur", taken=4_000)
    answer("anna", "t-grenze", "wrong", "=1+1")
    answer("anna", "t-bruecke", "almost", "Tumenn", when=NOW + dt.timedelta(minutes=5), taken=12_500)
    answer("bert", "t-fluss", "wrong", "Jalu", when=NOW.replace(hour=9))
    return ids


def sheet(response):
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response.headers["Content-Disposition"]
    return list(load_workbook(io.BytesIO(response.get_data())).active.iter_rows(values_only=True))


def test_class_results_xlsx_in_german(client, auth, classroom):
    auth.login("lehmann")
    rows = sheet(client.get("/progress/class/results.xlsx", headers={"Accept-Language": "de"}))
    assert rows[0] == ("Lernende:r", "Deck", "Beantwortete Fragen", "Fragen im Deck", "Antworten",
                       "Richtige Antworten", "Trefferquote", "Gefestigt", "Zuletzt aktiv")
    by_key = {(r[0], r[1]): r for r in rows[1:]}
    assert by_key[("anna", "testdeck")][2:8] == (3, 3, 3, 1, pytest.approx(1 / 3), 0)  # numbers, not text
    assert by_key[("bert", "testdeck")][8] == dt.datetime(2025, 3, 20, 10, 0)  # 09:00 UTC is 10:00 in Berlin
    assert by_key[("bert", "nachbarn")][6] is None and by_key[("bert", "nachbarn")][8] is None


def test_history_xlsx_keeps_answers_as_text_and_times_local(client, auth, classroom):
    auth.login("anna")
    rows = sheet(client.get("/progress/history.xlsx", headers={"Accept-Language": "de"}))
    assert rows[0][:4] == ("Beantwortet am", "Deck", "Fragen-ID", "Frage")
    assert [r[4] for r in rows[1:]] == ["Amur", "=1+1", "Tumenn"]  # "=1+1" as typed, stored as text
    book = load_workbook(io.BytesIO(client.get("/progress/history.xlsx").get_data()))
    assert book.active["E3"].data_type == "s"  # a string cell, not a formula Excel would run
    assert rows[1][0] == dt.datetime(2025, 3, 20, 13, 0) and rows[1][6] == 4.0 and rows[1][5] == "richtig"
    assert rows[3][3] == "Die Brücke spannt sich über den [Tumen]." and rows[3][5] == "fast richtig"


def test_students_cannot_download_class_results(client, auth, classroom):
    auth.login("anna")
    assert client.get("/progress/class/results.xlsx").status_code == 403


def test_history_csv_renders_cloze_text_readable(client, auth, classroom):
    auth.login("anna")
    table = list(csv.reader(io.StringIO(client.get("/progress/history.csv").get_data(as_text=True))))
    assert table[3][3] == "Die Brücke spannt sich über den [Tumen]."
    assert "{{c1::" not in client.get("/progress/history.csv").get_data(as_text=True)
