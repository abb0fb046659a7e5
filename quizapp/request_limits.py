"""Limits on what one request may carry: form parts, NUL bytes, ids that fit the database."""

from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Flask, abort, request
from flask.wrappers import Request
from flask_babel import gettext as _
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser
from werkzeug.routing import IntegerConverter, ValidationError

# The largest id a PostgreSQL INTEGER column holds; SQLite holds more, but a URL must mean the same on both.
LARGEST_ID = 2**31 - 1


class TooManyFormParts(RequestEntityTooLarge):
    """More form fields than any page of quizapp sends."""


class CappedFormDataParser(FormDataParser):
    """Werkzeug caps the parts of a multipart body (MAX_FORM_PARTS) but not of a URL-encoded one: cap both.

    A URL-encoded body is counted by its separators before it is split, so a flood of 600,000 tiny fields
    is refused after one pass over the bytes instead of building 600,000 form fields.
    """

    def _parse_urlencoded(self, stream, mimetype, content_length, options):
        if (self.max_form_memory_size is not None and content_length is not None
                and content_length > self.max_form_memory_size):
            raise RequestEntityTooLarge()  # Werkzeug's own check in the method this replaces
        body = stream.read()
        if self.max_form_parts is not None and body.count(b"&") >= self.max_form_parts:
            raise TooManyFormParts()
        items = parse_qsl(body.decode(), keep_blank_values=True, errors="werkzeug.url_quote")
        return stream, self.cls(items), self.cls()

    def _parse_multipart(self, stream, mimetype, content_length, options):
        try:
            return super()._parse_multipart(stream, mimetype, content_length, options)
        except TooManyFormParts:
            raise
        except RequestEntityTooLarge as error:
            # A body no larger than MAX_FORM_MEMORY_SIZE holds no text part larger than it: the number of
            # parts overflowed, and the page says so instead of "too large".
            if content_length is not None and content_length <= (self.max_form_memory_size or 0):
                raise TooManyFormParts() from error
            raise


class CappedRequest(Request):
    form_data_parser_class = CappedFormDataParser


class DatabaseIdConverter(IntegerConverter):
    """`<int:...>` in a URL: an id the database can hold, else the page is simply not found (404)."""

    def __init__(self, map, fixed_digits=0, min=None, max=LARGEST_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)

    def to_python(self, value: str):
        try:
            return super().to_python(value)
        except ValueError as error:  # more digits than int() converts
            raise ValidationError() from error


def first_nul_field() -> str | None:
    """The name of the first query or form field holding a NUL byte (no database stores one in text)."""
    for source in (request.args, request.form):
        for name, value in source.items(multi=True):
            if "\x00" in name or "\x00" in value:
                return name.replace("\x00", "")
    return None


def register_request_limits(app: Flask) -> None:
    """Cap form parts, bound integer ids in URLs and refuse NUL bytes before any view sees the request.

    Must run before the blueprints are registered: their rules bind the `int` converter when added.
    """
    app.request_class = CappedRequest
    app.url_map.converters["int"] = DatabaseIdConverter

    @app.before_request
    def refuse_nul_bytes():
        if "\x00" in request.path:
            abort(404)
        field = first_nul_field()
        if field is not None:
            message = _("The field “%(field)s” contains a NUL character, which cannot be stored. "
                        "Nothing was saved.", field=field)
            abort(400, description=message)
