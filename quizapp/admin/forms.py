"""The admin's form for a new teacher account: a name; the password comes from the teacher, via a code."""

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField

from quizapp.auth.forms import NewUsernameForm


class NewTeacherForm(NewUsernameForm):
    submit = SubmitField(_l("Create teacher account"))
