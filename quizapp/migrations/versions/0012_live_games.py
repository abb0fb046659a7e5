"""live games: a teacher's game on the projector, its players (students or guests) and their answers

Revision ID: 0012_live_games
Revises: 0011_deck_settings

New tables only; nothing existing changes. A signed-in student's live answers are also kept as attempts
of a quiz run of mode "live", so they feed the FSRS cards and the item analysis like any other answer.
"""
from alembic import op
import sqlalchemy as sa


revision = '0012_live_games'
down_revision = '0011_deck_settings'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('live_games',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pin', sa.String(length=6), nullable=False),
    sa.Column('host_id', sa.Integer(), nullable=False),
    sa.Column('deck_id', sa.String(length=64), nullable=False),
    sa.Column('question_ids', sa.JSON(), nullable=False),
    sa.Column('seconds', sa.Integer(), nullable=False),
    sa.Column('allow_guests', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('current', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('ends_at', sa.DateTime(), nullable=True),
    sa.Column('paused_ms', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['deck_id'], ['decks.id'], name='fk_live_games_deck_id'),
    sa.ForeignKeyConstraint(['host_id'], ['users.id'], name='fk_live_games_host_id'),
    sa.PrimaryKeyConstraint('id', name='pk_live_games')
    )
    with op.batch_alter_table('live_games', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_games_deck_id'), ['deck_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_live_games_host_id'), ['host_id'], unique=False)
        batch_op.create_index('ix_live_games_pin_state', ['pin', 'state'], unique=False)

    op.create_table('live_players',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('game_id', sa.Integer(), nullable=False),
    sa.Column('nickname', sa.String(length=24), nullable=False),
    sa.Column('nickname_key', sa.String(length=96), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('quiz_run_id', sa.Integer(), nullable=True),
    sa.Column('kicked', sa.Boolean(), nullable=False),
    sa.Column('joined_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['game_id'], ['live_games.id'], name='fk_live_players_game_id'),
    sa.ForeignKeyConstraint(['quiz_run_id'], ['quiz_runs.id'], name='fk_live_players_quiz_run_id'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name='fk_live_players_user_id'),
    sa.PrimaryKeyConstraint('id', name='pk_live_players'),
    sa.UniqueConstraint('game_id', 'nickname_key', name='uq_live_player_nickname')
    )
    with op.batch_alter_table('live_players', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_players_game_id'), ['game_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_live_players_user_id'), ['user_id'], unique=False)

    op.create_table('live_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('game_id', sa.Integer(), nullable=False),
    sa.Column('player_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=128), nullable=False),
    sa.Column('answer_given', sa.Text(), nullable=False),
    sa.Column('verdict', sa.String(length=8), nullable=False),
    sa.Column('time_ms', sa.Integer(), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['game_id'], ['live_games.id'], name='fk_live_answers_game_id'),
    sa.ForeignKeyConstraint(['player_id'], ['live_players.id'], name='fk_live_answers_player_id'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name='fk_live_answers_question_id'),
    sa.PrimaryKeyConstraint('id', name='pk_live_answers'),
    sa.UniqueConstraint('player_id', 'position', name='uq_live_answer_player_position')
    )
    with op.batch_alter_table('live_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_answers_game_id'), ['game_id'], unique=False)



def downgrade():
    with op.batch_alter_table('live_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_live_answers_game_id'))

    op.drop_table('live_answers')
    with op.batch_alter_table('live_players', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_live_players_user_id'))
        batch_op.drop_index(batch_op.f('ix_live_players_game_id'))

    op.drop_table('live_players')
    with op.batch_alter_table('live_games', schema=None) as batch_op:
        batch_op.drop_index('ix_live_games_pin_state')
        batch_op.drop_index(batch_op.f('ix_live_games_host_id'))
        batch_op.drop_index(batch_op.f('ix_live_games_deck_id'))

    op.drop_table('live_games')
