"""item tallies: students' first attempts per question and verdict, and their first answers counted

Revision ID: 0004_item_tallies
Revises: 0003_bank_load_errors

Item analysis reads these few rows per item instead of every review card; they are filled here from the
review cards' first attempts (students only), as the page computed them before.
"""
import hashlib
from collections import defaultdict

from alembic import op
import sqlalchemy as sa


revision = '0004_item_tallies'
down_revision = '0003_bank_load_errors'
branch_labels = None
depends_on = None


def upgrade():
    verdicts = op.create_table(
        'item_first_verdicts',
        sa.Column('question_id', sa.String(length=128), nullable=False),
        sa.Column('verdict', sa.String(length=8), nullable=False),
        sa.Column('learners', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name='fk_item_first_verdicts_question_id'),
        sa.PrimaryKeyConstraint('question_id', 'verdict', name='pk_item_first_verdicts'),
    )
    answers = op.create_table(
        'item_first_answers',
        sa.Column('question_id', sa.String(length=128), nullable=False),
        sa.Column('verdict', sa.String(length=8), nullable=False),
        sa.Column('answer_hash', sa.String(length=64), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name='fk_item_first_answers_question_id'),
        sa.PrimaryKeyConstraint('question_id', 'verdict', 'answer_hash', name='pk_item_first_answers'),
    )
    backfill(op.get_bind(), verdicts, answers)


def backfill(bind, verdicts, answers):
    """The tallies of the first attempts already on the review cards."""
    students = "FROM review_cards rc JOIN users u ON u.id = rc.user_id " \
               "WHERE u.is_teacher = false AND rc.first_verdict IS NOT NULL"
    learners = defaultdict(list)
    for question_id, verdict, user_id in bind.execute(sa.text(
            f"SELECT rc.question_id, rc.first_verdict, rc.user_id {students} ORDER BY rc.user_id")):
        learners[question_id, verdict].append(str(user_id))
    rows = [{'question_id': q, 'verdict': v, 'learners': ' '.join(ids)} for (q, v), ids in learners.items()]
    if rows:
        bind.execute(verdicts.insert(), rows)
    counts = defaultdict(int)
    for question_id, verdict, answer, count in bind.execute(sa.text(
            f"SELECT rc.question_id, rc.first_verdict, rc.first_answer, COUNT(*) {students} "
            "GROUP BY rc.question_id, rc.first_verdict, rc.first_answer")):
        counts[question_id, verdict, answer or ''] += count
    rows = [{'question_id': q, 'verdict': v, 'answer': a, 'count': n,
             'answer_hash': hashlib.sha256(a.encode('utf-8')).hexdigest()} for (q, v, a), n in counts.items()]
    if rows:
        bind.execute(answers.insert(), rows)


def downgrade():
    op.drop_table('item_first_answers')
    op.drop_table('item_first_verdicts')
