"""English articles held to the German bar (issue 18): Wikinews fixtures, whole names, full dates, places of
the right kind, options never from a deck in another language, balanced quotes, the headline as title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from quizapp.bank.validate import bank_files, validate_files
from quizapp.generation.batch import other_decks_names, run
from quizapp.generation.checks import answer_of, problems
from quizapp.generation.pipeline import generate_deck, generate_deck_from_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = sorted((FIXTURES / "corpus-en").glob("wikinews-en-*.txt"))
GERMAN_BANK = FIXTURES / "banks" / "nordkorea-russland.yaml"


def deck_of(text: str) -> list[dict]:
    return generate_deck_from_text(text, "2025-07-article.txt")["questions"]


def answers(items: list[dict], kind: str | None = None) -> set[str]:
    return {answer_of(item) for item in items if kind is None or item["kind"] == kind}


def mcq(items: list[dict], answer: str) -> dict:
    return next(item for item in items if item["type"] == "mcq" and item["answer"] == answer)


def test_the_english_sample_is_there():
    assert len(SAMPLE) >= 5


@pytest.mark.parametrize("path", SAMPLE, ids=[path.stem for path in SAMPLE])
def test_wikinews_article_gives_checked_items_and_its_headline_as_title(path):
    deck = generate_deck(path)
    text = path.read_bytes().decode("utf-8")
    assert deck["deck"]["language"] == "en"
    assert deck["deck"]["title"] == text.split("\n", 1)[0]  # the headline, not "Wikinews En 45624"
    assert any(item["type"] == "cloze" for item in deck["questions"])
    for item in deck["questions"]:
        assert problems(item, text) == [], item
        assert "{{c1::" not in item["source"]["sentence"]


def test_every_generated_bank_validates_with_unicode_spaces_dashes_and_quotes(tmp_path):
    """A thin space (U+2009) made `quizapp validate` reject a bank; so may any other space or mark."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in SAMPLE:
        (seeds / path.name).write_bytes(path.read_bytes())
    (seeds / "spaces.txt").write_text(
        "Storm hits the coast\n\n"
        "The storm destroyed 120\u2009houses in the city of Plymouth on Monday, the coastguard said.\n\n"
        "About 1\u00a0500 people spent the night in\u202fschools in Plymouth after the storm \u2013 the worst "
        "since 1987 \u2014 reached the coast.\n\n"
        "\u201cWe have never seen anything like it,\u201d said Mayor Tudor Evans of Plymouth on\u2009Tuesday.\n",
        encoding="utf-8",
    )
    files = sorted(str(path) for path in seeds.glob("*.txt"))
    results = list(run(files, tmp_path / "questions", root=tmp_path, workers=1))
    assert [result.error for result in results if result.error] == []
    report = validate_files([(p, p.name) for p in bank_files(tmp_path / "questions")], tmp_path)
    assert report.errors == []
    spaces = YAML(typ="safe").load((tmp_path / "questions" / "spaces.yaml").read_text(encoding="utf-8"))
    assert "1 {{c1::500" not in str(spaces)  # "1 500" is one number, never its half


def test_english_distractors_never_come_from_other_decks_and_stay_the_same(tmp_path):
    """The German seed deck's "Sergei Lawrow" is no option for an English reporter; adding decks changes
    no English draft."""
    seeds, questions = tmp_path / "seeds", tmp_path / "questions"
    seeds.mkdir()
    questions.mkdir()
    article = seeds / "2025-07-visit.txt"
    article.write_text(
        "Ministers meet in Moscow\n\n"
        "Russian Foreign Minister Sergei Lavrov met Foreign Minister Wang Yi of China in Moscow on Monday.\n\n"
        "The reporter Anna Smith asked Sergei Lavrov about the talks with Wang Yi and Choe Son Hui.\n\n"
        "Choe Son Hui had visited Moscow in July 2025, a spokesman of the ministry said.\n",
        encoding="utf-8",
    )

    def generated() -> str:
        list(run([str(article)], questions, root=tmp_path, workers=1))
        return (questions / "visit.yaml").read_text(encoding="utf-8")

    alone = generated()
    (questions / "visit.yaml").unlink()
    (questions / "nordkorea-russland.yaml").write_bytes(GERMAN_BANK.read_bytes())
    with_german_deck = generated()
    assert with_german_deck == alone
    assert not re.search(r"Lawrow|Wladimir|Kim Jong|Pjöngjang|Moskau", alone)


