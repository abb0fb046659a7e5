"""`create-user NAME [--teacher]`."""

import click
from flask.cli import with_appcontext

from quizapp.accounts import password_problem, username_problem
from quizapp.extensions import db
from quizapp.operations.users import UsernameTaken, create_user


@click.command("create-user")
@click.argument("username")
@click.option("--teacher", is_flag=True, help="Give the account the teacher role.")
@click.password_option(help="The password (asked for when not given).")
@with_appcontext
def create_user_command(username: str, teacher: bool, password: str) -> None:
    """Create a student account, or a teacher account with --teacher."""
    if len(password) < 8:
        raise click.ClickException("the password must have at least 8 characters")
    problem = username_problem(username) or password_problem(password, username)
    if problem:
        raise click.ClickException(problem)
    try:
        create_user(username, password, is_teacher=teacher)
    except UsernameTaken:
        raise click.ClickException(f"the username '{username}' is taken") from None
    db.session.commit()
    click.echo(f"Created {'teacher' if teacher else 'student'} account '{username}'.")
