"""Learners and teachers."""

from __future__ import annotations

import datetime as dt
import secrets

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.extensions import db
from quizapp.models.time import utcnow


def new_session_nonce() -> str:
    return secrets.token_urlsafe(24)


class User(UserMixin, db.Model):
    """A person who logs in: a student, or a teacher when `is_teacher` is set."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    # accounts.username_key(username): "Straße", "STRASSE" and full-width "ｓｔｒａｓｓｅ" are one name
    username_key: Mapped[str] = mapped_column(String(255), unique=True, index=True, nullable=False)
    # part of the id in the session and remember cookies; a new one ends every login of this account
    session_nonce: Mapped[str] = mapped_column(String(64), nullable=False, default=new_session_nonce)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    is_teacher: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # creates teacher accounts in the browser (quizapp.admin); an admin is a teacher too
    is_admin: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    # set by a one-time code (quizapp.operations.passwords): every page asks for a new password first
    must_change_password: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    reset_code_hash: Mapped[str | None] = mapped_column(String(255))
    reset_code_expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # deleted: no name, no password; its answers stay for item statistics (docs/data-protection.md)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    def set_password(self, password: str) -> None:
        """Store a slow salted hash (werkzeug's scrypt), never the password; end every login made before."""
        self.password_hash = generate_password_hash(password)
        self.end_sessions()

    def end_sessions(self) -> None:
        """Log this account out everywhere: session and remember cookies issued before stop working."""
        self.session_nonce = new_session_nonce()

    def get_id(self) -> str:
        """What Flask-Login keeps in the session and remember cookies: the id and the current nonce."""
        return f"{self.id}:{self.session_nonce}"

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def __repr__(self) -> str:
        role = " (admin)" if self.is_admin else " (teacher)" if self.is_teacher else ""
        return f"<User {self.username}{role}>"
