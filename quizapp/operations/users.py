"""Creating accounts and checking logins, from the forms and the CLI alike."""

from __future__ import annotations

from functools import lru_cache
import secrets

from sqlalchemy import or_, select
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.accounts import clean_username, username_key
from quizapp.extensions import db
from quizapp.models import User
from quizapp.operations.passwords import redeem_reset_code


class UsernameTaken(ValueError):
    """The username exists already (compared by username_key: case, width and "ß"/"ss" do not count)."""


def find_user(username: str) -> User | None:
    """The account of this name: the one spelt exactly so, else the one whose name reads the same.

    Exact spelling comes first for the few accounts that shared a key before keys existed (see migration
    0005): each still logs in with its own spelling.
    """
    name = clean_username(username)
    candidates = db.session.scalars(
        select(User).where(or_(User.username_key == username_key(name), User.username == name))
    ).all()
    return next((u for u in candidates if u.username == name), candidates[0] if candidates else None)


def create_user(username: str, password: str, is_teacher: bool = False, is_admin: bool = False) -> User:
    """Add a user with a hashed password; raise UsernameTaken for a duplicate. An admin is a teacher too."""
    username = clean_username(username)
    if find_user(username) is not None:
        raise UsernameTaken(username)
    user = User(username=username, username_key=username_key(username), is_teacher=is_teacher or is_admin,
                is_admin=is_admin)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


@lru_cache(maxsize=1)
def dummy_password_hash() -> str:
    """A hash no password matches, made as real ones are, so that a missing account costs as much time."""
    return generate_password_hash(secrets.token_urlsafe(32))


def authenticate(username: str, password: str) -> User | None:
    """The account if the password (or its one-time code, which is then used up) is right; as slow for an
    unknown name as for a wrong password. The caller commits."""
    user = find_user(username)
    if user is None or user.deleted_at is not None:
        check_password_hash(dummy_password_hash(), password)
        return None
    return user if user.check_password(password) or redeem_reset_code(user, password) else None
