"""Planning a study session: one item per fact, recognition before recall, burying, seeded mixed order."""

import datetime as dt

from quizapp.scheduling.sessions import Candidate, plan_session, session_length

NOW = dt.datetime(2026, 3, 10, 9, 0)
DAY_START = dt.datetime(2026, 3, 9, 23, 0)  # Berlin midnight in UTC
YESTERDAY = NOW - dt.timedelta(days=1)


def deck(facts: int = 20, per_sentence: int = 2) -> list[Candidate]:
    """`facts` facts, each with an mcq and a cloze sibling; `per_sentence` facts share a source sentence."""
    items = []
    for f in range(facts):
        sentence = f"Satz {f // per_sentence}."
        for kind in ("cloze", "mcq"):
            items.append(Candidate(id=f"f{f}-{kind}", fact=f"f{f}", sentence=sentence, type=kind,
                                   position=len(items)))
    return items


def fact_of(qid: str) -> str:
    return qid.split("-")[0]


def test_a_session_asks_one_item_per_fact_and_no_sentence_twice_in_a_row():
    items = deck()
    sentence = {c.id: c.sentence for c in items}
    for seed in range(30):
        ids = plan_session(items, NOW, DAY_START, 15, seed=f"7:{seed}")
        assert len(ids) == 15
        assert len({fact_of(qid) for qid in ids}) == 15
        assert all(sentence[a] != sentence[b] for a, b in zip(ids, ids[1:]))


def test_the_order_is_reproducible_per_seed_and_differs_between_sessions():
    items = deck()
    assert plan_session(items, NOW, DAY_START, 15, "7:1") == plan_session(items, NOW, DAY_START, 15, "7:1")
    orders = {tuple(plan_session(items, NOW, DAY_START, 15, f"7:{n}")) for n in range(5)}
    assert len(orders) == 5
    assert plan_session(items, NOW, DAY_START, 15, "7:1") != plan_session(items, NOW, DAY_START, 15, "8:1")


def test_all_questions_is_every_fact_once():
    ids = plan_session(deck(), NOW, DAY_START, None, "1:0")
    assert sorted(fact_of(qid) for qid in ids) == sorted(f"f{n}" for n in range(20))


def answered(item: Candidate, verdict: str, when: dt.datetime, due: dt.datetime) -> Candidate:
    return Candidate(id=item.id, fact=item.fact, sentence=item.sentence, type=item.type,
                     position=item.position, due=due, last_review=when, last_verdict=verdict)


def with_history(items: list[Candidate], history: dict[str, tuple[str, dt.datetime, dt.datetime]]):
    return [answered(c, *history[c.id]) if c.id in history else c for c in items]


def test_recognition_before_recall():
    items = deck(facts=3, per_sentence=1)
    assert set(plan_session(items, NOW, DAY_START, 10, "s")) == {"f0-mcq", "f1-mcq", "f2-mcq"}  # new: mcq
    history = {
        "f0-mcq": ("right", YESTERDAY, NOW),  # recognised yesterday: now typed
        "f1-mcq": ("wrong", YESTERDAY, NOW),  # missed: multiple choice again
        "f2-cloze": ("wrong", YESTERDAY, NOW),  # a typed item missed falls back to multiple choice
    }
    assert set(plan_session(with_history(items, history), NOW, DAY_START, 10, "s")) == {
        "f0-cloze", "f1-mcq", "f2-mcq"}
    history["f2-cloze"] = ("right", YESTERDAY, NOW)  # typed right: stays typed
    assert "f2-cloze" in plan_session(with_history(items, history), NOW, DAY_START, 10, "s")


def test_a_fact_answered_today_buries_its_siblings_until_tomorrow():
    items = deck(facts=2, per_sentence=1)
    today = NOW - dt.timedelta(hours=1)
    history = {"f0-mcq": ("right", today, today + dt.timedelta(minutes=10))}  # next: the cloze, a sibling
    assert plan_session(with_history(items, history), NOW, DAY_START, 10, "s") == ["f1-mcq"]
    tomorrow = NOW + dt.timedelta(days=1)
    next_day = DAY_START + dt.timedelta(days=1)
    assert "f0-cloze" in plan_session(with_history(items, history), tomorrow, next_day, 10, "s")
    history = {"f0-mcq": ("wrong", today, today + dt.timedelta(minutes=1))}  # the same item again: not buried
    assert "f0-mcq" in plan_session(with_history(items, history), NOW, DAY_START, 10, "s")
    assert "f0-cloze" in plan_session(with_history(items, {"f0-mcq": ("right", today, NOW)}), NOW, DAY_START,
                                      None, "s")  # a full test buries nothing


def test_due_facts_come_before_new_ones_and_new_before_later():
    items = deck(facts=6, per_sentence=1)
    history = {"f0-mcq": ("right", YESTERDAY - dt.timedelta(days=3), NOW - dt.timedelta(days=2)),
               "f1-mcq": ("right", YESTERDAY, NOW + dt.timedelta(days=3))}  # not due for three days
    ids = plan_session(with_history(items, history), NOW, DAY_START, 5, "s")
    assert "f0-cloze" in ids and not any(fact_of(qid) == "f1" for qid in ids)
    assert len(plan_session(with_history(items, history), NOW, DAY_START, 6, "s")) == 6  # filled with later


def test_session_lengths():
    assert [session_length(v) for v in ("10", "15", "30", "all", None, "")] == [10, 15, 30, None, 15, 15]
    assert session_length("1000") is False and session_length("x") is False
