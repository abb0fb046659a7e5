"""auth: usernames compared by a normalised key, and a per-account session nonce

Revision ID: 0005_auth_usernames_sessions
Revises: 0004_item_tallies

`username_key` is NFKC(casefold(NFKC(name))), unique: "Straße", "STRASSE" and full-width "ｓｔｒａｓｓｅ"
are one name from now on. Accounts that already share a key all keep working: the oldest (lowest id) gets
the plain key, each later one the key plus "#<id>" (a "#" cannot occur in a registered name), and logs in
with its exact spelling as before (quizapp.operations.users.find_user tries the exact name first).

`session_nonce` is part of every session and remember cookie; changing it logs the account out everywhere.
Every account gets a fresh one here, so everyone logs in once more after this upgrade.
"""
import secrets
import unicodedata

from alembic import op
import sqlalchemy as sa


revision = '0005_auth_usernames_sessions'
down_revision = '0004_item_tallies'
branch_labels = None
depends_on = None


def username_key(name):
    """As quizapp.accounts.username_key at the time of this migration."""
    return unicodedata.normalize('NFKC', unicodedata.normalize('NFKC', name.strip()).casefold())


def upgrade():
    # NOT NULL with a default so that SQLite adds the columns in place (no table copy under foreign keys)
    op.add_column('users', sa.Column('username_key', sa.String(length=255), nullable=False,
                                     server_default=''))
    op.add_column('users', sa.Column('session_nonce', sa.String(length=64), nullable=False,
                                     server_default=''))
    bind = op.get_bind()
    users = sa.table('users', sa.column('id', sa.Integer), sa.column('username', sa.String),
                     sa.column('username_key', sa.String), sa.column('session_nonce', sa.String))
    taken = set()
    for user_id, username in bind.execute(sa.select(users.c.id, users.c.username).order_by(users.c.id)).all():
        key = username_key(username)
        if key in taken:
            key = f'{key}#{user_id}'
        taken.add(key)
        bind.execute(users.update().where(users.c.id == user_id).values(
            username_key=key[:255], session_nonce=secrets.token_urlsafe(24)))
    op.create_index('ix_users_username_key', 'users', ['username_key'], unique=True)
    if bind.dialect.name != 'sqlite':  # SQLite cannot drop a default without copying the table
        op.alter_column('users', 'username_key', server_default=None)
        op.alter_column('users', 'session_nonce', server_default=None)


def downgrade():
    op.drop_index('ix_users_username_key', table_name='users')
    op.drop_column('users', 'session_nonce')
    op.drop_column('users', 'username_key')
