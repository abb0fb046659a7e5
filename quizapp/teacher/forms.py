"""Forms of the teacher pages; list fields are one entry per line."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from quizapp.forms import Form
from flask_wtf.file import FileField
from wtforms.fields.choices import SelectChoice
from wtforms import HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from quizapp.bank import QUESTION_STATUSES, limits
from quizapp.bank.cloze import cloze_answer_text
from quizapp.bank.limits import ARTICLE_MAX_BYTES, BANK_MAX_BYTES
from quizapp.bank.schema import LANGUAGES
from quizapp.teacher.labels import STATUS_LABELS, kind_choices

GAP_LINE_RE = re.compile(r"^(c\d+)\s*:\s*(.+)$")


def lines_of(text: str | None) -> list[str]:
    """Non-empty, stripped lines.

    >>> lines_of(" Amur \\n\\n Jalu")
    ['Amur', 'Jalu']
    """
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def parse_accept(text: str | None) -> list[str] | dict[str, list[str]]:
    """Accepted answers: plain lines, or `c1: answer` lines for items with several gaps.

    >>> parse_accept("c1: siebzehn\\nc2: zwei")
    {'c1': ['siebzehn'], 'c2': ['zwei']}
    """
    lines = lines_of(text)
    if not any(GAP_LINE_RE.match(line) for line in lines):
        return lines
    by_gap: dict[str, list[str]] = {}
    for line in lines:
        match = GAP_LINE_RE.match(line)
        if match:
            by_gap.setdefault(match.group(1), []).append(match.group(2).strip())
    return by_gap


def accept_text(accept, accept_by_gap) -> str:
    """The accept field's text for a loaded item."""
    if accept_by_gap:
        return "\n".join(f"{gap}: {answer}" for gap, answers in accept_by_gap.items() for answer in answers)
    return "\n".join(accept)


class QuestionForm(Form):
    """One item of a bank file; build it with `meta={"item_type": "mcq"}` or "cloze"."""

    class Meta:
        item_type = "cloze"

    file_sha256 = HiddenField()
    text = TextAreaField(_l("Text"), validators=[DataRequired(), Length(max=5000)])
    answer = StringField(_l("Answer"), validators=[Optional(), Length(max=500)])
    distractors = TextAreaField(_l("Distractors (one per line)"), validators=[Optional(), Length(max=5000)])
    accept = TextAreaField(_l("Also accepted (one per line; 'c2: …' for a gap)"),
                           validators=[Optional(), Length(max=5000)])
    explanation = TextAreaField(_l("Explanation"), validators=[Optional(), Length(max=5000)])
    source_sentence = TextAreaField(_l("Source sentence"), validators=[Optional(), Length(max=5000)])
    source_context = TextAreaField(_l("Context shown above the item"), validators=[Optional(), Length(max=5000)])
    kind = SelectField(_l("Kind of fact"), choices=[], validators=[Optional()])
    tags = StringField(_l("Tags (separated by spaces)"), validators=[Optional(), Length(max=500)])
    status = SelectField(_l("Status"), choices=[SelectChoice(s, STATUS_LABELS[s]) for s in QUESTION_STATUSES])
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, kind: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = kind_choices(kind or self.kind.data)  # the item's own kind stays choosable

    def validate_source_sentence(self, field) -> None:
        own_sentence = self.meta.item_type == "cloze" and (self.text.data or "").strip()  # filled-in gaps
        if not (field.data or "").strip() and not own_sentence:
            raise ValidationError(_l("Copy the sentence from the article that holds the answer."))
    def validate_answer(self, field) -> None:
        if self.meta.item_type == "mcq" and not (field.data or "").strip():
            raise ValidationError(_l("A multiple-choice item needs an answer."))

    def validate_distractors(self, field) -> None:
        if self.meta.item_type == "mcq" and not lines_of(field.data):
            raise ValidationError(_l("A multiple-choice item needs at least one distractor."))

    def changes(self) -> dict:
        """The form as changes to the item's keys (None removes a key)."""
        mcq = self.meta.item_type == "mcq"
        return {
            "text": self.text.data.strip(),
            "answer": self.answer.data.strip() if mcq else None,
            "distractors": lines_of(self.distractors.data) if mcq else None,
            "accept": parse_accept(self.accept.data) or None,
            "explanation": (self.explanation.data or "").strip() or None,
            "source": {"sentence": (self.source_sentence.data or "").strip()
                       or cloze_answer_text(self.text.data.strip()),  # a cloze's own sentence, filled in
                       "context": (self.source_context.data or "").strip() or None},
            "kind": (self.kind.data or "").strip() or None,
            "tags": (self.tags.data or "").split() or None,
            "status": self.status.data,
        }


