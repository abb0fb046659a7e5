"""The base of every form: Flask-WTF with WTForms' own messages translated, read once per process."""

from __future__ import annotations

from functools import lru_cache

from babel import support
from flask import current_app, has_request_context
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path


@lru_cache(maxsize=None)
def wtforms_translations(locale: str) -> support.NullTranslations:
    """WTForms' built-in messages ("This field is required.") in one language, parsed on first use only."""
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class Form(FlaskForm):
    """FlaskForm, except that Flask-WTF's per-request reload of the WTForms catalogue is cached."""

    class Meta:
        def get_translations(self, form):
            if not current_app.config.get("WTF_I18N_ENABLED", True) or not has_request_context() \
                    or "babel" not in current_app.extensions:
                return super().get_translations(form)
            return wtforms_translations(str(get_locale()))
