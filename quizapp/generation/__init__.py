"""Question generation: a German article becomes cloze and multiple-choice items (no Flask here)."""

from .errors import GenerationError

__all__ = ["GenerationError"]
