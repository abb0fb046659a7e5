"""classes, memberships, assignments and deck publishing; existing installations keep working

Revision ID: 0007_classes
Revises: 0006_sessions_fact_keys

Until now every teacher saw every student and every student every deck. So that nobody loses anything:
- when there are students, they all land in one class "Klasse" (a fresh join code), taught by every
  existing teacher;
- every deck with at least one approved item starts published and open for self-study, so students keep
  reaching what they practised; decks without approved items start unpublished (they showed "0 Fragen").
"""
import secrets

from alembic import op
import sqlalchemy as sa


revision = '0007_classes'
down_revision = '0006_sessions_fact_keys'
branch_labels = None
depends_on = None

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed on phones
DEFAULT_CLASS_NAME = "Klasse"


def upgrade():
    op.create_table(
        'classes',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('join_code', sa.String(length=16), nullable=False, unique=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('archived_at', sa.DateTime(), nullable=True),
    )
    op.create_table(
        'class_teachers',
        sa.Column('class_id', sa.Integer(), sa.ForeignKey('classes.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='CASCADE'), primary_key=True),
    )
    op.create_index('ix_class_teachers_user_id', 'class_teachers', ['user_id'])
    op.create_table(
        'class_members',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('class_id', sa.Integer(), sa.ForeignKey('classes.id', ondelete='CASCADE'), nullable=False),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='CASCADE'), nullable=False),
        sa.Column('joined_at', sa.DateTime(), nullable=False),
        sa.UniqueConstraint('class_id', 'user_id', name='uq_class_member'),
    )
    op.create_index('ix_class_members_class_id', 'class_members', ['class_id'])
    op.create_index('ix_class_members_user_id', 'class_members', ['user_id'])
    op.create_table(
        'assignments',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('class_id', sa.Integer(), sa.ForeignKey('classes.id', ondelete='CASCADE'), nullable=False),
        sa.Column('deck_id', sa.String(length=64), sa.ForeignKey('decks.id'), nullable=False),
        sa.Column('due_at', sa.DateTime(), nullable=True),
        sa.Column('target', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.UniqueConstraint('class_id', 'deck_id', name='uq_assignment_class_deck'),
    )
    op.create_index('ix_assignments_class_id', 'assignments', ['class_id'])
    op.create_index('ix_assignments_deck_id', 'assignments', ['deck_id'])
    op.add_column('decks', sa.Column('published', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('decks', sa.Column('self_study', sa.Boolean(), nullable=False, server_default=sa.false()))
    move_existing_data(op.get_bind())


def move_existing_data(connection) -> None:
    """The default class for existing students and teachers; decks with approved items published."""
    users = sa.table('users', sa.column('id', sa.Integer), sa.column('is_teacher', sa.Boolean))
    classes = sa.table('classes', sa.column('id', sa.Integer), sa.column('name', sa.String),
                       sa.column('join_code', sa.String), sa.column('created_at', sa.DateTime))
    teachers = sa.table('class_teachers', sa.column('class_id', sa.Integer), sa.column('user_id', sa.Integer))
    members = sa.table('class_members', sa.column('class_id', sa.Integer), sa.column('user_id', sa.Integer),
                       sa.column('joined_at', sa.DateTime))
    now = sa.func.current_timestamp()
    student_ids = connection.execute(sa.select(users.c.id).where(users.c.is_teacher.is_(False))).scalars().all()
    if student_ids:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        class_id = connection.execute(classes.insert().values(name=DEFAULT_CLASS_NAME, join_code=code,
                                                              created_at=now).returning(classes.c.id)).scalar_one()
        teacher_ids = connection.execute(sa.select(users.c.id).where(users.c.is_teacher.is_(True))).scalars().all()
        if teacher_ids:
            connection.execute(teachers.insert(), [{'class_id': class_id, 'user_id': t} for t in teacher_ids])
        connection.execute(members.insert().from_select(
            ['user_id', 'class_id', 'joined_at'],
            sa.select(users.c.id, sa.literal(class_id), now).where(users.c.is_teacher.is_(False))))
    decks = sa.table('decks', sa.column('id', sa.String), sa.column('published', sa.Boolean),
                     sa.column('self_study', sa.Boolean))
    questions = sa.table('questions', sa.column('deck_id', sa.String), sa.column('status', sa.String),
                         sa.column('in_file', sa.Boolean))
    has_approved = sa.select(questions.c.deck_id).where(
        questions.c.deck_id == decks.c.id, questions.c.status == 'approved', questions.c.in_file.is_(True)).exists()
    connection.execute(decks.update().where(has_approved).values(published=True, self_study=True))


def downgrade():
    op.drop_column('decks', 'self_study')
    op.drop_column('decks', 'published')
    op.drop_table('assignments')
    op.drop_table('class_members')
    op.drop_table('class_teachers')
    op.drop_table('classes')
