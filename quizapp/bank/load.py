"""Read a bank file all or nothing, with every problem reported at its line and column."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from quizapp.bank.cloze import cloze_answer_text, cloze_gaps
from quizapp.bank import limits
from quizapp.bank.errors import BankError, BankLoadFailed
from quizapp.bank.reading import read_regular_file
from quizapp.checking import normalise
from quizapp.bank.schema import (
    FACT_KEY_MAX, LANGUAGES, QUESTION_STATUSES, QUESTION_TYPES, Bank, DeckInfo, QuestionItem,
)

DECK_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
QUESTION_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
FACT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
TAG_RE = re.compile(r"^\S+$")

DECK_KEYS = {"id", "title", "language", "source", "show_drafts", "archived"}
DECK_SOURCE_KEYS = {"path", "date", "url", "attribution", "licence"}
URL_RE = re.compile(r"^https?://[^\s/]+\S*$")
QUESTION_KEYS = {
    "id", "type", "text", "answer", "distractors", "accept", "explanation",
    "source", "kind", "tags", "status", "generated", "fact",
}
QUESTION_SOURCE_KEYS = {"sentence", "start", "end", "context"}


def load_bank_file(path: str | Path, display_name: str | None = None) -> Bank:
    """Load and validate one bank file; raise BankLoadFailed listing every problem."""
    name = display_name or str(path)
    try:
        raw = read_regular_file(path, limits.BANK_MAX_BYTES)
    except OSError as exc:
        raise BankLoadFailed([BankError(name, 1, 1, f"cannot read the file: {exc.strerror}")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BankLoadFailed([BankError(name, line, 1, "the file is not UTF-8 text")]) from exc
    return load_bank_text(text, name)


def load_bank_text(text: str, name: str = "<bank>") -> Bank:
    """Load and validate bank YAML given as text; `name` is used in error messages."""
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise BankLoadFailed([BankError(name, line, col, f"YAML syntax error: {problem}")]) from exc
    except Exception as exc:  # ruamel raises a few unmarked errors (e.g. duplicate anchors)
        raise BankLoadFailed([BankError(name, 1, 1, f"YAML syntax error: {exc}")]) from exc
    return check_bank_data(data, name)


def check_bank_data(data, name: str = "<bank>") -> Bank:
    """Validate a bank already in memory as ruamel's CommentedMap (what load_bank_text parsed, or what an
    importer built, with its own line marks): the same rules, no YAML text to parse."""
    checker = _Checker(name)
    bank = checker.bank(data)
    if checker.errors:
        raise BankLoadFailed(sorted(checker.errors, key=lambda e: (e.line, e.column)))
    assert bank is not None
    return bank


class _Checker:
    """Walks the parsed YAML, collecting errors instead of stopping at the first."""

    def __init__(self, name: str):
        self.name = name
        self.errors: list[BankError] = []
        self.marks: dict[tuple[str, str], tuple[int, int]] = {}

    def remember(self, owner: str, key: str, pos: tuple[int, int]) -> None:
        self.marks[(owner, key)] = (pos[0] + 1, pos[1] + 1)

    def error(self, pos: tuple[int, int], message: str) -> None:
        self.errors.append(BankError(self.name, pos[0] + 1, pos[1] + 1, message))

    @staticmethod
    def pos_of(node) -> tuple[int, int]:
        lc = getattr(node, "lc", None)
        return (lc.line, lc.col) if lc is not None and lc.line is not None else (0, 0)

    @staticmethod
    def key_pos(mapping: CommentedMap, key: str) -> tuple[int, int]:
        try:
            pos = mapping.lc.key(key)
        except (KeyError, TypeError, AttributeError):
            pos = None
        return pos if pos is not None else _Checker.pos_of(mapping)  # ruamel gives None for a missing key

    @staticmethod
    def value_pos(mapping: CommentedMap, key: str) -> tuple[int, int]:
        try:
            pos = mapping.lc.value(key)
        except (KeyError, TypeError, AttributeError):
            pos = None
        return pos if pos is not None else _Checker.key_pos(mapping, key)

    def check_keys(self, mapping: CommentedMap, allowed: set[str], required: set[str], where: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.error(self.key_pos(mapping, key),
                           f"{where}: unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")
        for key in sorted(required - set(mapping)):
            self.error(self.pos_of(mapping), f"{where}: missing key '{key}'")

    def text(self, mapping: CommentedMap, key: str, where: str, required: bool = True,
             limit: int | None = None) -> str | None:
        """Text of at most `limit` characters; whole numbers are taken as text, other types are errors."""
        if key not in mapping:
            return None  # check_keys reports a missing required key
        value = mapping[key]
        if value is None:
            if required:
                self.error(self.value_pos(mapping, key), f"{where}: '{key}' has no value")
            return None
        if isinstance(value, bool) or isinstance(value, float):
            self.error(self.value_pos(mapping, key),
                       f"{where}: '{key}' must be text; put the value in quotes")
            return None
        if isinstance(value, int):
            return str(value)
        if not isinstance(value, str):
            self.error(self.value_pos(mapping, key), f"{where}: '{key}' must be text, not a {_kind(value)}")
            return None
        if required and not value.strip():
            self.error(self.value_pos(mapping, key), f"{where}: '{key}' must not be empty")
            return None
        if not self.storable(str(value), self.value_pos(mapping, key), f"{where}: '{key}'"):
            return None
        if limit is not None and len(value) > limit:
            self.error(self.value_pos(mapping, key),
                       f"{where}: '{key}' is {len(value):,} characters long, at most {limit} are allowed")
            return None
        return str(value)

    def storable(self, value: str, pos: tuple[int, int], what: str) -> bool:
        """False (with an error) for text holding a character no database can store."""
        bad = limits.unstorable_character(value)
        if bad is not None:
            self.error(pos, f"{what} contains the character {bad}, which cannot be stored; remove it")
        return bad is None

    def text_list(self, mapping: CommentedMap, key: str, where: str) -> tuple[str, ...]:
        if key not in mapping or mapping[key] is None:
            return ()
        value = mapping[key]
        if not isinstance(value, CommentedSeq):
            self.error(self.value_pos(mapping, key), f"{where}: '{key}' must be a list, not a {_kind(value)}")
            return ()
        items: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, int) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                self.error(value.lc.item(i), f"{where}: every entry of '{key}' must be non-empty text "
                                             "(put numbers like 15.000 in quotes)")
                continue
            if not self.storable(item, value.lc.item(i), f"{where}: an entry of '{key}'"):
                continue
            items.append(str(item))
        return tuple(items)

    def bank(self, data) -> Bank | None:
        if not isinstance(data, CommentedMap):
            self.error((0, 0), "the file must be a mapping with the keys 'deck' and 'questions'")
            return None
        self.check_keys(data, {"deck", "questions"}, {"deck", "questions"}, "file")
        deck = self.deck(data["deck"], data) if "deck" in data else None
        questions: list[QuestionItem] = []
        if "questions" in data:
            seq = data["questions"]
            if not isinstance(seq, CommentedSeq):
                self.error(self.value_pos(data, "questions"), "'questions' must be a list of questions")
            else:
                seen: dict[str, int] = {}
                for i, node in enumerate(seq):
                    item = self.question(node, seq.lc.item(i), i + 1)
                    if item is None:
                        continue
                    if item.id in seen:
                        self.error(self.value_pos(node, "id"),
                                   f"question '{item.id}': duplicate id (first used on line {seen[item.id]})")
                        continue
                    seen[item.id] = item.line
                    questions.append(item)
                self.check_siblings(questions)
        if deck is None:
            return None
        return Bank(deck=deck, questions=tuple(questions), path=self.name, marks=self.marks)

    def check_siblings(self, questions: list[QuestionItem]) -> None:
        """Items sharing a fact key are siblings: they must come from the same source sentence."""
        first: dict[str, QuestionItem] = {}
        for item in questions:
            other = first.setdefault(item.fact_key, item)
            if other is not item and " ".join(other.source_sentence.split()) != " ".join(
                    item.source_sentence.split()):
                line, column = self.marks.get((item.id, "fact"), (item.line, 1))
                self.error((line - 1, column - 1),
                           f"question '{item.id}': fact '{item.fact_key}' is also the fact of question "
                           f"'{other.id}' (line {other.line}), which comes from another source sentence")

    def deck(self, node, parent: CommentedMap) -> DeckInfo | None:
        if not isinstance(node, CommentedMap):
            self.error(self.value_pos(parent, "deck"), "'deck' must be a mapping")
            return None
        where = "deck"
        self.check_keys(node, DECK_KEYS, {"id", "title", "language", "source"}, where)
        deck_id = self.text(node, "id", where, limit=limits.DECK_ID_CHARS)
        self.remember("deck", "id", self.value_pos(node, "id"))
        if deck_id is not None and not DECK_ID_RE.match(deck_id):
            self.error(self.value_pos(node, "id"),
                       f"deck: id '{deck_id}' may only contain lowercase letters, digits and '-'")
            deck_id = None
        title = self.text(node, "title", where, limit=limits.DECK_TITLE_CHARS)
        language = self.text(node, "language", where)
        if language is not None and language not in LANGUAGES:
            self.error(self.value_pos(node, "language"),
                       f"deck: language '{language}' is not supported (use one of: {', '.join(LANGUAGES)})")
            language = None
        show_drafts, archived = (self.flag(node, key) for key in ("show_drafts", "archived"))
        path = date = None
        extra: dict[str, str | None] = {}
        source = node.get("source")
        if "source" in node:  # present but empty (`source:`) is an error too, not a missing key
            if not isinstance(source, CommentedMap):
                self.error(self.value_pos(node, "source"), "deck: 'source' must be a mapping with 'path'")
            else:
                self.check_keys(source, DECK_SOURCE_KEYS, {"path"}, "deck source")
                path = self.text(source, "path", "deck source", limit=limits.SOURCE_PATH_CHARS)
                self.remember("deck", "source.path", self.value_pos(source, "path"))
                raw_date = source.get("date")
                if isinstance(raw_date, (dt.date, dt.datetime)):
                    date = raw_date.isoformat()
                elif raw_date is not None:
                    date = self.text(source, "date", "deck source", limit=limits.SOURCE_DATE_CHARS)
                extra = self.attribution(source)
        if None in (deck_id, title, language, path):
            return None
        return DeckInfo(deck_id, title, language, path, date, show_drafts, archived=archived, **extra)

    def flag(self, node: CommentedMap, key: str) -> bool:
        """An optional true/false deck setting, false when absent."""
        value = node.get(key, False)
        if not isinstance(value, bool):
            self.error(self.value_pos(node, key), f"deck: '{key}' must be true or false")
            return False
        return value

    def attribution(self, source: CommentedMap) -> dict[str, str | None]:
        """Where the article comes from, shown to students: its web address, publisher and licence."""
        where = "deck source"
        url = self.text(source, "url", where, required=False, limit=limits.SOURCE_URL_CHARS)
        if url is not None and not URL_RE.match(url):
            self.error(self.value_pos(source, "url"),
                       f"deck source: url '{url[:80]}' must be a web address starting with https:// or http://")
            url = None
        attribution = self.text(source, "attribution", where, required=False, limit=limits.ATTRIBUTION_CHARS)
        licence = self.text(source, "licence", where, required=False, limit=limits.LICENCE_CHARS)
        return {"source_url": url or None, "source_attribution": (attribution or "").strip() or None,
                "source_licence": (licence or "").strip() or None}

    def question(self, node, pos: tuple[int, int], number: int) -> QuestionItem | None:
        if not isinstance(node, CommentedMap):
            self.error(pos, f"question #{number}: must be a mapping of keys")
            return None
        before = len(self.errors)
        qid = self.text(node, "id", f"question #{number}", limit=limits.QUESTION_ID_CHARS)
        if qid is not None and not QUESTION_ID_RE.match(qid):
            self.error(self.value_pos(node, "id"), f"question #{number}: id '{qid}' may only contain "
                                                   "letters, digits, '-', '_' and '.'")
        where = f"question '{qid}'" if qid else f"question #{number}"
        self.check_keys(node, QUESTION_KEYS, {"id", "type", "text", "source", "status"}, where)
        qtype = self.text(node, "type", where)
        if qtype is not None and qtype not in QUESTION_TYPES:
            self.error(self.value_pos(node, "type"),
                       f"{where}: type '{qtype}' is unknown (use one of: {', '.join(QUESTION_TYPES)})")
        status = self.text(node, "status", where)
        if status is not None and status not in QUESTION_STATUSES:
            self.error(self.value_pos(node, "status"),
                       f"{where}: status '{status}' is unknown (use one of: {', '.join(QUESTION_STATUSES)})")
        text = self.text(node, "text", where)
        answer = self.text(node, "answer", where)
        distractors = self.text_list(node, "distractors", where)
        accept, accept_by_gap = self.accept(node, where)
        explanation = self.text(node, "explanation", where, required=False)
        kind = self.text(node, "kind", where, limit=limits.KIND_CHARS)
        self.text(node, "generated", where, required=False)  # the generator's fingerprint; text if present
        fact = self.text(node, "fact", where, required=False)
        if fact is not None and (len(fact) > FACT_KEY_MAX or not FACT_RE.match(fact)):
            self.error(self.value_pos(node, "fact"), f"{where}: fact '{fact[:80]}' must be at most "
                                                     f"{FACT_KEY_MAX} letters, digits, '-', '_', '.' or ':'")
        tags = self.text_list(node, "tags", where)
        for tag in tags:
            if not TAG_RE.match(tag):
                self.error(self.value_pos(node, "tags"), f"{where}: tag '{tag}' must not contain spaces")
        sentence, start, end, context = self.source(node, where)

        if qtype == "cloze" and text is not None:
            answer = self.cloze(node, text, answer, where)
            if distractors:
                self.error(self.key_pos(node, "distractors"), f"{where}: a cloze item has no distractors")
        elif qtype == "mcq":
            self.mcq(node, answer, distractors, where)
            if accept_by_gap:
                self.error(self.key_pos(node, "accept"), f"{where}: 'accept' must be a list for an mcq item")
        if len(self.errors) > before:
            return None
        self.remember(qid, "id", self.value_pos(node, "id"))
        if fact is not None:
            self.remember(qid, "fact", self.value_pos(node, "fact"))
        for key in ("sentence", "start", "end"):
            if key in node["source"]:
                self.remember(qid, f"source.{key}", self.value_pos(node["source"], key))
        return QuestionItem(
            id=qid, type=qtype, text=text, answer=answer, status=status, source_sentence=sentence,
            distractors=distractors, accept=accept, accept_by_gap=accept_by_gap, explanation=explanation,
            source_start=start, source_end=end, source_context=context, kind=kind, tags=tags,
            line=pos[0] + 1, fact=fact,
        )

    def accept(self, node: CommentedMap, where: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
        value = node.get("accept")
        if isinstance(value, CommentedMap):
            by_gap: dict[str, tuple[str, ...]] = {}
            for key in value:
                if not re.fullmatch(r"c\d+", str(key)):
                    self.error(self.key_pos(value, key), f"{where}: accept keys must be gap names like 'c1'")
                    continue
                by_gap[str(key)] = self.text_list(value, key, where)
            return (), by_gap
        return self.text_list(node, "accept", where), {}

    def source(self, node: CommentedMap, where: str):
        source = node.get("source")
        if "source" not in node:
            return None, None, None, None  # check_keys reports the missing key
        if not isinstance(source, CommentedMap):
            self.error(self.value_pos(node, "source"), f"{where}: 'source' must be a mapping with 'sentence'")
            return None, None, None, None
        self.check_keys(source, QUESTION_SOURCE_KEYS, {"sentence"}, f"{where} source")
        sentence = self.text(source, "sentence", f"{where} source")
        context = self.text(source, "context", f"{where} source", required=False)
        offsets = []
        for key in ("start", "end"):
            value = source.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or not 0 <= value <= limits.OFFSET_MAX):
                self.error(self.value_pos(source, key), f"{where}: source '{key}' must be a whole number "
                                                        f">= 0 and <= {limits.OFFSET_MAX}")
                value = None
            offsets.append(value)
        start, end = offsets
        if start is not None and end is not None and end <= start:
            self.error(self.value_pos(source, "end"), f"{where}: source 'end' must be greater than 'start'")
        return sentence, start, end, context

    def cloze(self, node: CommentedMap, text: str, answer: str | None, where: str) -> str | None:
        pos = self.value_pos(node, "text")
        gaps = cloze_gaps(text)
        if not gaps:
            self.error(pos, f"{where}: a cloze text needs at least one gap like {{{{c1::answer}}}}")
            return None
        rest = cloze_answer_text(text)
        if "{{" in rest or "}}" in rest:
            self.error(pos, f"{where}: unbalanced cloze braces; write gaps as {{{{c1::answer::hint}}}}")
        numbers = sorted({g.number for g in gaps})
        if numbers != list(range(1, len(numbers) + 1)):
            self.error(pos, f"{where}: cloze gaps must be numbered c1, c2, ... without holes "
                            f"(found {', '.join('c%d' % n for n in numbers)})")
        for gap in gaps:
            if not gap.answer.strip():
                self.error(pos, f"{where}: cloze gap c{gap.number} is empty")
        if answer is not None:
            self.error(self.key_pos(node, "answer"),
                       f"{where}: a cloze item takes its answer from the gap; remove 'answer'")
        return " … ".join(g.answer for g in gaps)

    def mcq(self, node: CommentedMap, answer: str | None, distractors: tuple[str, ...], where: str) -> None:
        if answer is None:
            if "answer" not in node:
                self.error(self.pos_of(node), f"{where}: missing key 'answer' (an mcq item needs one)")
            return
        if not distractors:
            self.error(self.key_pos(node, "distractors") if "distractors" in node else self.pos_of(node),
                       f"{where}: an mcq item needs at least one distractor")
            return
        seq = node["distractors"]
        seen = {_norm(answer): answer}
        for i, d in enumerate(distractors):
            key = _norm(d)
            pos = seq.lc.item(i) if len(distractors) == len(seq) else self.value_pos(node, "distractors")
            if key == _norm(answer):
                self.error(pos, f'{where}: answer "{answer}" is also a distractor')
            elif key in seen:
                self.error(pos, f'{where}: options "{seen[key]}" and "{d}" are the same')
            else:
                seen[key] = d


def _norm(text: str) -> str:
    """Option comparison key: the checker's normalisation, so equal-looking options are caught."""
    return normalise(text)


def _kind(value) -> str:
    return {dict: "mapping", CommentedMap: "mapping", CommentedSeq: "list", list: "list"}.get(type(value), type(value).__name__)
