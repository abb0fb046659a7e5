"""`create-user NAME [--teacher | --admin]`."""

import click
from flask.cli import with_appcontext

from quizapp.accounts import password_problem, username_problem
from quizapp.extensions import db
from quizapp.operations.users import UsernameTaken, create_user


@click.command("create-user")
@click.argument("username")
@click.option("--teacher", is_flag=True, help="Give the account the teacher role.")
@click.option("--admin", is_flag=True,
              help="Give the account the admin role (a teacher who creates teacher accounts in the browser).")
@click.password_option(help="The password (asked for when not given).")
@with_appcontext
def create_user_command(username: str, teacher: bool, admin: bool, password: str) -> None:
    """Create a student account, a teacher account with --teacher, an admin (and teacher) with --admin."""
    if len(password) < 8:
        raise click.ClickException("the password must have at least 8 characters")
    problem = username_problem(username) or password_problem(password, username)
    if problem:
        raise click.ClickException(problem)
    try:
        create_user(username, password, is_teacher=teacher, is_admin=admin)
    except UsernameTaken:
        raise click.ClickException(f"the username '{username}' is taken") from None
    db.session.commit()
    role = "admin" if admin else "teacher" if teacher else "student"
    click.echo(f"Created {role} account '{username}'.")
