"""Forms of the live quiz: joining with PIN and nickname, a new game, the teacher's buttons, an answer."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, Regexp

from quizapp.bidi import without_bidi_controls
from quizapp.forms import Form
from quizapp.operations.live import COUNT_CHOICES, NICKNAME_CHARS, SECONDS_CHOICES


class JoinForm(Form):
    pin = StringField(_l("Game PIN"), validators=[
        DataRequired(message=_l("Enter the six-digit PIN shown on the projector.")),
        Regexp(r"^\s*\d{3}\s?\d{3}\s*$", message=_l("The PIN has six digits, like 123 456."))],
        render_kw={"inputmode": "numeric", "autocomplete": "off", "maxlength": 7})
    nickname = StringField(_l("Nickname"), validators=[
        DataRequired(message=_l("Choose a nickname the class will see.")),
        Length(max=NICKNAME_CHARS, message=_l("At most %(max)d characters.", max=NICKNAME_CHARS))],
        render_kw={"autocomplete": "nickname", "maxlength": NICKNAME_CHARS})
    submit = SubmitField(_l("Join"))


def fill_choices(form: "NewGameForm", decks) -> None:
    """Choices are set on the bound form (WTForms 3.3 warns about label tuples given to the field class)."""
    form.deck.choices = [(d.id, without_bidi_controls(d.title)) for d in decks]  # an <option> takes no <bdi>
    form.count.choices = [(str(n), _l("%(n)s random questions", n=n)) for n in COUNT_CHOICES] + \
        [("all", _l("All questions"))]
    form.seconds.choices = [(str(s), _l("%(s)s seconds", s=s)) for s in SECONDS_CHOICES]


class NewGameForm(Form):
    deck = SelectField(_l("Deck"), validators=[InputRequired()])
    count = SelectField(_l("Questions"), default="10")
    seconds = SelectField(_l("Time per question"), default="20")
    allow_guests = BooleanField(_l("Guests may join without an account"))
    submit = SubmitField(_l("Open the game"))


class ControlForm(Form):
    """One of the teacher's buttons; which one is the button's name."""


class AnswerForm(Form):
    """The CSRF token and which question the answer is for; the choice is the pressed button's value and the
    gaps are read per item (routes.answer_question), so a request cannot add fields."""

    position = IntegerField(validators=[InputRequired()])
