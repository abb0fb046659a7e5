"""Answer forms, built per question: radio buttons for mcq, one text field per cloze gap."""

from __future__ import annotations

import random
from functools import lru_cache

from flask_babel import lazy_gettext as _l
from quizapp.forms import Form
from wtforms import FieldList, HiddenField, RadioField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from quizapp.bank import cloze_gaps
from quizapp.models import Question


class McqAnswerForm(Form):
    question_id = HiddenField(validators=[DataRequired()])
    choice = RadioField(_l("Your answer"), validators=[DataRequired(message=_l("Please choose an answer."))],
                        validate_choice=True)
    submit = SubmitField(_l("Check"))


class GapFields(FieldList):
    """Exactly `min_entries` gap fields, gaps-0 to gaps-(n-1), whatever else the request holds."""

    def _extract_indices(self, prefix, formdata):
        return range(self.min_entries)


class ClozeAnswerForm(Form):
    question_id = HiddenField(validators=[DataRequired()])
    gaps = GapFields(StringField(validators=[Length(max=500)]), min_entries=1)
    submit = SubmitField(_l("Check"))


@lru_cache(maxsize=None)
def cloze_form_class(count: int) -> type[ClozeAnswerForm]:
    """The cloze form with one field per gap of the item: a request cannot add fields (issue 12)."""
    gaps = GapFields(StringField(validators=[Length(max=500)]), min_entries=count, max_entries=count)
    return type(f"ClozeAnswerForm{count}", (ClozeAnswerForm,), {"gaps": gaps})


def shuffled_options(question: Question, seed: str) -> list[str]:
    """Answer and distractors in an order that is stable for this run but not always the same."""
    options = [question.answer, *question.distractors]
    random.Random(f"{seed}:{question.id}").shuffle(options)
    return options


def answer_form(question: Question, seed: str, formdata=None) -> Form:
    """The right form for the question's type, with its choices or gap fields in place."""
    if question.type == "mcq":
        form = McqAnswerForm(formdata=formdata) if formdata is not None else McqAnswerForm()
        form.choice.choices = [(o, o) for o in shuffled_options(question, seed)]
    else:
        form_class = cloze_form_class(max(1, len(cloze_gaps(question.text))))
        form = form_class(formdata=formdata) if formdata is not None else form_class()
    form.question_id.data = form.question_id.data or question.id
    return form
