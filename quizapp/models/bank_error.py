"""Problems found in bank files at the last sync, for the teacher pages of every worker."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.bank import BankError
from quizapp.extensions import db
from quizapp.models.time import utcnow


class BankLoadError(db.Model):
    """One problem in a rejected bank file; the whole table is replaced at each sync."""

    __tablename__ = "bank_load_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500), nullable=False, index=True)
    display_name: Mapped[str] = mapped_column(String(500), nullable=False)
    line: Mapped[int] = mapped_column(Integer, nullable=False)
    column: Mapped[int] = mapped_column(Integer, nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    def as_bank_error(self) -> BankError:
        return BankError(self.display_name, self.line, self.column, self.message)

    def __str__(self) -> str:
        return str(self.as_bank_error())
