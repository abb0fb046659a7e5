"""Item analysis per class: a teacher's figures come from their own students' first attempts only."""

from __future__ import annotations

import datetime as dt

from quizapp.extensions import db

NOW = dt.datetime(2025, 3, 20, 12, 0)


def test_item_analysis_counts_only_the_classes_students(app, create_user):
    from quizapp.models import Attempt, Deck, Question, User
    from quizapp.operations.class_progress import item_analysis
    from quizapp.operations.classes import taught_student_ids
    from quizapp.operations.reviews import update_review

    for name in ("a1", "a2", "a3", "a4", "a5"):
        create_user(name, school_class="Klasse A")
    for name in ("b1", "b2", "b3", "b4", "b5", "b6"):
        create_user(name, school_class="Klasse B")
    create_user("tina", teacher=True, school_class="Klasse A")
    create_user("otto", teacher=True, school_class="Klasse B")
    with app.app_context():
        deck = db.session.get(Deck, "nordkorea-russland")
        cloze = db.session.scalars(db.select(Question).where(Question.deck_id == deck.id, Question.type == "cloze")
                                   .order_by(Question.position)).first()
        for user in db.session.scalars(db.select(User).where(User.is_teacher.is_(False))):
            right = user.username.startswith("a")
            attempt = Attempt(user_id=user.id, question_id=cloze.id, verdict="right" if right else "wrong",
                              answer_given=cloze.answer if right else "Wolga", created_at=NOW)
            db.session.add(attempt)
            db.session.flush()
            update_review(attempt, cloze, NOW)
        db.session.commit()

        def stats(teacher_name: str | None):
            scope = None
            if teacher_name:
                scope = taught_student_ids(db.session.scalar(db.select(User).where(User.username == teacher_name)))
            return dict(item_analysis(deck, 5, scope))[cloze]

        tina, otto, everyone = stats("tina"), stats("otto"), stats(None)
        assert (tina.learners, tina.facility, tina.wrong_answers) == (5, 1.0, [])
        assert (otto.learners, otto.facility, otto.wrong_answers) == (6, 0.0, [("Wolga", 6)])
        assert (everyone.learners, everyone.wrong_answers) == (11, [("Wolga", 6)])
