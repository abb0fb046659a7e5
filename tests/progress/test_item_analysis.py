"""Item analysis against figures worked out by hand for five students and three items.

First-attempt marks (right 1; almost right and wrong 0: almost right is counted apart, not as right) and totals:

    student  fluss  grenze  bruecke         total
    s1       1      1       0               2
    s2       1      0       1               2
    s3       1      1       0               2
    s4       0      0       0 (almost)      0
    s5       0      1       0               1

fluss: marks 1,1,1,0,0 (mean .6), rest 1,1,1,0,1 (mean .8); var .3 and .2, cov .15
  -> discrimination 100 * .15 / sqrt(.06) = 61.24; sorted pairing gives cov .15 too -> efficiency 100.
grenze: marks 1,0,1,0,1, rest 1,2,1,0,0 (mean .8); var .3 and .7, cov -.1
  -> discrimination 100 * -.1 / sqrt(.21) = -21.82; sorted pairing: cov .4 -> efficiency -25.
bruecke: marks 0,1,0,0,0 (mean .2), rest 2,1,2,0,1 (mean 1.2); var .2 and .7, cov -.05
  -> discrimination 100 * -.05 / sqrt(.14) = -13.36; sorted pairing: cov .2 -> efficiency -25.
"""

import re

import pytest

from quizapp.analytics.item_analysis import MARKS, ItemInfo, analyse, sums_by_item
from quizapp.extensions import db
from quizapp.models import Deck
from quizapp.operations.class_progress import item_analysis

from .conftest import NOW

ITEMS = [ItemInfo("t-fluss", "mcq", "Amur", ("Jalu", "Ussuri")),
         ItemInfo("t-grenze", "mcq", "17", ("12", "30")),
         ItemInfo("t-bruecke", "cloze", "Tumen")]
FIRST = {  # student: (verdict, answer) per item
    "s1": [("right", "Amur"), ("right", "17"), ("wrong", "Jalu")],
    "s2": [("right", "Amur"), ("wrong", "12"), ("right", "Tumen")],
    "s3": [("right", "Amur"), ("right", "17"), ("wrong", "Amur")],
    "s4": [("wrong", "Jalu"), ("wrong", "30"), ("almost", "Tumenn")],
    "s5": [("wrong", "Jalu"), ("right", "17"), ("wrong", "amur ")],
}


def expected_figures(stats):
    return {s.item.id: (s.learners, round(s.facility, 4), round(s.discrimination, 2), round(s.efficiency, 2),
                        [f.code + (f":{f.option}" if f.option else "") for f in s.flags]) for s in stats}


EXPECTED = {
    "t-fluss": (5, 0.6, 61.24, 100.0, ["distractor_unused:Ussuri"]),
    "t-grenze": (5, 0.6, -21.82, -25.0, ["negative_discrimination", "low_efficiency"]),
    "t-bruecke": (5, 0.2, -13.36, -25.0, ["negative_discrimination", "low_efficiency"]),
}


def test_hand_computed_figures():
    marks = [(s, item.id, MARKS[v]) for s, answers in FIRST.items() for item, (v, _a) in zip(ITEMS, answers)]
    counts = {"t-fluss": {"Amur": 3, "Jalu": 2}, "t-grenze": {"17": 3, "12": 1, "30": 1}}
    stats = analyse(ITEMS, sums_by_item(marks), counts, min_learners=5)
    assert expected_figures(stats) == EXPECTED
    fluss = stats[0]
    assert fluss.options == [("Amur", 3, True), ("Jalu", 2, False), ("Ussuri", 0, False)]


def test_too_few_learners_gives_no_numbers():
    marks = [("s1", "t-fluss", 1.0), ("s2", "t-fluss", 0.0)]
    stats = analyse(ITEMS[:1], sums_by_item(marks), min_learners=5)[0]
    assert (stats.learners, stats.enough, stats.facility, stats.flags) == (2, False, None, [])


def test_distractor_chosen_more_than_answer_and_easy_items_are_flagged():
    marks = [(f"s{i}", "t-fluss", 0.0 if i < 4 else 1.0) for i in range(6)]
    stats = analyse(ITEMS[:1], sums_by_item(marks), {"t-fluss": {"Jalu": 3, "Ussuri": 1, "Amur": 2}}, min_learners=5)[0]
    assert "distractor_beats_answer" in [f.code for f in stats.flags]
    easy = analyse(ITEMS[:1], sums_by_item([(f"s{i}", "t-fluss", 1.0) for i in range(10)]), min_learners=5)[0]
    assert easy.facility == 1.0 and "too_easy" in [f.code for f in easy.flags]
    assert easy.discrimination is None  # everyone right: no variance, no correlation


