"""The app plus one benchmark-only endpoint: the least work any answer POST must do (benchmarks/load.py --floor).

POST /bench/write: a signed-in user (Flask-Login), the CSRF check, one INSERT of one row and the commit, then
a redirect, as an answer POST ends. Everything an answer POST does beyond that (the run and the question,
the form, marking, FSRS, the review card and the tallies) is what its throughput pays for. Served by gunicorn
as `floor_app:create_floor_app()` from this folder; never part of the app itself.
"""

from __future__ import annotations

from flask import Blueprint, redirect
from flask_login import current_user, login_required
from sqlalchemy import Column, Integer, MetaData, Table, insert

from quizapp import create_app
from quizapp.extensions import db

BENCH_WRITES = Table("bench_writes", MetaData(), Column("id", Integer, primary_key=True),
                     Column("user_id", Integer, nullable=False))
bp = Blueprint("bench", __name__, url_prefix="/bench")


@bp.post("/write")
@login_required
def write():
    db.session.execute(insert(BENCH_WRITES), {"user_id": current_user.id})
    db.session.commit()
    return redirect("/")


def create_floor_app():
    app = create_app()
    app.register_blueprint(bp)
    with app.app_context():
        BENCH_WRITES.create(db.engine, checkfirst=True)
    return app