class ConfirmForm(Form):
    """A confirmed change (delete, retire) of the file version the teacher saw."""

    file_sha256 = HiddenField(validators=[DataRequired()])


class DeckSettingsForm(Form):
    """The `deck:` block of a bank file, field by field."""

    file_sha256 = HiddenField()
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=limits.DECK_TITLE_CHARS)])
    language = SelectField(_l("Language of the article"),
                           choices=[SelectChoice(code, label) for code, label in
                                    (("de", _l("German")), ("en", _l("English"))) if code in LANGUAGES])
    source_date = StringField(_l("Article date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                              validators=[Optional(), Length(max=limits.SOURCE_DATE_CHARS)])
    source_url = StringField(_l("Web address of the article"),
                             validators=[Optional(), Length(max=limits.SOURCE_URL_CHARS)])
    source_attribution = StringField(_l("Published by (shown to students)"),
                                     validators=[Optional(), Length(max=limits.ATTRIBUTION_CHARS)])
    source_licence = StringField(_l("Licence (e.g. CC BY-NC-SA)"),
                                 validators=[Optional(), Length(max=limits.LICENCE_CHARS)])
    submit = SubmitField(_l("Save"))

    def validate_source_date(self, field) -> None:
        if field.data and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", field.data.strip()):
            raise ValidationError(_l("Write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-07."))

    def changes(self) -> dict:
        """The form as changes to the deck block (None removes an optional key)."""
        def text(field):
            return (field.data or "").strip() or None
        return {"title": self.title.data.strip(), "language": self.language.data,
                "source": {"date": text(self.source_date), "url": text(self.source_url),
                           "attribution": text(self.source_attribution),
                           "licence": text(self.source_licence)}}


class StatusForm(Form):
    """Approve or retire an item from the review queue; `content_hash` is the version the teacher saw."""

    status = HiddenField(validators=[DataRequired()])
    content_hash = HiddenField(validators=[DataRequired()])
    next = HiddenField()


class BulkStatusForm(Form):
    """Approve or retire the ticked items, or all shown; `items` holds "id:content_hash" of every item shown."""

    action = HiddenField(validators=[DataRequired()])  # "approved:selected", "retired:shown", ...
    items = HiddenField(validators=[DataRequired()])
    next = HiddenField()

    def shown(self) -> dict[str, str]:
        """id -> content hash of the items the page showed."""
        pairs = (entry.rpartition(":") for entry in (self.items.data or "").split())
        return {qid: digest for qid, _colon, digest in pairs if qid}


class UndoForm(Form):
    """Undo the teacher's last review action; `next` is the page to return to."""

    next = HiddenField()


class ShowDraftsForm(Form):
    show_drafts = HiddenField(validators=[DataRequired()])


class PublishingForm(Form):
    """Whether students see the deck at all, and whether it is open to those it is not assigned to."""

    published = HiddenField(validators=[DataRequired()])
    self_study = HiddenField(validators=[DataRequired()])


class DeckYamlForm(Form):
    """The whole bank file as text."""

    file_sha256 = HiddenField()
    text = TextAreaField(_l("Bank file"), validators=[DataRequired()])
    preview = SubmitField(_l("Check and preview"))
    save = SubmitField(_l("Save"))

    def validate_text(self, field) -> None:
        if len((field.data or "").encode("utf-8")) > BANK_MAX_BYTES:
            raise ValidationError(_l("The bank file is larger than %(kb)s KB; split it into several decks.",
                                     kb=BANK_MAX_BYTES // 1000))


class NewDeckForm(Form):
    """An article pasted or uploaded; the generator makes draft items from it."""

    title = StringField(_l("Title (optional: taken from the article)"),
                        validators=[Optional(), Length(max=limits.DECK_TITLE_CHARS)])
    text = TextAreaField(_l("Article text"), validators=[Optional()])
    upload = FileField(_l("…or a UTF-8 text file"))
    submit = SubmitField(_l("Generate draft items"))

    def article_text(self) -> str | None:
        """The uploaded or pasted text; None (with a field error) when there is none or it is unreadable."""
        upload = self.upload.data
        if upload and getattr(upload, "filename", ""):
            field, raw = self.upload, upload.read(ARTICLE_MAX_BYTES + 1)
        else:
            field, raw = self.text, (self.text.data or "").encode("utf-8")
            if not raw.strip():
                self.text.errors = [_l("Paste the article or choose a file.")]
                return None
        if len(raw) > ARTICLE_MAX_BYTES:  # in bytes, as `generate` and the checks count
            field.errors = [_l("The article is larger than %(kb)s KB; split it into several decks.",
                               kb=ARTICLE_MAX_BYTES // 1000)]
            return None
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.upload.errors = [_l("The file is not UTF-8 text.")]
            return None


class RetryJobForm(Form):
    """Run a failed job again (the CSRF token is its only field)."""
