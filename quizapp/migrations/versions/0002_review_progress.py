"""review progress: first-attempt and counter columns on review cards, indexes for the progress pages

Revision ID: 0002_review_progress
Revises: 0001_first_schema

The review card is the one row per learner and question that the progress pages read, so the class
overview and the item analysis never scan every attempt.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_review_progress'
down_revision = '0001_first_schema'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scheduled_days', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('correct_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('first_seen', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('first_verdict', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('first_answer', sa.Text(), nullable=True))
        batch_op.create_index('ix_review_cards_user_due', ['user_id', 'due'], unique=False)
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.create_index('ix_attempts_user_created', ['user_id', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_attempts_user_created')
    with op.batch_alter_table('review_cards', schema=None) as batch_op:
        batch_op.drop_index('ix_review_cards_user_due')
        batch_op.drop_column('first_answer')
        batch_op.drop_column('first_verdict')
        batch_op.drop_column('first_seen')
        batch_op.drop_column('correct_count')
        batch_op.drop_column('scheduled_days')
