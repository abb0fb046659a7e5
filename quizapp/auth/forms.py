"""Forms for registering, logging in, ending sessions, changing passwords and deleting an account."""

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from quizapp.forms import Form
from wtforms import BooleanField, HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, ValidationError

from quizapp.accounts import password_problem, username_problem
from quizapp.operations.classes import class_by_code
from quizapp.operations.users import find_user

USERNAME_PATTERN = r"^[\w.-]+$"


class LoginForm(Form):
    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    remember = BooleanField(_l("Stay logged in"))
    next = HiddenField()
    submit = SubmitField(_l("Log in"))


class NewUsernameForm(Form):
    """A form that names a new account (registration, an admin's new teacher)."""

    username = StringField(_l("Username"), validators=[
        DataRequired(), Length(min=3, max=64),
        Regexp(USERNAME_PATTERN, message=_l("Use letters, digits, '.', '-' and '_' only.")),
    ])

    def validate_username(self, field) -> None:
        problem = username_problem(field.data or "")
        if problem:
            raise ValidationError(_(problem))
        if find_user(field.data or "") is not None:
            raise ValidationError(_l("This username is taken."))


class NewPasswordForm(Form):
    """A password chosen twice, checked against the account's name (`username_for_check`)."""

    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(min=8, max=200)])
    password2 = PasswordField(_l("Repeat password"), validators=[
        DataRequired(), EqualTo("password", message=_l("The passwords do not match.")),
    ])

    def username_for_check(self) -> str:
        return ""

    def validate_password(self, field) -> None:
        problem = password_problem(field.data or "", self.username_for_check())
        if problem:
            raise ValidationError(_(problem))


class RegistrationForm(NewUsernameForm, NewPasswordForm):
    school_class = None  # the class of the code, once validated
    code = StringField(_l("Class code"), validators=[Length(max=32)],
                       description=_l("From your teacher, e.g. K7B4-XH2M"))
    submit = SubmitField(_l("Register"))

    def validate_code(self, field) -> None:
        """The class of the code (kept on the form), required when registration needs a code."""
        self.school_class = class_by_code(field.data or "") if (field.data or "").strip() else None
        if (field.data or "").strip() and self.school_class is None:
            raise ValidationError(_l("No open class has this code. Check it with your teacher."))
        if self.school_class is None and current_app.config.get("REGISTRATION") == "code":
            raise ValidationError(_l("Registering needs the code of your class: ask your teacher."))

    def username_for_check(self) -> str:
        return self.username.data or ""


class ChangePasswordForm(NewPasswordForm):
    """The account page's form; after a one-time code the current password is not asked (there is none)."""

    current_password = PasswordField(_l("Current password"), validators=[Length(max=200)])
    password = PasswordField(_l("New password"), validators=[DataRequired(), Length(min=8, max=200)])
    password2 = PasswordField(_l("Repeat new password"), validators=[
        DataRequired(), EqualTo("password", message=_l("The passwords do not match.")),
    ])
    submit = SubmitField(_l("Change password"))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.must_change_password:
            del self.current_password

    def username_for_check(self) -> str:
        return self.user.username

    def validate_current_password(self, field) -> None:
        if not self.user.check_password(field.data or ""):
            raise ValidationError(_l("This is not your current password."))


class DeleteAccountForm(Form):
    password = PasswordField(_l("Your password"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Delete my account for good"))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def validate_password(self, field) -> None:
        if not self.user.check_password(field.data or ""):
            raise ValidationError(_l("This is not your current password."))


class LogoutEverywhereForm(Form):
    submit = SubmitField(_l("Log out on all other devices"))


class OneTimeCodeForm(Form):
    """A teacher's or admin's button that replaces someone's password by a one-time code."""

    submit = SubmitField(_l("Reset password: make a one-time code"))
