"""Issue 13, rating 7: counts in words and ages are asked, hints name the right kind, terms are key terms."""

from __future__ import annotations

from quizapp.checking.check import check_answer
from quizapp.checking.result import Verdict
from quizapp.generation.checks import answer_of, problems
from quizapp.generation.pipeline import generate_deck_from_text


def items_for(text: str, answer: str) -> list[dict]:
    """The items of a deck generated from text whose answer is answer."""
    return [item for item in generate_deck_from_text(text)["questions"] if answer_of(item) == answer]


def none_asked(text: str, *answers: str) -> bool:
    """No item of a deck generated from text has any of these answers."""
    return all(items_for(text, answer) == [] for answer in answers)


def right(item: dict, given: str) -> bool:
    return check_answer(given, answer_of(item), item.get("accept", ())).verdict is Verdict.RIGHT


def test_a_count_in_words_is_asked_with_words_as_options_and_digits_accepted():
    text = (
        "Der Einbrecher wurde in Graz festgenommen und muss nun für fünf Monate in Haft. "
        "Nach Angaben der Polizei hatte der Mann zuvor in der Innenstadt zwölf Autos gestohlen. "
        "Die Autos wurden inzwischen ihren Besitzern in der Steiermark zurückgegeben."
    )
    items = items_for(text, "fünf")
    cloze = next(item for item in items if item["type"] == "cloze")
    assert cloze["text"].count("{{c1::fünf::Zahl}}") == 1
    assert right(cloze, "5") and right(cloze, "fünf") and not right(cloze, "6")
    mcq = next(item for item in items_for(text, "zwölf") if item["type"] == "mcq")
    assert all(option.isalpha() and option.islower() for option in mcq["distractors"])
    assert "eins" not in mcq["distractors"] and problems(mcq, text) == []


def test_a_guess_a_count_given_away_or_a_duration_since_is_not_asked_in_words():
    text = (
        "Die Verhandlungen in Wien dauerten nach Angaben der Delegation zwei oder drei Tage länger. "
        "Vier Kandidaten gibt es: vier junge Sterne, um die sich erst kürzlich Planeten gebildet haben. "
        "Seit mindestens zehn Jahren sieht sich der Regisseur mit hohen Erwartungen konfrontiert. "
        "Die fünf Kinder des Paares werden inzwischen vom Jugendamt in Celle betreut. "
        "Die Kinder wurden bei Familien im Landkreis Celle untergebracht."
    )
    assert none_asked(text, "zwei", "drei", "vier", "zehn")
    assert items_for(text, "fünf")  # "Die fünf Kinder": the article counts them once


def test_an_age_is_asked_as_a_whole_word_and_its_number_counts():
    text = "Der 26-Jährige wurde nach der Verfolgungsjagd in Linz von der Polizei festgenommen."
    items = items_for(text, "26-Jährige")
    cloze = next(item for item in items if item["type"] == "cloze")
    assert right(cloze, "26") and right(cloze, "26-Jährige") and not right(cloze, "27")
    mcq = next(item for item in items if item["type"] == "mcq")
    ages = [int(option.split("-")[0]) for option in mcq["distractors"]]
    assert all(option.endswith("-Jährige") for option in mcq["distractors"])
    assert all(15 <= age <= 39 for age in ages) and problems(mcq, text) == []


def test_a_city_named_as_a_city_is_a_place_even_beside_an_apposition():
    text = (
        "Eine renommierte Oberschule in der östlichen Stadt Miskolc stellte einen Protestbrief ins Internet. "
        "Die Lehrer sind überlastet, sagte Oliver Pilz, ein Lehrer aus Miskolc, der Nachrichtenagentur AFP."
    )
    clozes = [item for item in items_for(text, "Miskolc") if item["type"] == "cloze"]
    assert clozes and all("{{c1::Miskolc::Ort}}" in item["text"] for item in clozes)


def test_a_made_up_label_is_not_asked():
    text = (
        "Nehmen wir an, dass das Wahlprogramm der Partei A aus den Wörtern Verstaatlichung und "
        "Konjunkturprogramm besteht, jenes der Partei B aus den Begriffen Privatisierung und "
        "Zuwanderungsstopp."
    )
    assert items_for(text, "A") == [] and items_for(text, "B") == []


def test_in_a_match_report_a_city_is_its_club_and_not_asked_as_a_place():
    text = (
        "Der Trainer von Rapid sah im Derby drei Tore seiner Stürmer. "
        "Salzburg verlor am Samstag gegen Dortmund mit 1:3 und fiel in der Tabelle auf Platz vier zurück. "
        "Das nächste Spiel der Saison findet in Graz vor 15.000 Zuschauern statt."
    )
    assert items_for(text, "Salzburg") == [] and items_for(text, "Dortmund") == []
    assert {item["kind"] for item in items_for(text, "Graz")} == {"ort"}  # "in Graz": where it is played


def test_a_person_noun_or_a_compound_of_a_common_head_is_no_term():
    text = (
        "Bei dem Angriff auf die Stadt wurde ein Zivilist getötet, wie die Behörden mitteilten. "
        "Auch ein zweiter Zivilist sei verletzt worden, hieß es in der Mitteilung der Polizei. "
        "Kontrollposten stehen an den Zufahrtsstraßen der Stadt im Südosten des Landes. "
        "Die Straße nach Norden blieb wegen der Kämpfe zwischen Armee und Rebellen gesperrt."
    )
    assert items_for(text, "Zivilist") == [] and items_for(text, "Zufahrtsstraßen") == []


