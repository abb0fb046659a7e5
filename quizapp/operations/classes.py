"""Classes in the database: create, join by code, rename, archive, rotate the code, members and teachers.

Plain functions that add and flush; the route or command commits once.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import delete, exists, func, select

from quizapp.extensions import db
from quizapp.models import ClassMembership, SchoolClass, User, class_teachers
from quizapp.models.time import utcnow

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud and typed on phones
CODE_LENGTH = 8
CLASS_NAME_CHARS = 80


def is_admin(user) -> bool:
    """An admin (User.is_admin) sees every class; an anonymous visitor has no such attribute."""
    return bool(getattr(user, "is_admin", False))


def normalise_code(typed: str) -> str:
    """The code as stored: upper case, without the spaces and dashes people type between its groups.

    >>> normalise_code(' abcd-efgh ')
    'ABCDEFGH'
    """
    return "".join(ch for ch in (typed or "").upper() if ch.isalnum())[:16]


def new_join_code() -> str:
    """A random code no class has (32**8: guessing one is hopeless; the join form is rate limited too)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not db.session.scalar(select(exists().where(SchoolClass.join_code == code))):
            return code


def create_class(teacher: User, name: str, now: dt.datetime | None = None) -> SchoolClass:
    school_class = SchoolClass(name=name.strip()[:CLASS_NAME_CHARS], join_code=new_join_code(),
                               created_at=now or utcnow())
    school_class.teachers.append(teacher)
    db.session.add(school_class)
    db.session.flush()
    return school_class


def class_by_code(typed: str) -> SchoolClass | None:
    """The open (not archived) class of this code, or None."""
    code = normalise_code(typed)
    if not code:
        return None
    return db.session.scalar(select(SchoolClass).where(SchoolClass.join_code == code,
                                                       SchoolClass.archived_at.is_(None)))


def join_class(student: User, school_class: SchoolClass) -> bool:
    """Put the student into the class; False if they were in it already."""
    if is_member(student.id, school_class.id):
        return False
    db.session.add(ClassMembership(class_id=school_class.id, user_id=student.id))
    db.session.flush()
    return True


def is_member(user_id: int, class_id: int) -> bool:
    return bool(db.session.scalar(select(exists().where(ClassMembership.class_id == class_id,
                                                        ClassMembership.user_id == user_id))))


def remove_student(school_class: SchoolClass, student_id: int) -> bool:
    """Take the student out of the class; their answers stay (they are the student's, not the class's)."""
    result = db.session.execute(delete(ClassMembership).where(ClassMembership.class_id == school_class.id,
                                                              ClassMembership.user_id == student_id))
    return bool(result.rowcount)


def rotate_code(school_class: SchoolClass) -> str:
    """A new join code: the old code and link stop working, members stay."""
    school_class.join_code = new_join_code()
    return school_class.join_code


def add_teacher(school_class: SchoolClass, teacher: User) -> bool:
    """Make a teacher a co-teacher of the class; False if they teach it already."""
    if teacher in school_class.teachers:
        return False
    school_class.teachers.append(teacher)
    return True


def teaches(teacher: User, class_id: int) -> bool:
    return bool(db.session.scalar(select(exists().where(class_teachers.c.class_id == class_id,
                                                        class_teachers.c.user_id == teacher.id))))


def classes_taught(teacher: User, archived: bool = False) -> list[SchoolClass]:
    """The teacher's classes by name; archived ones only when asked."""
    query = select(SchoolClass).join(class_teachers, class_teachers.c.class_id == SchoolClass.id) \
        .where(class_teachers.c.user_id == teacher.id)
    query = query.where(SchoolClass.archived_at.is_not(None) if archived else SchoolClass.archived_at.is_(None))
    return list(db.session.scalars(query.order_by(func.lower(SchoolClass.name), SchoolClass.id)))


def classes_of_student(student: User) -> list[SchoolClass]:
    return list(db.session.scalars(
        select(SchoolClass).join(ClassMembership, ClassMembership.class_id == SchoolClass.id)
        .where(ClassMembership.user_id == student.id, SchoolClass.archived_at.is_(None))
        .order_by(func.lower(SchoolClass.name))))


def taught_student_ids(teacher: User | None, class_id: int | None = None):
    """SQL: the ids of students in the teacher's classes, or in one class (whose teacher the caller checked);
    archived classes count too, so a teacher still reads last year's results."""
    if teacher is None:
        return select(ClassMembership.user_id).where(ClassMembership.class_id == class_id)
    query = select(ClassMembership.user_id).join(class_teachers,
                                                 class_teachers.c.class_id == ClassMembership.class_id) \
        .where(class_teachers.c.user_id == teacher.id)
    if class_id is not None:
        query = query.where(ClassMembership.class_id == class_id)
    return query


def teaches_student(teacher: User, student_id: int) -> bool:
    return bool(db.session.scalar(select(exists(taught_student_ids(teacher).where(
        ClassMembership.user_id == student_id)))))


def member_counts(class_ids: list[int]) -> dict[int, int]:
    if not class_ids:
        return {}
    return dict(db.session.execute(select(ClassMembership.class_id, func.count(ClassMembership.id))
                                   .where(ClassMembership.class_id.in_(class_ids))
                                   .group_by(ClassMembership.class_id)).all())
