"""Creating accounts, from the registration form and the CLI alike."""

from __future__ import annotations

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import User


class UsernameTaken(ValueError):
    """The username exists already (compared without regard to case)."""


def find_user(username: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))


def create_user(username: str, password: str, is_teacher: bool = False) -> User:
    """Add a user with a hashed password; raise UsernameTaken for a duplicate."""
    username = username.strip()
    if find_user(username) is not None:
        raise UsernameTaken(username)
    user = User(username=username, is_teacher=is_teacher)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user