def test_the_head_the_article_itself_uses_for_a_term_is_accepted():
    text = (
        "Nach dem Spiel kam es vor dem Stadion in Graz zu einer Massenschlägerei zwischen den Fans. "
        "Die Polizei beendete die Schlägerei nach einer halben Stunde mit einem Großaufgebot."
    )
    cloze = next(item for item in items_for(text, "Massenschlägerei") if item["type"] == "cloze")
    assert right(cloze, "Schlägerei") and right(cloze, "Massenschlägerei") and not right(cloze, "Polizei")


def test_a_count_glued_to_its_word_is_asked_and_its_number_counts():
    text = "Der 25-fache Weltmeister aus Kanada gewann in Prag das Finale der Eishockey-WM gegen Finnland."
    cloze = next(item for item in items_for(text, "25-fache") if item["type"] == "cloze")
    assert right(cloze, "25") and not right(cloze, "24")


def test_a_city_inside_another_name_is_not_asked_and_city_options_are_no_districts():
    text = (
        "In den internationalen Schulleistungstests Pisa wurden nie Schüler aus Syrien getestet. "
        "Das ist laut Forscher Stefan Thurner das Ziel des Complexity Science Hub Vienna in der Stadt. "
        "Andreas Schicker ist Assistenztrainer des Bundesliga-Absteigers SC Wiener Neustadt. "
        "Im Cupfinale in Klagenfurt setzten sich die Salzburger Anfang Juni mit 2:0 durch."
    )
    assert items_for(text, "Pisa") == [] and items_for(text, "Vienna") == []
    assert not [item for item in generate_deck_from_text(text)["questions"] if answer_of(item).endswith("SC")]
    mcq = next(item for item in items_for(text, "Klagenfurt") if item["type"] == "mcq")
    assert not set(mcq["distractors"]) & {"Favoriten", "Ottakring", "Simmering", "Donaustadt", "Floridsdorf"}


def test_a_surname_that_is_also_a_city_is_not_asked_as_a_place():
    text = (
        "Ohne Veränderung wäre dieses Format zu Ende, betonte Andreas Vana vom Sender die Notwendigkeit. "
        "Das Publikum hätte eine wichtige Sendung verloren, sagte Vana am Dienstag in Wien. "
        "Samuel L. Jackson und Kurt Russell gehören zur Besetzung des neuen Westerns von Tarantino."
    )
    kinds = {answer_of(item): item["kind"] for item in generate_deck_from_text(text)["questions"]}
    assert kinds.get("Vana") != "ort" and "Jackson" not in kinds


def test_a_quoted_paper_or_agency_a_work_and_a_city_in_a_name_are_not_asked():
    text = (
        "Der Zeitung Haaretz zufolge fand das letzte Telefonat der beiden Politiker im Juni 2014 statt. "
        "Das bestätigte Staatsanwalt Jean-Pierre Valensi am Freitag der Nachrichtenagentur AFP. "
        "Die Königsfamilie hat das 800-jährige Bestehen der weltberühmten Urkunde Magna Carta gefeiert. "
        "Absatz 35 der Carta setzte ein Biermaß für das Königreich fest, das London Quarter."
    )
    assert none_asked(text, "Haaretz", "AFP", "Magna Carta", "London")


def test_a_count_a_list_gives_away_or_a_time_relative_to_the_fact_is_not_asked():
    text = (
        "In den vier nördlichen Bezirken – Neusiedl, Eisenstadt, Mattersburg, Oberpullendorf – wird die "
        "Polizei nun ein verstärktes Augenmerk auf Schlepper haben. "
        "Zwei Tage vor der Wahl ist in Wien wieder einmal eine Debatte um Arbeitszeitverkürzung entbrannt."
    )
    assert none_asked(text, "vier", "Zwei")


def test_country_options_take_the_answers_article_and_a_province_gets_no_cities():
    text = (
        "Nach dem jüngsten Terrorakt steht eine türkische Militärintervention in Syrien im Raum. "
        "Noch am Donnerstag ruft die Türkei wegen des Anschlags den UN-Sicherheitsrat in New York an. "
        "Ankara soll die Rebellen aus der nordsyrischen Provinz Idlib zum Übergang gebracht haben."
    )
    for item in generate_deck_from_text(text)["questions"]:
        if item["type"] == "mcq" and item["answer"] in ("Syrien", "Türkei"):
            assert not set(item["distractors"]) & {"Irak", "Iran", "Libanon", "Jemen", "Türkei", "Schweiz"}
    assert [item for item in items_for(text, "Idlib") if item["type"] == "mcq"] == []


def test_specs_labels_and_counts_of_passing_things_are_not_asked():
    text = (
        "Das Umschalten in den Tabletmodus von Windows 10 klappt nicht, kann aber mit zwei Klicks erledigt "
        "werden. Windows ist auf dem Tablet vorinstalliert. "
        "274 x 172 x 10,5 Millimeter misst das Tablet bei 680 Gramm Gewicht. "
        "Thiem trifft auf den als Nummer 10 gesetzten Franzosen Gilles Simon in Cincinnati."
    )
    assert none_asked(text, "zwei", "10,5", "10", "Windows", "Tabletmodus von Windows")
    assert items_for(text, "680")  # the weight of the tablet is what a reader of the review wants


def test_interview_labels_times_of_day_and_quoted_sources_are_not_asked():
    text = (
        "STANDARD: In der Steiermark hat die FPÖ im Mai noch stärker zugelegt als in Oberösterreich. "
        "Die rote Fassung: Bis zum Beginn des Gipfels um 17 Uhr habe es eine gemeinsame Position gegeben. "
        "Nach Polizeiangaben vom Sonntag schoss der Mann in Antigo auf 15 Schüler. "
        "Die Polizeiangaben wurden am Montag von der Staatsanwaltschaft in Wisconsin bestätigt."
    )
    assert none_asked(text, "Mai", "Steiermark", "17", "Polizeiangaben")