@pytest.fixture
def class_answers(create_user, answer):
    for name in [*FIRST, "teacher"]:
        create_user(name, teacher=name == "teacher")
    for name, answers in FIRST.items():
        for item, (verdict, given) in zip(ITEMS, answers):
            answer(name, item.id, verdict, given)
    answer("s4", "t-fluss", "right", "Amur", when=NOW.replace(hour=13))  # later attempts do not count
    answer("teacher", "t-fluss", "wrong", "Ussuri")  # teachers do not count


def test_database_figures_match_hand_computed(app, class_answers):
    with app.app_context():
        rows = item_analysis(db.session.get(Deck, "testdeck"), min_learners=5)
        assert expected_figures(stats for _q, stats in rows) == EXPECTED
        bruecke = rows[2][1]
        # "Amur" and "amur " are one wrong answer, shown as typed; the almost right "Tumenn" is not wrong
        assert bruecke.wrong_answers == [("Amur", 2), ("Jalu", 1)]
        assert bruecke.almost == 1 and rows[0][1].almost == 0


def test_item_page_shows_figures_flags_and_links(app, client, auth, class_answers):
    auth.login("teacher")
    page = client.get("/progress/class/decks/testdeck/items").get_data(as_text=True)
    assert "61.2%" in page and "-21.8%" in page and "60%" in page  # every figure in percent
    assert "almost right: 1" in page and "counted apart" in page  # said once, on the page, how it counts
    with app.test_request_context():
        from quizapp.progress.class_routes import editor_url
        link = editor_url("t-fluss") or "#item-t-fluss"  # the editor once the teacher pages have one
    flag = re.search(r'<a href="([^"]+)" class="flag">[^<]*<span class="given">(?:<bdi>)?Ussuri', page)
    assert flag and flag.group(1) == link
    nk = client.get("/progress/class/decks/nachbarn/items").get_data(as_text=True)
    assert "not enough answers yet (0/5)" in nk  # nobody answered: numbers withheld, and said so


def item_order(page: str) -> list[str]:
    return re.findall(r'<tr id="item-([^"]+)"', page)


def test_item_table_is_worst_first_and_sorts_without_javascript(client, auth, class_answers):
    auth.login("teacher")
    page = client.get("/progress/class/decks/testdeck/items").get_data(as_text=True)
    assert item_order(page) == ["t-grenze", "t-bruecke", "t-fluss"]  # discrimination -21.8, -13.4, 61.2
    assert 'aria-sort="ascending"' in page
    best = client.get("/progress/class/decks/testdeck/items?sort=discrimination&order=desc")
    best = best.get_data(as_text=True)
    assert item_order(best) == ["t-fluss", "t-bruecke", "t-grenze"]
    deck_order = client.get("/progress/class/decks/testdeck/items?sort=position").get_data(as_text=True)
    assert item_order(deck_order) == ["t-fluss", "t-grenze", "t-bruecke"]
    nonsense = client.get("/progress/class/decks/testdeck/items?sort=__class__&order=up")
    assert nonsense.status_code == 200 and item_order(nonsense.get_data(as_text=True))[0] == "t-grenze"


def test_item_page_in_german_uses_decimal_commas_and_says_what_to_do(client, auth, class_answers):
    auth.login("teacher")
    page = client.get("/progress/class/decks/testdeck/items", headers={"Accept-Language": "de"})
    page = page.get_data(as_text=True)
    assert "61,2\u00a0%" in page and "-21,8\u00a0%" in page and "60\u00a0%" in page
    assert "61.2" not in page and "-21.8" not in page
    assert "fast richtig: 1" in page and "getrennt gezählt" in page
    assert "Negative Trennschärfe" in page and "prüfe die Antwort und die Formulierung" in page
    assert "Amur</bdi></td>" in page and "amur</bdi></td>" not in page  # typed answers as the students typed them
    assert "Tumenn" not in page  # almost right is not listed as wrong


def test_retired_items_are_hidden_until_asked_for(app, client, auth, class_answers, questions_dir):
    path = questions_dir / "testdeck.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: approved\n  - id: t-bruecke",
                                                             "status: retired\n  - id: t-bruecke"),
                    encoding="utf-8")
    auth.login("teacher")
    client.application.test_cli_runner().invoke(args=["sync-banks"])
    page = client.get("/progress/class/decks/testdeck/items").get_data(as_text=True)
    assert item_order(page) == ["t-bruecke", "t-fluss"] and "Show retired items (1)" in page
    shown = client.get("/progress/class/decks/testdeck/items?retired=1").get_data(as_text=True)
    assert "t-grenze" in item_order(shown)


def test_cached_figures_follow_each_new_first_attempt(app, create_user, answer, class_answers):
    with app.app_context():
        before = item_analysis(db.session.get(Deck, "testdeck"), min_learners=5)[0][1].learners
    create_user("s6")
    answer("s6", "t-fluss", "wrong", "Ussuri")
    with app.app_context():
        after = item_analysis(db.session.get(Deck, "testdeck"), min_learners=5)[0][1]
    assert (before, after.learners) == (5, 6)
    assert "distractor_unused" not in [f.code for f in after.flags]
