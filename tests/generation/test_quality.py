"""Issue 13: what a program can judge of generated items, on the fixture sample and on small articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from quizapp.bank.validate import bank_files, validate_files
from quizapp.generation.batch import run
from quizapp.generation.checks import answer_of, deck_problems
from quizapp.generation.distractors import Pool
from quizapp.generation.distractors.numbers import number_candidates
from quizapp.generation.distractors.terms import look_alike
from quizapp.generation.facts import find_facts
from quizapp.generation.gazetteer import PERSONS
from quizapp.generation.pipeline import MAX_ITEMS_PER_SENTENCE, generate_deck, generate_deck_from_text
from quizapp.generation.source import parse_article
from quizapp.generation.text import sentences

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "corpus").glob("10kgnad-test-*.txt"))
ARTICLES = [*FIXTURES, ROOT / "seeds" / "2025-07-nordkorea-russland.txt"]


@pytest.fixture(scope="module")
def decks() -> dict[str, dict]:
    return {path.stem: generate_deck(path) for path in ARTICLES}


def items_of(decks: dict, kind: str | None = None, type_: str | None = None) -> list[dict]:
    return [
        item
        for deck in decks.values()
        for item in deck["questions"]
        if (kind is None or item["kind"] == kind) and (type_ is None or item["type"] == type_)
    ]


def test_every_generated_bank_passes_validate(tmp_path):
    (tmp_path / "seeds").mkdir()
    files = []
    for path in ARTICLES:
        shutil.copy(path, tmp_path / "seeds" / path.name)
        files.append(str(tmp_path / "seeds" / path.name))
    results = list(run(files, tmp_path / "questions", root=tmp_path, workers=1))
    assert [result.error for result in results if result.error] == []
    report = validate_files([(p, p.name) for p in bank_files(tmp_path / "questions")], tmp_path)
    assert report.errors == [] and report.files == len(ARTICLES)


def test_no_sentence_gives_more_than_three_items(decks):
    for deck in decks.values():
        assert deck_problems(deck["questions"]) == []
    assert MAX_ITEMS_PER_SENTENCE == 3


def test_term_options_are_never_look_alike_compounds(decks):
    for item in items_of(decks, "begriff", "mcq"):
        assert not any(look_alike(option, item["answer"]) for option in item["distractors"]), item


def test_a_club_president_gets_no_heads_of_state(decks):
    office_holders = {name for names in PERSONS.values() for name in names}
    sport = decks["10kgnad-test-0537"]["questions"]
    for item in sport:
        if item["type"] == "mcq" and item["kind"] == "person":
            assert not office_holders & set(item["distractors"]), item


def test_teaser_sub_heading_and_tweets_never_reach_a_stem(decks):
    texts = [item["text"] + item["source"].get("context", "") for item in items_of(decks)]
    assert not any("pic.twitter" in text or "http" in text for text in texts)
    deck = generate_deck_from_text(
        "Der Verein verlor zuletzt 12 Spiele in Serie und sucht nun einen neuen Trainer. "
        "Wien – Der Sportklub hat am Montag seinen Trainer entlassen, nachdem die Mannschaft 17 Spiele "
        "verlor. "
        "Der Vorstand tagte bis in die Nacht und beriet dabei über 3 mögliche Kandidaten. "
        "Neue Hoffnung Die Fans hoffen auf einen Neuanfang mit 25 jungen Spielern aus der eigenen Akademie. "
        "Das Video zeigt 40 Sekunden lang den Jubel pic.twitter.com/abc123 der Fans im Stadion."
    )
    sentences = [item["source"]["sentence"] for item in deck["questions"]]
    assert not any(sentence.startswith("Der Verein verlor") for sentence in sentences)  # the teaser
    assert not any("Video" in sentence for sentence in sentences)  # the tweet
    assert "Die Fans hoffen auf einen Neuanfang mit 25 jungen Spielern aus der eigenen Akademie." in sentences
    assert "17" in [answer_of(item) for item in deck["questions"]]


def test_a_club_name_is_not_cut_into_a_city():
    deck = generate_deck_from_text(
        "Der FC Barcelona gewann am Samstag das Spiel gegen Real Madrid mit 4:0 Toren in der Hauptstadt "
        "Madrid."
    )
    assert "Barcelona" not in [answer_of(item) for item in deck["questions"]]


def test_a_name_followed_by_its_number_is_not_asked_in_part():
    deck = generate_deck_from_text(
        "Das Computerspiel Silent Hill 2 erschien vor vielen Jahren und verkaufte sich weltweit sehr gut."
    )
    assert "Silent Hill" not in [answer_of(item) for item in deck["questions"]]


def test_a_person_named_again_by_surname_is_a_person_whose_surname_counts():
    deck = generate_deck_from_text(
        "Den Antrag unterstützte am Montag auch Gerhard Reissner, ein erfahrener Richter aus Wien. "
        "Das Gesetz gehe viel zu weit und helfe den Opfern kaum, sagte Reissner den Journalisten."
    )
    item = next(item for item in deck["questions"] if answer_of(item) == "Gerhard Reissner")
    assert item["kind"] == "person" and "::Person}}" in item["text"] and item["accept"] == ["Reissner"]


def test_a_year_after_seit_is_a_year_not_a_count():
    deck = generate_deck_from_text(
        "Der Verein hat seit 2007 Trainer aus dem Ausland geholt und viel Erfolg gehabt."
    )
    item = next(item for item in deck["questions"] if answer_of(item) == "2007")
    assert item["kind"] == "jahr" and "2.007" not in item.get("accept", [])


def test_a_context_that_itself_points_back_is_no_help():
    deck = generate_deck_from_text(
        "Das erzählte er beim Gottesdienst in der Stadtpfarrkirche, zu dem 600 Menschen kamen. "
        "Unter ihnen war auch der Apostolische Nuntius Peter Stephan Zurbriggen aus der Schweiz."
    )
    assert not [item for item in deck["questions"] if "Zurbriggen" in item["source"]["sentence"]]


def test_a_word_used_once_is_not_asked_but_a_key_term_is():
    deck = generate_deck_from_text(
        "Die Regierung plant eine neue Interkontinentalrakete mit einem Quäntchen Glück bis zum Jahr 2027. "
        "Die Rakete soll von der Ostküste aus starten können und viel weiter fliegen als alle bisherigen."
    )
    answers = [answer_of(item) for item in deck["questions"]]
    assert "Interkontinentalrakete" in answers and "Quäntchen" not in answers


def test_items_are_written_best_first():
    deck = generate_deck_from_text(
        "Die Regierung plant eine neue Interkontinentalrakete für den Einsatz an der Grenze. "
        "Die Rakete soll 17 Tonnen wiegen und von der Ostküste aus bis zu 9000 Kilometer weit fliegen."
    )
    kinds = [item["kind"] for item in deck["questions"]]
    assert kinds.index("zahl") < kinds.index("begriff")


def test_many_facts_in_one_sentence_give_at_most_three_items():
    deck = generate_deck_from_text(
        "Im Juni 2024 reisten 40 Minister aus Deutschland, Frankreich, Italien und Spanien für 3 Tage "
        "zu 17 Gesprächen nach Wien."
    )
    assert 1 <= len(deck["questions"]) <= MAX_ITEMS_PER_SENTENCE


def test_an_article_with_double_spaces_gives_a_bank_that_validates(tmp_path):
    (tmp_path / "seeds").mkdir()
    article = tmp_path / "seeds" / "2025-07-graz.txt"
    article.write_text(
        "date 2025-07 Der Fahrer raste mit rund 100 Stundenkilometern die Straße, die den Platz verbindet  "
        "hinunter, und verletzte 34 Menschen in der Innenstadt von Graz.\n",
        encoding="utf-8",
    )
    results = list(run([str(article)], tmp_path / "questions", root=tmp_path, workers=1))
    assert results[0].error is None
    bank = YAML(typ="safe").load((tmp_path / "questions" / "graz.yaml").read_text(encoding="utf-8"))
    assert bank["questions"]
    report = validate_files([(p, p.name) for p in bank_files(tmp_path / "questions")], tmp_path)
    assert report.errors == []


def test_club_and_league_names_are_whole_organisations():
    answers = kinds_of(
        "Die Londoner gewannen am Samstag bei West Bromwich Albion mit 3:0 und führen die Tabelle an. "
        "Am Sonntag kann Christian Fuchs mit Leicester City erstmals den Titel in der Premier League holen."
    )
    assert "West Bromwich" not in answers and "League" not in answers
    assert answers.get("West Bromwich Albion") == "organisation"
    assert answers.get("Premier League", "organisation") == "organisation"


def test_a_sentence_with_a_glued_sub_heading_is_not_used():
    deck = generate_deck_from_text(
        "Die Liste der Bezirke finden Sie hier: Höhere Quote bei Zuwanderern Deutlich höhere Quoten gibt es "
        "bei Zuwanderern der ersten Generation mit 30 Prozent."
    )
    assert deck["questions"] == []


def test_a_headline_without_a_verb_is_not_used():
    deck = generate_deck_from_text(
        "Sicherheitslücke bereits im Februar 2015 entdeckt und nun von den Forschern bekannt gemacht. "
        "Die Forscher fanden die Lücke in 40 Routern eines großen Herstellers aus Taiwan."
    )
    assert [answer_of(item) for item in deck["questions"] if "Februar" in item["source"]["sentence"]] == []


def test_dort_and_dieser_point_back_and_need_their_sentence():
    deck = generate_deck_from_text(
        "Die Stadt Wien hat viele Schulen in jedem ihrer Bezirke gebaut. "
        "Dort sind 26 Prozent der Jugendlichen im Alter zwischen 15 und 24 Jahren ohne Abschluss."
    )
    items = [item for item in deck["questions"] if item["source"]["sentence"].startswith("Dort")]
    assert items
    for item in items:
        assert item["source"]["context"] == "Die Stadt Wien hat viele Schulen in jedem ihrer Bezirke gebaut."


def test_an_inflected_common_word_is_no_term_and_mio_accepts_millionen():
    deck = generate_deck_from_text(
        "Eine Gruppe von Hackern hat die Bank um 400 Mio. Euro gebracht, berichtet die Polizei in Wien. "
        "Die Hackern zugeschriebenen Angriffe dauerten nach Angaben der Bank drei Wochen lang an."
    )
    answers = [answer_of(item) for item in deck["questions"]]
    assert "Hackern" not in answers
    cloze = next(
        item for item in deck["questions"] if answer_of(item) == "400 Mio." and item["type"] == "cloze"
    )
    assert "400 Millionen" in cloze["accept"]


def test_the_bounds_of_a_range_are_not_asked():
    deck = generate_deck_from_text(
        "Analysten gehen von 20 bis 30 Mrd. Euro Schaden aus, die Behörde schätzt sogar 45 Mrd. Euro."
    )
    answers = [answer_of(item) for item in deck["questions"]]
    assert "30 Mrd." not in answers and "20" not in answers and "45 Mrd." in answers


def test_temperatures_get_options_a_weather_report_could_give():
    article = parse_article(
        "Am Samstag erreicht die Hitzewelle in ganz Österreich mit Temperaturen von bis zu 38 Grad ihren "
        "Höhepunkt."
    )
    fact = next(fact for fact in find_facts(sentences(article)) if fact.kind == "zahl")
    options = [int(option) for option in number_candidates(fact, Pool())]
    assert options and all(22 <= option <= 54 for option in options)  # not 16 or 54 for a heat wave


def test_a_pronoun_subject_gets_no_item_and_no_guessed_context():
    deck = generate_deck_from_text(
        "Uwe Böhnhardt beendete den lautstarken Streit in der Wohnung in Zwickau mit Schlägen. "
        "Sie hatte im Dezember ihr jahrelanges Schweigen vor dem Oberlandesgericht München gebrochen."
    )
    assert not [item for item in deck["questions"] if item["source"]["sentence"].startswith("Sie hatte")]


def kinds_of(text: str) -> dict[str, str]:
    """The kind of each answer asked in a deck generated from text."""
    return {answer_of(item): item["kind"] for item in generate_deck_from_text(text)["questions"]}


def test_names_of_unknown_kind_get_no_item_but_a_cast_in_brackets_does():
    kinds = kinds_of(
        "Von Barack Obama stammt der schöne Satz über die vielen Präsidenten auf den Dollarscheinen. "
        "Die Erpresserin hat es auf die alleinerziehende Tanja (Karoline Herfurth) abgesehen, heißt es im "
        "Film."
    )
    assert "Barack Obama" not in kinds and kinds.get("Karoline Herfurth") == "person"


def test_a_noun_before_a_name_is_not_part_of_the_answer():
    answers = kinds_of(
        "Anlass der Simulation war die Erweiterung des Mikroklimamodells ENVI-met durch die Universität "
        "Wien. "
        "Seinen Spitznamen hatte Campbell der Zeit als Trainer an der Uni Columbia zu verdanken, sagt Obama."
    )
    assert not any(answer.startswith("Mikroklimamodell") for answer in answers)
    assert answers.get("Columbia", "organisation") == "organisation"


def test_a_state_is_a_place_and_two_glued_sentences_are_not_used():
    kinds = kinds_of(
        "Die Menge habe am Freitag fünf Männer im Bundesstaat Himachal Pradesh angegriffen, teilte die "
        "Polizei mit. Höher sind auch die Studienkosten. 8.000 Euro pro Semester, also insgesamt 48.000 "
        "Euro müssen Studierende zahlen."
    )
    assert kinds == {"Himachal Pradesh": "ort"}  # nothing from the glued sentences


def test_a_woman_gets_women_as_options_and_a_man_men():
    deck = generate_deck_from_text(
        "An der Universität lehren die Juristin Jutta Fiegl und der Jurist Bernd-Christian Funk seit Jahren. "
        "Neu im Team sind die Soziologin Ulrike Weber und der Anwalt Alfred Pritz aus Linz. "
        "Die Historikerin Eva Berger forscht seit Jahren zur Geschichte der Stadt. "
        "Die Prüfungen leitet nun die Politikwissenschafterin Kathrin Stainer-Hämmerle an der Universität."
    )
    women = {"Jutta Fiegl", "Ulrike Weber", "Eva Berger", "Kathrin Stainer-Hämmerle"}
    people = [item for item in deck["questions"] if item["type"] == "mcq" and item["kind"] == "person"]
    assert "Kathrin Stainer-Hämmerle" in [item["answer"] for item in people]
    for item in people:  # a man for a woman or a woman for a man is no option
        assert all((option in women) == (item["answer"] in women) for option in item["distractors"]), item


def test_names_with_particles_are_whole_and_their_surname_counts():
    deck = generate_deck_from_text(
        "Wien – Der frühere Grünen-Bundessprecher Alexander Van der Bellen sammelt nun Spenden für seinen "
        "Wahlkampf. Kommissionschefin Ursula von der Leyen lobte den Plan am Montag in Brüssel."
    )
    accepted = {answer_of(item): item.get("accept") for item in deck["questions"] if item["type"] == "cloze"}
    assert accepted["Alexander Van der Bellen"] == ["Van der Bellen"]
    assert accepted["Ursula von der Leyen"] == ["von der Leyen"]


def test_a_day_or_month_beside_another_fact_is_not_asked():
    # Rating 6: "am 21. Mai" asked instead of the number it dates failed 5 of 40 items. A date with its year
    # and a month that is its sentence's only fact are still asked.
    deck = generate_deck_from_text(
        "Am 21. Mai eröffnete die Stadtregierung von Graz eine 400 Meter lange Brücke über die Mur. "
        "Der Bau hatte im Juni 2023 begonnen und kostete 12 Millionen Euro. "
        "Die Feier für die Anrainer findet erst im Jänner statt."
    )
    answers = {answer_of(item) for item in deck["questions"]}
    assert "21. Mai" not in answers
    assert {"400", "Graz", "Juni 2023", "12 Millionen", "Jänner"} <= answers
