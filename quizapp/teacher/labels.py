"""What the teacher pages call statuses, kinds of fact and tags, in the teacher's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from quizapp.bank.schema import FACT_KINDS, QUESTION_STATUSES, QUESTION_TYPES
from quizapp.teacher import bp

STATUS_LABELS = {"draft": _l("draft"), "approved": _l("approved"), "retired": _l("retired")}
TYPE_LABELS = {"mcq": _l("Multiple choice"), "cloze": _l("Cloze (type the gap)")}
KIND_LABELS = {
    "zahl": _l("Number"), "jahr": _l("Year"), "datum": _l("Date"), "monat": _l("Month"),
    "prozent": _l("Percentage"), "person": _l("Person"), "ort": _l("Place"),
    "organisation": _l("Organisation"), "name": _l("Other name"), "begriff": _l("Term"),
}
assert set(STATUS_LABELS) == set(QUESTION_STATUSES) and set(TYPE_LABELS) == set(QUESTION_TYPES)
assert set(KIND_LABELS) == set(FACT_KINDS)


@bp.app_template_filter("kind_label")
def kind_label(kind: str | None) -> str:
    """A kind of fact as the teacher reads it; a kind of the teacher's own stays as written."""
    return str(KIND_LABELS.get(kind, kind or ""))


@bp.app_template_filter("tag_label")
def tag_label(tag: str) -> str:
    """`class::fluss` (the generator's class of a name) reads "kind of name: fluss"; other tags as written."""
    prefix, _sep, rest = tag.partition("::")
    return str(_l("kind of name: %(name)s", name=rest)) if prefix == "class" and rest else tag


def kind_choices(current: str | None) -> list[SelectChoice]:
    """The kinds for a select: none, the known ones, and the item's own kind when it is another."""
    choices = [SelectChoice("", _l("(none)"))] + [SelectChoice(k, label) for k, label in KIND_LABELS.items()]
    if current and current not in KIND_LABELS:
        choices.append(SelectChoice(current, current))
    return choices


@bp.app_template_filter("status_label")
def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


@bp.app_template_filter("type_label")
def type_label(item_type: str) -> str:
    return str(TYPE_LABELS.get(item_type, item_type))
