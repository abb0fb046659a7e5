"""Study sessions through the app: length, one sibling per fact, resume, skip, empty answers, hidden items."""

import datetime as dt
import re

from sqlalchemy import select

from quizapp.checking import Verdict
from quizapp.extensions import db
from quizapp.models import Attempt, Deck, Question, QuizRun, ReviewCard, User
from quizapp.operations.banks import sync_question_banks
from quizapp.operations.quiz import Marking, record_attempt, run_state
from quizapp.operations.sessions import start_session

DECK = "nordkorea-russland"
SIBLINGS = {"nkru-grenzfluss-tumen", "nkru-grenzfluss-tumen-cloze"}
QUESTION_RE = re.compile(r'name="question_id" type="hidden" value="([^"]+)"')


def start(forms, length: str | None = None):
    return forms.post(f"/decks/{DECK}/start", {"length": length} if length else {}, page="/")


def run_of(app, url: str) -> QuizRun:
    with app.app_context():
        run = db.session.get(QuizRun, int(url.rsplit("/", 1)[1]))
        db.session.expunge(run)
        return run


def answer(app, client, forms, run_url: str, right: bool = True, **extra):
    page = client.get(run_url).get_data(as_text=True)
    qid = QUESTION_RE.search(page).group(1)
    with app.app_context():
        question = db.session.get(Question, qid)
        data = {"question_id": qid}
        if question.type == "mcq":
            data["choice"] = question.answer if right else question.distractors[0]
        else:
            for n, gap in enumerate(question.answer.split(" … ")):
                data[f"gaps-{n}"] = gap if right else "völlig falsch"
    data.update(extra)
    return forms.post(run_url + "/answer", data, page=run_url), qid


def test_default_session_has_15_questions_one_per_fact_no_same_sentence_neighbours(app, client, forms, auth):
    auth.register("anna")
    response = start(forms)
    run = run_of(app, response.headers["Location"])
    assert len(run.question_ids) == 15 and len(set(run.question_ids)) == 15
    assert not SIBLINGS <= set(run.question_ids)
    with app.app_context():
        sentences = {q.id: " ".join(q.source_sentence.split()) for q in db.session.scalars(select(Question))}
    assert all(sentences[a] != sentences[b] for a, b in zip(run.question_ids, run.question_ids[1:]))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 of 15" in page or "1 von 15" in page


def test_the_learner_picks_the_length_and_a_wrong_one_is_refused(app, client, forms, auth):
    auth.register("anna")
    assert len(run_of(app, start(forms, "10").headers["Location"]).question_ids) == 10
    refused = start(forms, "9999")
    page = client.get(refused.headers["Location"]).get_data(as_text=True)
    assert "choose 10, 15, 30 or all" in page or "wähle 10, 15, 30 oder alle" in page
    with app.app_context():
        assert db.session.query(QuizRun).count() == 1


def test_an_unfinished_session_is_offered_on_any_device_and_a_new_one_ends_it(app, client, forms, auth):
    auth.register("anna")
    run_url = start(forms).headers["Location"]
    for _ in range(5):
        answer(app, client, forms, run_url)
    other_device = app.test_client()  # another browser: only the account is shared
    from tests.conftest import FormClient
    FormClient(other_device).post("/auth/login", {"username": "anna", "password": "geheim123"})
    home = other_device.get("/").get_data(as_text=True)
    assert "question 6 of 15" in home or "Frage 6 von 15" in home
    assert f'href="{run_url}"' in home
    page = other_device.get(run_url).get_data(as_text=True)
    assert "6 of 15" in page or "6 von 15" in page
    new_url = start(forms, "10").headers["Location"]
    assert client.get(run_url).headers["Location"].endswith(run_url + "/summary")  # the old one has ended
    summary = client.get(run_url + "/summary").get_data(as_text=True)
    assert "5 of 5" in summary or "5 von 5" in summary  # its answers are kept
    home = client.get("/").get_data(as_text=True)
    assert ("question 1 of 10" in home or "Frage 1 von 10" in home) and f'href="{new_url}"' in home
    with app.app_context():
        assert db.session.query(Attempt).count() == 5


def test_i_dont_know_counts_as_again_and_says_so(app, client, forms, auth):
    auth.register("anna")
    run_url = start(forms).headers["Location"]
    page = client.get(run_url).get_data(as_text=True)
    assert "I don't know" in page or "Weiß ich nicht" in page
    response, qid = answer(app, client, forms, run_url, skip="1", choice="", **{"gaps-0": ""})
    feedback = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Skipped: counts as “Again”" in feedback or "Übersprungen: zählt als „Nochmal“" in feedback
    with app.app_context():
        attempt = db.session.scalars(select(Attempt)).one()
        assert (attempt.question_id, attempt.verdict, attempt.answer_given) == (qid, "wrong", "")
        card = db.session.scalars(select(ReviewCard)).one()
        assert card.fsrs_card["step"] == 0 and card.state == "learning"  # Again: back to the first step
        assert card.due - card.last_review <= dt.timedelta(minutes=1)


