"""Flask-Login's user loader: the cookie names an account and its current session nonce."""

import hmac

from quizapp.extensions import db, login_manager
from quizapp.models import User


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The account of a session or remember cookie, or None once the account's nonce has changed."""
    user_id, _, nonce = session_id.partition(":")
    if not (user_id.isascii() and user_id.isdigit() and len(user_id) <= 9 and nonce):
        return None  # also cookies from before nonces existed ("7"): those sessions end
    user = db.session.get(User, int(user_id))
    if user is None or not hmac.compare_digest(user.session_nonce.encode(), nonce.encode()):
        return None
    return user
