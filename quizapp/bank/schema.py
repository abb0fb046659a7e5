"""Plain data for a loaded deck: what the app, the exporter and the generator pass around."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from quizapp.bank.limits import FACT_KEY_CHARS as FACT_KEY_MAX

QUESTION_TYPES = ("mcq", "cloze")
QUESTION_STATUSES = ("draft", "approved", "retired")
LANGUAGES = ("de", "en")
# the kinds of fact the generator writes (`kind:`); a teacher may write others
FACT_KINDS = ("zahl", "jahr", "datum", "monat", "prozent", "person", "ort", "organisation", "name", "begriff")


def derived_fact_key(sentence: str, answer: str) -> str:
    """The fact key of an item whose file names none: a digest of its source sentence and answer, so the
    cloze and the mcq item made from one gap get the same key (what the generator writes, too).

    >>> key = derived_fact_key("Der Fluss heißt  Tumen.", "Tumen")
    >>> key == derived_fact_key("Der Fluss heißt Tumen.", "Tumen"), len(key)
    (True, 12)
    """
    key = "\x1f".join((" ".join(sentence.split()), answer.strip()))
    return "f-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class DeckInfo:
    """The `deck:` block of a bank file."""

    id: str
    title: str
    language: str
    source_path: str
    source_date: str | None = None
    show_drafts: bool = False
    source_url: str | None = None
    source_attribution: str | None = None
    source_licence: str | None = None
    archived: bool = False  # hidden from students, history kept


@dataclass(frozen=True)
class QuestionItem:
    """One question as written in the bank file."""

    id: str
    type: str
    text: str
    answer: str
    status: str
    source_sentence: str
    distractors: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    accept_by_gap: dict[str, tuple[str, ...]] = field(default_factory=dict)
    explanation: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_context: str | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()
    line: int = 0
    fact: str | None = None  # as written in the file; `fact_key` falls back to the derived key

    @property
    def fact_key(self) -> str:
        """The fact this item asks: items with the same key are siblings (a cloze and an mcq of one gap)."""
        return self.fact or derived_fact_key(self.source_sentence, self.answer)

    def content_hash(self) -> str:
        """Digest of everything a learner sees, to tell when an item's content last changed."""
        data = asdict(self)
        data.pop("line")
        data.pop("status")
        data.pop("fact")  # which fact an item asks is not something the learner sees
        return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True)
class Bank:
    """A whole deck file: its deck info and questions in file order."""

    deck: DeckInfo
    questions: tuple[QuestionItem, ...]
    path: str = ""
    # 1-based (line, column) of values that cross-file checks point at: ("deck", "source.path"),
    # (question id, "id"), (question id, "source.sentence"), (question id, "source.start"), ...
    marks: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)

    def mark(self, owner: str, key: str) -> tuple[int, int]:
        """Where a value was written, falling back to the start of the file."""
        return self.marks.get((owner, key), (1, 1))