def test_enter_on_an_empty_gap_asks_again_and_records_nothing(app, client, forms, auth):
    auth.register("anna")
    run_url = start(forms, "all").headers["Location"]
    with app.app_context():
        run = db.session.get(QuizRun, int(run_url.rsplit("/", 1)[1]))
        run.question_ids = ["nkru-raketentest-sprengkopf", *run.question_ids]
        db.session.commit()
    client.get(run_url)
    response = forms.post(run_url + "/answer", {"question_id": "nkru-raketentest-sprengkopf", "gaps-0": "  "},
                          page=run_url)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Type an answer" in page or "Gib eine Antwort ein" in page
    with app.app_context():
        assert db.session.query(Attempt).count() == 0 and db.session.query(ReviewCard).count() == 0


def set_status(app, questions_dir, qid: str, status: str) -> None:
    path = questions_dir / f"{DECK}.yaml"
    head, tail = path.read_text(encoding="utf-8").split(f"id: {qid}\n", 1)
    tail = re.sub(r"status: \w+", f"status: {status}", tail, count=1)
    path.write_text(head + f"id: {qid}\n" + tail, encoding="utf-8")
    with app.app_context():
        sync_question_banks(questions_dir)
        db.session.commit()
        assert db.session.get(Question, qid).status == status


def test_an_item_set_back_to_draft_or_retired_is_never_served_again(app, client, forms, auth, questions_dir):
    auth.register("anna")
    run_url = start(forms, "all").headers["Location"]
    run = run_of(app, run_url)
    missed = [answer(app, client, forms, run_url, right=False)[1] for _ in range(3)]
    set_status(app, questions_dir, missed[0], "draft")
    set_status(app, questions_dir, missed[1], "retired")
    drafted_later, retired_later = run.question_ids[5], run.question_ids[6]
    set_status(app, questions_dir, drafted_later, "draft")
    set_status(app, questions_dir, retired_later, "retired")
    served = []
    while (page := client.get(run_url)).status_code == 200:
        served.append(answer(app, client, forms, run_url)[1])
    assert not {drafted_later, retired_later} & set(served)
    assert len(served) == 21 - 3 - 2
    retry = forms.post(run_url + "/retry-missed", page=run_url + "/summary")
    assert run_of(app, retry.headers["Location"]).question_ids == [missed[2]]


def test_recognition_before_recall_over_two_days(app, create_user):
    """Day 1 asks the Tumen fact as multiple choice; once right, its cloze sibling waits for day 2."""
    create_user("anna")
    day1 = dt.datetime(2026, 3, 10, 8, 0)
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "anna"))
        deck = db.session.get(Deck, DECK)
        run = start_session(user, deck, None, now=day1)
        assert "nkru-grenzfluss-tumen" in run.question_ids
        assert "nkru-grenzfluss-tumen-cloze" not in run.question_ids
        for qid in run.question_ids:  # every fact recognised right on day 1
            question = db.session.get(Question, qid)
            marking = Marking(Verdict.RIGHT, question.answer if question.type == "mcq" else question.answer)
            record_attempt(run, user, question, marking, now=day1)
        db.session.commit()
        later = start_session(user, deck, 30, now=day1 + dt.timedelta(hours=2))
        assert later is None or not SIBLINGS & set(later.question_ids)  # the cloze sibling is buried today
        db.session.rollback()
        day2 = start_session(user, deck, 30, now=day1 + dt.timedelta(days=1))
        assert "nkru-grenzfluss-tumen-cloze" in day2.question_ids  # recall once recognised
        assert "nkru-grenzfluss-tumen" not in day2.question_ids
        assert run_state(day2).total == len(day2.question_ids)


def test_a_review_or_practice_run_also_ends_the_unfinished_session(app, client, forms, auth):
    auth.register("anna")
    run_url = start(forms).headers["Location"]
    answer(app, client, forms, run_url)
    review_url = forms.post("/progress/review", page="/").headers["Location"]
    assert client.get(run_url).headers["Location"].endswith("/summary")
    home = client.get("/").get_data(as_text=True)
    assert f'id="resume" href="{review_url}"' in home


def test_a_review_asks_one_sibling_per_fact_and_buries_the_other_after_an_answer(app, create_user):
    from quizapp.operations.reviews import review_queue

    create_user("anna")
    now = dt.datetime(2026, 3, 10, 8, 0)
    with app.app_context():
        app.config["REVIEW_NEW_PER_DAY"] = 50
        user = db.session.scalar(select(User).where(User.username == "anna"))
        queue = review_queue(user, now)
        assert "nkru-grenzfluss-tumen" in queue and "nkru-grenzfluss-tumen-cloze" not in queue
        run = QuizRun(user_id=user.id, deck_id=DECK, mode="deck", question_ids=["nkru-grenzfluss-tumen"])
        db.session.add(run)
        db.session.flush()
        tumen = db.session.get(Question, "nkru-grenzfluss-tumen")
        record_attempt(run, user, tumen, Marking(Verdict.WRONG, "x"), now=now)
        queue = review_queue(user, now + dt.timedelta(minutes=5))
        assert "nkru-grenzfluss-tumen" in queue and "nkru-grenzfluss-tumen-cloze" not in queue
        db.session.rollback()
