"""bank load errors: problems of rejected bank files, shown on the teacher pages

Revision ID: 0003_bank_load_errors
Revises: 0002_review_progress
"""
from alembic import op
import sqlalchemy as sa

revision = '0003_bank_load_errors'
down_revision = '0002_review_progress'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'bank_load_errors',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('file_name', sa.String(length=500), nullable=False),
        sa.Column('display_name', sa.String(length=500), nullable=False),
        sa.Column('line', sa.Integer(), nullable=False),
        sa.Column('column', sa.Integer(), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_bank_load_errors_file_name', 'bank_load_errors', ['file_name'])


def downgrade():
    op.drop_index('ix_bank_load_errors_file_name', table_name='bank_load_errors')
    op.drop_table('bank_load_errors')
