"""accounts: an admin role, one-time reset codes that force a new password, deleted (anonymised) accounts

Revision ID: 0008_accounts_admin_resets
Revises: 0007_classes

Every existing account keeps its password and role: nobody becomes admin here (`quizapp create-user NAME
--admin` makes one), nobody must change a password, no account is deleted.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008_accounts_admin_resets'
down_revision = '0007_classes'
branch_labels = None
depends_on = None


def upgrade():
    # NOT NULL with a default so that SQLite adds the columns in place (no table copy under foreign keys)
    op.add_column('users', sa.Column('is_admin', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('users', sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                     server_default=sa.false()))
    op.add_column('users', sa.Column('reset_code_hash', sa.String(length=255), nullable=True))
    op.add_column('users', sa.Column('reset_code_expires_at', sa.DateTime(), nullable=True))
    op.add_column('users', sa.Column('deleted_at', sa.DateTime(), nullable=True))


def downgrade():
    # plain ALTER TABLE (SQLite 3.35+ has DROP COLUMN): a batch copy of `users` would trip the foreign keys
    # of the attempts, runs and cards that point at it
    for column in ('deleted_at', 'reset_code_expires_at', 'reset_code_hash', 'must_change_password',
                   'is_admin'):
        op.drop_column('users', column)
