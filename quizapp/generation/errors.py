"""Errors the generator reports to its callers."""


class GenerationError(Exception):
    """An article cannot be turned into a deck; the message says why."""
