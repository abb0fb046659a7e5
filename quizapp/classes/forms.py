"""Forms for classes: name, co-teacher, assignment, join code."""

from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField, SubmitField, TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from quizapp.forms import Form
from quizapp.operations.classes import CLASS_NAME_CHARS

ALL_ITEMS = "all"


class ClassNameForm(Form):
    name = StringField(_l("Class name"), validators=[DataRequired(), Length(max=CLASS_NAME_CHARS)],
                       description=_l("e.g. 7b Geschichte"))
    submit = SubmitField(_l("Save"))


class ActionForm(Form):
    """A one-click change (archive, new code, remove a student): only the CSRF token."""


class CoTeacherForm(Form):
    username = StringField(_l("Username of the co-teacher"), validators=[DataRequired(), Length(max=64)])
    submit = SubmitField(_l("Add co-teacher"))


class AssignmentForm(Form):
    deck_id = SelectField(_l("Deck"), validators=[DataRequired()])
    due_date = DateField(_l("Due date (optional)"), validators=[Optional()])
    due_time = TimeField(_l("Due time"), validators=[Optional()], default=dt.time(23, 59))
    target = SelectField(_l("Target"), choices=[SelectChoice("15", _l("15 questions")),
                                                SelectChoice(ALL_ITEMS, _l("all approved questions"))],
                         default=ALL_ITEMS)
    submit = SubmitField(_l("Assign"))

    def target_count(self) -> int | None:
        return None if self.target.data == ALL_ITEMS else int(self.target.data)


class JoinForm(Form):
    code = StringField(_l("Class code"), validators=[DataRequired(), Length(max=32)])
    submit = SubmitField(_l("Join class"))