def test_german_decks_take_no_names_from_english_decks(tmp_path):
    (tmp_path / "english.yaml").write_text(
        "deck: {id: english, title: English, language: en, source: {path: seeds/english.txt}}\n"
        "questions:\n"
        "  - {id: e1, type: mcq, text: Met ____., answer: Vladimir Putin, distractors: [A, B, C], kind: person,"
        " source: {sentence: Met Vladimir Putin.}, status: draft}\n",
        encoding="utf-8",
    )
    (tmp_path / "deutsch.yaml").write_bytes(GERMAN_BANK.read_bytes())
    known = other_decks_names(tmp_path, exclude=set())
    assert "Vladimir Putin" not in known.persons
    assert known.persons  # the German deck's people still count


def test_cities_come_from_the_state_or_country_the_stem_names():
    items = deck_of(
        "Party business took place in Milwaukee, Wisconsin, on the second day of the meeting.\n\n"
        "The concert was held in Lagos, Nigeria, before a crowd of thousands of fans.\n\n"
        "Judge James Jones said that the trial will be held in Alexandria next year, officials said.\n\n"
        "Schools throughout the US state of Florida are beginning to enforce a new law on clothing.\n"
    )
    assert set(mcq(items, "Milwaukee")["distractors"]) <= {
        "Madison",
        "Green Bay",
        "Kenosha",
        "Racine",
        "Appleton",
        "Waukesha",
        "Oshkosh",
        "Eau Claire",
        "Janesville",
        "West Allis",
        "La Crosse",
    }
    assert set(mcq(items, "Lagos")["distractors"]) <= {
        "Abuja",
        "Ibadan",
        "Kano",
        "Benin City",
        "Port Harcourt",
        "Kaduna",
        "Ilorin",
        "Aba",
        "Jos",
        "Zaria",
        "Maiduguri",
    }
    florida = mcq(items, "Florida")["distractors"]
    assert all(name.replace(" ", "").isalpha() for name in florida)
    states = (
        "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Georgia Hawaii Idaho "
        "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
        "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas "
        "Utah Vermont Virginia Washington Wisconsin Wyoming"
    )
    assert all(
        name in states or name.startswith(("New ", "North ", "South ", "West ", "Rhode ", "District"))
        for name in florida
    )  # other states, not towns somewhere called Florida


def test_a_city_name_used_for_a_person_or_as_a_describing_word_is_no_place():
    items = deck_of(
        "His wife Mary said that the family would hold a private funeral next week.\n\n"
        "Reportedly, Trump and Bolton have been at odds over the handling of Iran for months.\n\n"
        "John Bolton had held the position since April 2018, the White House said on Tuesday.\n\n"
        "The team from UCL analyzed the Montreal team's data with their own software.\n"
    )
    assert not answers(items, "ort") & {"Mary", "Bolton", "Montreal"}


def test_names_are_whole_and_never_merged_with_a_place():
    items = deck_of(
        "U.S. President George W. Bush has used the first veto of his presidency on a research bill.\n\n"
        "The attack killed Abu Mahdi al-Muhandis and three other men near Baghdad airport on Friday.\n\n"
        "Just ahead of the convention, Donald Trump's younger brother Robert died in New York City.\n\n"
        "In second place, former Vice President of the United States Joe Biden had 54 delegates.\n\n"
        "The senate seat is that of incumbent Republican Cory Gardner, who will run again next year.\n"
    )
    people = answers(items, "person")
    assert (
        not {
            "George",
            "Bush",
            "W. Bush",
            "Abu Mahdi",
            "Muhandis",
            "Donald",
            "United States Joe",
            "Republican Cory Gardner",
        }
        & people
    )
    for item in items:
        assert "{{c1::George::" not in item["text"] and "{{c1::Donald::" not in item["text"]


def test_dates_are_asked_whole_and_never_as_a_bare_month_or_day():
    items = deck_of(
        "Kamala Harris was born on October 20, 1964 in Oakland, California to an Indian-born mother.\n\n"
        "The image was reported to the watchdog in early December by a reader of the newspaper.\n\n"
        "Sterling had been employed by the CIA from May 1993 until he was fired in January 2002.\n\n"
        "The meeting on May 5 was cancelled after the storm had closed every road into town.\n"
    )
    dates = [item for item in items if item["kind"] in ("datum", "jahr")]
    assert {answer_of(item) for item in dates} == {"October 20, 1964", "May 1993"}
    assert all(
        re.fullmatch(r"[A-Z][a-z]+ 20, \d{4}", option)
        for option in mcq(items, "October 20, 1964")["distractors"]
    )
    assert not any("{{c1::1964::" in item["text"] for item in items)  # the year is not split off the date


