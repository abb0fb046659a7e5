"""deck settings: the article's web address, publisher and licence, and whether the deck is archived

Revision ID: 0011_deck_settings
Revises: 0010_review_actions

The bank files stay the source of truth (`deck.source.url`, `.attribution`, `.licence`, `deck.archived`);
these columns hold what the last load read. Existing decks get no source details and are not archived,
which is what their files say until a teacher adds them.
"""
from alembic import op
import sqlalchemy as sa


revision = '0011_deck_settings'
down_revision = '0010_review_actions'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('decks', sa.Column('source_url', sa.String(length=1000), nullable=True))
    op.add_column('decks', sa.Column('source_attribution', sa.String(length=300), nullable=True))
    op.add_column('decks', sa.Column('source_licence', sa.String(length=100), nullable=True))
    op.add_column('decks', sa.Column('archived', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    for column in ('archived', 'source_licence', 'source_attribution', 'source_url'):
        op.drop_column('decks', column)
