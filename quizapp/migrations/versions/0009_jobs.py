"""jobs: long work (a new deck generated from an article) queued outside the web request

Revision ID: 0009_jobs
Revises: 0008_accounts_admin_resets

A new table only; no existing row changes. Redis (when configured) carries just the job's id, so this
table is what every app server shows and what a retry starts from.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_jobs'
down_revision = '0008_accounts_admin_resets'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'jobs',
        sa.Column('id', sa.String(length=32), primary_key=True),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('state', sa.String(length=20), nullable=False),
        sa.Column('stage', sa.String(length=40), nullable=True),
        sa.Column('owner_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='SET NULL'), nullable=True),
        sa.Column('locale', sa.String(length=10), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=True),
        sa.Column('article', sa.Text(), nullable=False),
        sa.Column('result', sa.String(length=200), nullable=True),
        sa.Column('error', sa.Text(), nullable=True),
        sa.Column('retryable', sa.Boolean(), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
    )
    op.create_index('ix_jobs_owner_id', 'jobs', ['owner_id'])


def downgrade():
    op.drop_index('ix_jobs_owner_id', table_name='jobs')
    op.drop_table('jobs')
