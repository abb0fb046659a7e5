"""Flask-Login's user loader."""

from quizapp.extensions import db, login_manager
from quizapp.models import User


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    try:
        return db.session.get(User, int(user_id))
    except ValueError:
        return None
