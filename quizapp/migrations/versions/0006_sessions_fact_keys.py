"""fact keys: which questions ask the same fact (siblings), filled for the questions already loaded

Revision ID: 0006_sessions_fact_keys
Revises: 0005_auth_usernames_sessions

Each question gets the fact key of its bank item (the file's `fact`, or derived from source sentence and
answer as the loader derives it), so sessions can show one sibling per fact and bury the others. Review
cards stay one per question (docs/scheduling.md), so no history moves: attempts and cards are untouched.
"""
from alembic import op
import sqlalchemy as sa

from quizapp.bank.schema import derived_fact_key


revision = '0006_sessions_fact_keys'
down_revision = '0005_auth_usernames_sessions'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('questions', sa.Column('fact_key', sa.String(length=64), nullable=True))
    op.create_index('ix_questions_deck_fact', 'questions', ['deck_id', 'fact_key'])
    questions = sa.table('questions', sa.column('id', sa.String), sa.column('source_sentence', sa.Text),
                         sa.column('answer', sa.Text), sa.column('fact_key', sa.String))
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(questions.c.id, questions.c.source_sentence, questions.c.answer)).all()
    update = questions.update().where(questions.c.id == sa.bindparam('qid')) \
        .values(fact_key=sa.bindparam('key'))
    values = [{'qid': qid, 'key': derived_fact_key(sentence, answer)} for qid, sentence, answer in rows]
    if values:
        connection.execute(update, values)


def downgrade():
    op.drop_index('ix_questions_deck_fact', table_name='questions')
    # a plain ALTER TABLE (SQLite 3.35+ has DROP COLUMN): a batch copy of `questions` would trip the
    # foreign keys of the attempts and cards that point at it
    op.drop_column('questions', 'fact_key')
