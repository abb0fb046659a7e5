"""Reading an article file: validation, metadata and paragraphs with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.bank.limits import ARTICLE_MAX_BYTES
from quizapp.bank.reading import FileTooLarge, read_regular_file

from .errors import GenerationError

MAX_BYTES = ARTICLE_MAX_BYTES

GERMAN_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "mit",
        "von",
        "den",
        "dem",
        "ein",
        "eine",
        "sich",
        "auch",
        "auf",
        "für",
        "im",
        "zu",
    ]
)
ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "is",
        "of",
        "to",
        "in",
        "that",
        "it",
        "for",
        "with",
        "was",
        "on",
        "as",
        "by",
        "are",
        "this",
        "from",
    ]
)

_META = re.compile(
    r"\ufeff?[ \t]*(?:(?P<key>date|datum)[ \t]+(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)"
    r"|(?P<lkey>lang|language|sprache)[ \t]+(?P<lang>[a-z]{2}))(?=\s)\s*",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"[ \t]*\r?\n(?:[ \t]*\r?\n)+")
_LINE_BREAK = re.compile(r"[ \t]*\r?\n")
# A photo credit: "©" and the agency names in capitals, up to the caption.
_CREDIT = re.compile(r"©\s*(?:[A-ZÄÖÜ0-9][A-ZÄÖÜ0-9&.'’-]*(?:\s*/\s*|\s+|$))*")


@dataclass(frozen=True)
class Article:
    """A decoded article: its full text (offsets refer to it), metadata and text spans to read."""

    text: str
    language: str
    date: str | None = None
    spans: tuple[tuple[int, int], ...] = field(default=())


def read_article(path: str | Path, name: str | None = None) -> Article:
    """Read and check an article file; raise GenerationError with a clear message naming it (as `name`)."""
    path = Path(path)
    name = name or str(path)
    try:
        data = read_regular_file(path, MAX_BYTES)
    except FileNotFoundError:
        raise GenerationError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise GenerationError(f"{name}: is a directory, not an article") from None
    except FileTooLarge:
        raise GenerationError(f"{name}: too large (at most {MAX_BYTES:,} bytes)") from None
    except OSError as error:
        raise GenerationError(f"{name}: cannot read: {error.strerror}") from None
    if b"\x00" in data:
        raise GenerationError(f"{name}: binary file, expected plain text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise GenerationError(f"{name}: not UTF-8 (byte {error.start})") from None
    return parse_article(text, name=name)


def parse_article(text: str, name: str = "article") -> Article:
    """Split off metadata and find the paragraphs' spans in text.

    >>> article = parse_article("date 2025-07 Der Fluss ist lang und er ist breit.")
    >>> article.date, article.language, article.spans
    ('2025-07', 'de', ((13, 49),))
    """
    date = language = None
    position = 0
    while match := _META.match(text, position):
        date = match["date"] or date
        language = (match["lang"] or language or "").lower() or None
        position = match.end()
    spans = tuple(_paragraphs(text, position))
    words = re.findall(r"[a-zäöüß]+", text.lower())
    if not words or not spans:
        raise GenerationError(f"{name}: empty article, no text to make questions from")
    language = language or detect_language(words)
    if language not in ("de", "en"):
        raise GenerationError(f"{name}: unsupported language ({language or 'neither German nor English'})")
    return Article(text, language, date, spans)


def detect_language(words: list[str]) -> str | None:
    """'de' or 'en' from the share of common function words, or None.

    >>> detect_language("das ist nicht der fall und die sache".split())
    'de'
    """
    german = sum(word in GERMAN_WORDS for word in words)
    english = sum(word in ENGLISH_WORDS for word in words)
    if max(german, english) < max(1, len(words) // 50):
        return None
    return "de" if german >= english else "en"


def _paragraphs(text: str, start: int):
    """Spans of paragraphs, without photo credits; lines are paragraphs if there are no blank lines."""
    splitter = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text, start) else _LINE_BREAK
    for chunk in _split(text, start, splitter):
        for piece in _split_credits(text, *chunk):
            begin, end = piece
            while begin < end and text[begin] in " \t\r\n\ufeff":
                begin += 1
            while end > begin and text[end - 1] in " \t\r\n":
                end -= 1
            if begin < end:
                yield begin, end


def _split(text: str, start: int, splitter: re.Pattern):
    position = start
    for match in splitter.finditer(text, start):
        yield position, match.start()
        position = match.end()
    yield position, len(text)


def _split_credits(text: str, begin: int, end: int):
    """Cut out '© AGENCY/NAME' credits; the caption after one becomes its own paragraph."""
    position = begin
    for match in _CREDIT.finditer(text, begin, end):
        yield position, match.start()
        position = match.end()
    yield position, end