def test_generic_words_are_no_terms_and_a_repeated_one_is():
    items = deck_of(
        "A spokeswoman said the hotline received calls from people who felt unhappiness after the fire.\n\n"
        "The reverberation of the blast was felt across the valley, witnesses told the local radio.\n\n"
        "Doctors found traces of the opioids in the blood samples of all seven patients on Monday.\n\n"
        "Sales of opioids have risen sharply in the state over the last ten years, the report says.\n"
    )
    terms = answers(items, "begriff")
    assert not terms & {"spokeswoman", "hotline", "unhappiness", "reverberation"}
    assert "opioids" in terms


def test_sentences_with_unbalanced_quotes_or_glued_sentences_are_not_used():
    items = deck_of(
        '"Each of these 400 human embryos is a unique human life with inherent dignity, the president said.\n\n'
        "The museum in Leeds has 35 rooms on four floors The building opened in 1897 after a long delay.\n\n"
        "It cost 5 million pounds, said the mayor of Leeds. the museum opened in 1897 after a long delay.\n\n"
        "The painter was sued for 500,000 yen (approx. 4,000 dollars) by the owner of a shop in Tokyo.\n\n"
        "The new museum in Leeds has 12 rooms for the collection of the late painter.\n"
    )
    sources = {item["source"]["sentence"] for item in items}
    assert sources == {"The new museum in Leeds has 12 rooms for the collection of the late painter."}


def test_the_title_falls_back_to_the_file_name_without_a_headline():
    deck = generate_deck_from_text(
        "The new museum in Leeds has 12 rooms for the collection of the late painter.\n", "2025-07-museum.txt"
    )
    assert deck["deck"]["title"] == "Museum"


def test_a_capital_gets_great_cities_and_rhetoric_or_clock_times_are_not_asked():
    items = deck_of(
        "The message went from Canberra to the United States this week, the senator told the radio.\n\n"
        'The minister said that there are "100 reasons" to close the old mine in the north.\n\n'
        "The prime minister of Tonga died at 10 a.m. local time (2100 UTC) at the age of 78 in Auckland.\n\n"
        "The group has a huge arsenal and has fired 1,000 missiles at us, the general said on Monday.\n\n"
        "The taskforce was set up to fight threats around the COVID-19 vaccine rollout in Sydney.\n\n"
        "Kipchoge set the official world record of 2 hours 1 minute 39 seconds last year in Berlin.\n\n"
        "Some microbes can survive with a millionth of a mole per cubic meter (0.000032 mg per liter) of it.\n\n"
        'He said the army had been "disarmed" ((hu))Hungarian language: lefegyverzett by 2010 in Budapest.\n'
    )
    canberra = mcq(items, "Canberra")["distractors"]
    assert set(canberra) <= {"Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"}  # not its suburbs
    assert not answers(items) & {"100", "2100", "1,000", "19", "1", "39", "0.000032", "2010", "Budapest"}


def test_a_place_the_stem_gives_away_and_a_pronoun_after_a_date_are_not_asked():
    items = deck_of(
        "Five police officers were killed when a man attacked a police station in Shanghai, China, on Monday.\n\n"
        "In mainland China, the practice is technically not illegal, the report says in its summary.\n\n"
        "On March 18, 1965, he performed the first spacewalk, remaining outside for twelve minutes.\n\n"
        "Former Dutch politician Ayaan Hirsi Ali returned to the Netherlands on Monday, her lawyer said.\n"
    )
    assert not answers(items) & {"China", "Netherlands"}
    assert not [item for item in items if "spacewalk" in item["text"]]


def test_a_country_gets_the_nearest_countries_as_options():
    lebanon = deck_of(
        "International organisations are worried about the conflict in Lebanon, the report said.\n"
    )
    singapore = deck_of(
        "Officials in Singapore have intensified the screening of airline passengers this week.\n"
    )
    assert set(mcq(lebanon, "Lebanon")["distractors"]) <= {
        "Syria",
        "Jordan",
        "Israel",
        "Cyprus",
        "Egypt",
        "Palestinian Territories",
        "Iraq",
        "Turkey",
    }
    assert set(mcq(singapore, "Singapore")["distractors"]) <= {
        "Malaysia",
        "Indonesia",
        "Cambodia",
        "Brunei",
        "Thailand",
        "Laos",
        "Vietnam",
    }
