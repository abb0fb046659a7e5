"""The download options, read from the query string (a GET download needs no CSRF token)."""

from __future__ import annotations

from wtforms import BooleanField, Form


class ExportOptionsForm(Form):
    """`?drafts=1` adds draft items (teachers), `?weak=1` keeps only the learner's weak items."""

    drafts = BooleanField(false_values=("", "0", "false", "no"))
    weak = BooleanField(false_values=("", "0", "false", "no"))
