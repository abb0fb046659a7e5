"""review actions: the status changes of the review queue and deck list, so that the last one can be undone

Revision ID: 0010_review_actions
Revises: 0009_jobs

A new table only; existing rows are untouched (there is nothing to undo before this version).
"""
from alembic import op
import sqlalchemy as sa

revision = '0010_review_actions'
down_revision = '0009_jobs'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'review_actions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('changes', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('undone_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_review_actions_user', 'review_actions', ['user_id', 'id'])


def downgrade():
    op.drop_index('ix_review_actions_user', table_name='review_actions')
    op.drop_table('review_actions')
