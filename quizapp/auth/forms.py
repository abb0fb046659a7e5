"""Forms for registering, logging in and ending sessions."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from quizapp.forms import Form
from wtforms import BooleanField, HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, ValidationError

from quizapp.accounts import password_problem, username_problem
from quizapp.operations.users import find_user

USERNAME_PATTERN = r"^[\w.-]+$"


class LoginForm(Form):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    remember = BooleanField(_l("Stay logged in"))
    next = HiddenField()
    submit = SubmitField(_l("Log in"))


class RegistrationForm(Form):
    username = StringField(_l("Username"), validators=[
        DataRequired(), Length(min=3, max=64),
        Regexp(USERNAME_PATTERN, message=_l("Use letters, digits, '.', '-' and '_' only.")),
    ])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(min=8, max=200)])
    password2 = PasswordField(_l("Repeat password"), validators=[
        DataRequired(), EqualTo("password", message=_l("The passwords do not match.")),
    ])
    submit = SubmitField(_l("Register"))

    def validate_username(self, field) -> None:
        problem = username_problem(field.data or "")
        if problem:
            raise ValidationError(_(problem))
        if find_user(field.data or "") is not None:
            raise ValidationError(_l("This username is taken."))

    def validate_password(self, field) -> None:
        problem = password_problem(field.data or "", self.username.data or "")
        if problem:
            raise ValidationError(_(problem))


class LogoutEverywhereForm(Form):
    submit = SubmitField(_l("Log out on all other devices"))
