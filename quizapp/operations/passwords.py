"""Changing passwords, one-time reset codes, and who may reset whose password.

A reset replaces the password by a one-time code: the old password stops working, every login of the
account ends, and the code logs in once (within RESET_CODE_VALID), after which every page asks for a new
password first. The route or command commits.
"""

from __future__ import annotations

import datetime as dt
import secrets

from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.accounts import new_reset_code, normal_reset_code
from quizapp.models import User
from quizapp.models.time import utcnow

# Long enough to hand the code over in the next lesson, short enough that a lost slip of paper expires.
RESET_CODE_VALID = dt.timedelta(days=7)


def may_reset_password(actor: User, target: User) -> bool:
    """May `actor` give `target` a one-time code? The one place this is decided.

    An admin resets teachers' and students' passwords, a teacher those of the students in the classes they
    teach. Nobody resets their own (they change it) or a deleted account's.
    """
    from quizapp.operations.classes import teaches_student

    if target.deleted_at is not None or actor.id == target.id:
        return False
    if target.is_teacher or actor.is_admin:
        return actor.is_admin
    return actor.is_teacher and teaches_student(actor, target.id)


def issue_reset_code(user: User, now: dt.datetime | None = None) -> str:
    """Give the account a new one-time code and return it (it is stored only as a hash: show it once)."""
    code = new_reset_code()
    user.set_password(secrets.token_urlsafe(32))  # the old password stops working; every login ends
    user.reset_code_hash = generate_password_hash(normal_reset_code(code))
    user.reset_code_expires_at = (now or utcnow()) + RESET_CODE_VALID
    user.must_change_password = True
    return code


def redeem_reset_code(user: User, typed: str, now: dt.datetime | None = None) -> bool:
    """True if `typed` is the account's unexpired one-time code; the code is then used up."""
    if user.reset_code_hash is None or user.reset_code_expires_at is None:
        return False
    if user.reset_code_expires_at <= (now or utcnow()):
        return False
    if not check_password_hash(user.reset_code_hash, normal_reset_code(typed)):
        return False
    user.reset_code_hash = user.reset_code_expires_at = None
    user.must_change_password = True
    return True


def change_password(user: User, password: str) -> None:
    """Set the password the user chose; any one-time code goes, and so do all other logins."""
    user.set_password(password)
    user.reset_code_hash = user.reset_code_expires_at = None
    user.must_change_password = False
