"""Keeping and reading the first-attempt tallies behind item analysis (see `quizapp.models.item_tally`)."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
from sqlalchemy import func, or_, select

from quizapp.analytics.item_analysis import MARKS, Sums, sums_by_mark
from quizapp.extensions import db
from quizapp.models import FirstAnswerCount, FirstVerdictLearners, Question, ReviewCard, User
from quizapp.operations.statements import dialect_insert, dialect_name


def answer_hash(answer: str) -> str:
    """The key of an answer in the tallies.

    >>> answer_hash("Amur")[:12]
    '690837323758'
    """
    return hashlib.sha256(answer.encode("utf-8")).hexdigest()


@lru_cache(maxsize=None)
def tally_upserts(name: str):
    """The two upserts of a first attempt (one per tally table), built once per database kind: insert the row,
    or where its primary key exists add this learner, or one to the answer's count; safe under concurrency."""
    verdicts = dialect_insert(FirstVerdictLearners.__table__, name)
    verdicts = verdicts.on_conflict_do_update(
        index_elements=["question_id", "verdict"],
        set_={"learners": verdicts.table.c.learners + " " + verdicts.excluded.learners})
    answers = dialect_insert(FirstAnswerCount.__table__, name)
    answers = answers.on_conflict_do_update(index_elements=["question_id", "verdict", "answer_hash"],
                                            set_={"count": answers.table.c.count + 1})
    return verdicts, answers


def count_first_attempt(user_id: int, question_id: str, verdict: str, answer: str | None) -> None:
    """Add a student's first attempt at a question to the tallies; teachers' attempts do not count."""
    user = db.session.get(User, user_id)
    if user is None or user.is_teacher:
        return
    verdicts, answers = tally_upserts(dialect_name())
    db.session.execute(verdicts, {"question_id": question_id, "verdict": verdict, "learners": str(user_id)})
    answer = answer or ""
    db.session.execute(answers, {"question_id": question_id, "verdict": verdict, "answer_hash": answer_hash(answer),
                                 "answer": answer, "count": 1})


def first_attempt_figures(deck_id: str, learners=None
                          ) -> tuple[dict[str, Sums], dict[str, Counter], dict[str, int]]:
    """Per item of the deck: the sums of students' first marks, how often each first answer was given
    (mcq: every answer as given; other types: the wrong ones, not the almost right, compared without case
    and extra spaces and shown as most students typed them), and how many first answers were almost right.

    `learners` (a select of user ids: a teacher's classes) counts only those students: the tallies keep who
    got each verdict, so the marks are filtered there; the answers come from those students' review cards,
    unless the scope holds every student (then the tallies are theirs already)."""
    by_verdict = [(qid, verdict, np.fromstring(ids, dtype=np.int64, sep=" "))
                  for qid, verdict, ids in db.session.execute(
                      select(FirstVerdictLearners.question_id, FirstVerdictLearners.verdict,
                             FirstVerdictLearners.learners)
                      .join(Question, FirstVerdictLearners.question_id == Question.id)
                      .where(Question.deck_id == deck_id))]
    everyone = learners is None
    if not everyone:
        chosen = np.unique(np.array(db.session.scalars(learners).all(), dtype=np.int64))
        students = db.session.scalar(select(func.count(User.id)).where(User.is_teacher.is_(False))) or 0
        everyone = len(chosen) >= students
        if not everyone and by_verdict:  # one isin over all groups at once, then cut back into the groups
            flat = np.concatenate([ids for _qid, _verdict, ids in by_verdict])
            keep = np.split(np.isin(flat, chosen), np.cumsum([len(ids) for _q, _v, ids in by_verdict])[:-1])
            by_verdict = [(qid, verdict, ids[mask]) for (qid, verdict, ids), mask in zip(by_verdict, keep)]
    groups = [(qid, MARKS.get(verdict, 0.0), ids) for qid, verdict, ids in by_verdict]
    almost = {qid: len(ids) for qid, verdict, ids in by_verdict if verdict == "almost" and len(ids)}
    spellings: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    if everyone:
        rows = db.session.execute(
            select(FirstAnswerCount.question_id, Question.type, FirstAnswerCount.answer, FirstAnswerCount.count)
            .join(Question, FirstAnswerCount.question_id == Question.id)
            .where(Question.deck_id == deck_id, or_(Question.type == "mcq", FirstAnswerCount.verdict == "wrong")))
    else:
        rows = db.session.execute(
            select(ReviewCard.question_id, Question.type, ReviewCard.first_answer, func.count(ReviewCard.id))
            .join(Question, ReviewCard.question_id == Question.id)
            .where(Question.deck_id == deck_id, ReviewCard.user_id.in_(learners),
                   or_(Question.type == "mcq", ReviewCard.first_verdict == "wrong"))
            .group_by(ReviewCard.question_id, Question.type, ReviewCard.first_answer))
    for qid, kind, given, count in rows:
        add_spelling(spellings, qid, kind, given or "", count)
    return sums_by_mark(groups), {qid: shown_answers(by_key) for qid, by_key in spellings.items()}, almost


def add_spelling(spellings: dict, qid: str, kind: str, given: str, count: int) -> None:
    """Count an answer under its group: mcq answers as given, typed ones by their words without case."""
    key = given if kind == "mcq" else " ".join(given.split()).casefold()
    spellings[qid][key][given] += count


def shown_answers(groups: dict[str, Counter]) -> Counter:
    """One entry per group of equal answers, under the spelling most students typed (on a tie the first
    in code point order, so the page does not change between loads).

    >>> shown_answers({"amur": Counter({"Amur": 1, "amur ": 2}), "tumen": Counter({"tumen": 1, "Tumen": 1})})
    Counter({'amur ': 3, 'Tumen': 2})
    """
    return Counter({min(spelling.items(), key=lambda kv: (-kv[1], kv[0]))[0]: spelling.total()
                    for spelling in groups.values()})
