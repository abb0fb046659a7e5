"""Imported cards become a new deck: `questions/<deck>.yaml` of drafts and `seeds/<deck>.txt` beside it.

Every bank item names the article sentence it came from, and an imported card has none, so the import
writes an article of its own: one line per card, the card's sentence (the source column of a CSV, the
article sentence of a quizapp note, else the question with its answer filled in). The deck loads and checks
like any other. Ids come from the deck and the card's content, so importing the same file again finds every
id already there and changes nothing. A set too large for one bank file (docs/question-bank.md: 500 KB,
an article 50 KB) or with more than PART_ITEMS cards is split into decks `<deck>`, `<deck>-2`, ...
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from quizapp.bank.articles import ARTICLES_DIR
from quizapp.bank.cloze import cloze_answer_text, cloze_gaps
from quizapp.bank.errors import BankLoadFailed
from quizapp.bank.limits import ARTICLE_MAX_BYTES, BANK_MAX_BYTES, DECK_ID_CHARS, DECK_TITLE_CHARS
from quizapp.bank.load import check_bank_data
from quizapp.bank.validate import bank_files
from quizapp.bank.write import save_bank
from quizapp.generation.ids import slug
from quizapp.interop.cards import Card, ImportFailed, ImportProblem

PART_ITEMS = 1000  # cards per deck: a review queue and a deck page a teacher can still work through
PART_BYTES = int(BANK_MAX_BYTES * 0.9)  # room for the teacher's later edits and comments
PART_ARTICLE_BYTES = int(ARTICLE_MAX_BYTES * 0.9)
BLANK = "____"

PLAIN_RE = re.compile(r"[^\W\d_][\w .,!?()'’„“”‚‘/%+;–—-]*(?<! )")
PLAIN_IN_LIST_RE = re.compile(r"[^\W\d_][\w .!?()'’„“”‚‘/%+;–—-]*(?<! )")
YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}
UNPRINTABLE_RE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def yaml_scalar(text: str, in_list: bool = False) -> str:
    """Text as a YAML scalar: plain when that reads back the same, else double-quoted.

    >>> yaml_scalar("Haus"), yaml_scalar("Haus: house"), yaml_scalar("no"), yaml_scalar('Er sagt "ja"')
    ('Haus', '"Haus: house"', '"no"', '"Er sagt \\\\"ja\\\\""')
    """
    pattern = PLAIN_IN_LIST_RE if in_list else PLAIN_RE
    if pattern.fullmatch(text) and text.lower() not in YAML_WORDS:
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return UNPRINTABLE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def yaml_list(values) -> str:
    return "[" + ", ".join(yaml_scalar(v, in_list=True) for v in values) + "]"


def source_sentence(card: Card) -> str:
    """The sentence shown as feedback: the card's own, else its question with the answer in place."""
    if card.source_sentence:
        return card.source_sentence
    if card.type == "cloze":
        return cloze_answer_text(card.text)
    if BLANK in card.text:
        return card.text.replace(BLANK, card.answer, 1)
    return f"{card.text} {card.answer}"


def item_id(deck_id: str, card: Card) -> str:
    """A stable id from the deck and the card's content (not its line): a reimport finds it again.

    >>> item_id("vokabeln", Card("cloze", "Haus: {{c1::house}}", 3))
    'vokabeln-house-b70650fc'
    """
    key = "\x1f".join((card.type, card.text, card.answer, *card.distractors))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    answer = cloze_gaps(card.text)[0].answer if card.type == "cloze" else card.answer
    return f"{deck_id}-{slug(answer)}-{digest}"


def item_map(item_id_: str, card: Card, sentence: str, mark: int) -> CommentedMap:
    """The bank item of a card, as the loader's checker takes it; every value marked at line `mark`."""
    item = CommentedMap(id=item_id_, type=card.type, text=card.text)
    if card.type == "mcq":
        item["answer"], item["distractors"] = card.answer, CommentedSeq(card.distractors)
    if card.accept:
        item["accept"] = CommentedSeq(card.accept)
    if card.explanation:
        item["explanation"] = card.explanation
    item["source"] = CommentedMap(sentence=sentence)
    if card.source_context:
        item["source"]["context"] = card.source_context
    if card.kind:
        item["kind"] = card.kind
    if card.tags:
        item["tags"] = CommentedSeq(card.tags)
    item["status"] = "draft"
    _mark(item, mark)
    return item


def _mark(node, line: int) -> None:
    """Give a built node ruamel's line marks, so the checker's errors point at `line`."""
    node._yaml_set_line_col(line, 0)
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            node._yaml_set_kv_line_col(key, [line, 0, line, 0])
            if isinstance(value, (CommentedMap, CommentedSeq)):
                _mark(value, line)
    else:
        for index in range(len(node)):
            node._yaml_set_idx_line_col(index, [line, 0])


def item_yaml(item: CommentedMap) -> str:
    """An item as a bank file block: plain scalars where they read back the same, lists in flow style."""
    lines = [f"  - id: {item['id']}"]
    for key, value in item.items():
        if key == "id":
            continue
        if isinstance(value, CommentedMap):
            lines.append(f"    {key}:")
            lines += [f"      {k}: {yaml_scalar(v)}" for k, v in value.items()]
        elif isinstance(value, CommentedSeq):
            lines.append(f"    {key}: {yaml_list(value)}")
        else:
            lines.append(f"    {key}: {yaml_scalar(value)}")
    return "\n".join(lines) + "\n"


@dataclass
class DeckPart:
    """One deck file of an import and its article."""

    deck_id: str
    title: str = ""
    items: list[str] = field(default_factory=list)  # item YAML blocks
    maps: list[CommentedMap] = field(default_factory=list)  # the same items for the checker
    ids: list[str] = field(default_factory=list)
    card_lines: list[int] = field(default_factory=list)
    sentences: dict[str, None] = field(default_factory=dict)  # article lines, in order, once each
    size: int = 0
    article_size: int = 0

    @property
    def bank_file(self) -> str:
        return f"{self.deck_id}.yaml"

    @property
    def article_path(self) -> str:
        return f"{ARTICLES_DIR}/{self.deck_id}.txt"

    def article_text(self) -> str:
        return "\n".join(self.sentences) + "\n"

    def bank_text(self, language: str, origin: str) -> str:
        return self.head(language, origin) + "".join(self.items)

    def head(self, language: str, origin: str) -> str:
        origin = " ".join(origin.split())
        return (f"# Imported from {origin} by `quizapp import`; every item arrived as a draft.\n"
                f"# The article {self.article_path} holds the cards' sentences, one per line.\n"
                f"deck:\n  id: {self.deck_id}\n  title: {yaml_scalar(self.title)}\n  language: {language}\n"
                f"  source:\n    path: {self.article_path}\nquestions:\n")

    def data(self, language: str) -> CommentedMap:
        """The part as the loader's checker takes it."""
        deck = CommentedMap(id=self.deck_id, title=self.title, language=language,
                            source=CommentedMap(path=self.article_path))
        _mark(deck, 0)
        data = CommentedMap(deck=deck, questions=CommentedSeq(self.maps))
        _mark(data, 0)
        for index, item in enumerate(self.maps):
            data["questions"]._yaml_set_idx_line_col(index, [item.lc.line, 0])
        return data


@dataclass
class ImportPlan:
    """What an import would write: the deck parts, cards skipped as repeats, the teacher's notices."""

    deck_id: str
    title: str
    language: str
    origin: str
    parts: list[DeckPart]
    notices: list[str]
    card_lines: list[int] = field(default_factory=list)  # the file's line of each item, in order

    def problems(self) -> list[ImportProblem]:
        """What the bank loader would refuse, at the import file's line: the loader's own rules, run on the
        items as built (parsing the text the import writes is the slow part of loading, and needless here)."""
        problems = []
        for part in self.parts:
            try:
                check_bank_data(part.data(self.language), part.bank_file)
            except BankLoadFailed as exc:
                problems += [ImportProblem(self.origin, self.card_lines[e.line - 2] if e.line > 1 else 0, "",
                                           e.message) for e in exc.errors]
        return problems

    @property
    def count(self) -> int:
        return sum(len(p.ids) for p in self.parts)


def deck_id_for(title: str) -> str:
    """A deck id from a title or a file's stem: `Vokabeln Englisch` -> `vokabeln-englisch` (room is left for
    the `-2`... of a split set)."""
    return slug(title, limit=DECK_ID_CHARS - 6)


def plan_import(cards: list[Card], deck_id: str, title: str, language: str, origin: str,
                notices: list[str] | None = None) -> ImportPlan:
    """Cards into deck parts (pure: nothing is read or written)."""
    notices = list(notices or [])
    seen: dict[str, int] = {}
    parts = [DeckPart(deck_id)]
    for card in cards:
        qid = item_id(deck_id, card)
        if qid in seen:
            notices.append(f"{origin}:{card.line}: the same card as line {seen[qid]}; imported once")
            continue
        seen[qid] = card.line
        sentence = source_sentence(card)
        item = item_map(qid, card, sentence, len(seen))  # line marks: 1 + the item's number
        block = item_yaml(item)
        line_bytes = len(sentence.encode("utf-8")) + 1
        part = parts[-1]
        if part.ids and (len(part.ids) >= PART_ITEMS or part.size + len(block.encode()) > PART_BYTES
                         or part.article_size + line_bytes > PART_ARTICLE_BYTES):
            part = DeckPart(f"{deck_id}-{len(parts) + 1}")
            parts.append(part)
        part.items.append(block)
        part.maps.append(item)
        part.ids.append(qid)
        part.card_lines.append(card.line)
        part.size += len(block.encode())
        if sentence not in part.sentences:
            part.sentences[sentence] = None
            part.article_size += line_bytes
    short_title = title[: DECK_TITLE_CHARS - 10]
    for number, part in enumerate(parts, 1):
        part.title = short_title if len(parts) == 1 else f"{short_title} ({number}/{len(parts)})"
    return ImportPlan(deck_id, title, language, origin, parts, notices,
                      [line for part in parts for line in part.card_lines])


@dataclass
class ImportResult:
    """What an import did: the deck files written (none when all was there already) and the notices."""

    plan: ImportPlan
    written: list[str]
    unchanged: bool


def existing_ids(questions: Path, part: DeckPart) -> set[str] | None:
    """The ids written in a part's deck file (its `id:` lines, read without parsing), None when there is none."""
    try:
        return set(ID_LINE_RE.findall((questions / part.bank_file).read_text(encoding="utf-8", errors="replace")))
    except FileNotFoundError:
        return None


ID_LINE_RE = re.compile(r"^[ \t-]*id:[ \t]*['\"]?([^'\"\s#]+)", re.MULTILINE)


def _taken_ids(plan: ImportPlan, questions: Path) -> list[ImportProblem]:
    """New deck or question ids some other bank file already uses (its `id:` lines, read without parsing)."""
    ours = {p.deck_id for p in plan.parts} | {i for p in plan.parts for i in p.ids}
    problems = []
    for path in bank_files(questions):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for taken in sorted(ours & set(ID_LINE_RE.findall(text))):
            problems.append(ImportProblem(plan.origin, 0, "", f"the id '{taken}' is already used in "
                                                                f"{questions.name}/{path.name}; import under "
                                                                "another deck name"))
    return problems


def write_import(plan: ImportPlan, questions: str | Path, root: str | Path) -> ImportResult:
    """Write the plan's articles and decks, all or nothing; ImportFailed (nothing written) on any problem.

    Already imported (every part's file holds every id): nothing is written. A deck file or article of the
    same name holding anything else is never overwritten: the teacher picks another deck name.
    """
    questions, root = Path(questions), Path(root)
    present = [existing_ids(questions, part) for part in plan.parts]
    if all(ids is not None and set(part.ids) <= ids for ids, part in zip(present, plan.parts)):
        return ImportResult(plan, [], True)
    taken = [f"{questions.name}/{p.bank_file}" for p, ids in zip(plan.parts, present) if ids is not None]
    taken += [p.article_path for p in plan.parts if (root / p.article_path).exists()]
    if taken:
        raise ImportFailed([ImportProblem(plan.origin, 0, "", f"{taken[0]} already exists and holds other "
                                          "questions; import under another deck name")])
    problems = plan.problems() + _taken_ids(plan, questions)
    if problems:
        raise ImportFailed(problems)
    written: list[Path] = []
    try:
        (root / ARTICLES_DIR).mkdir(parents=True, exist_ok=True)
        for part in plan.parts:
            save_bank(root / part.article_path, part.article_text(), None)
            written.append(root / part.article_path)
        for part in plan.parts:
            save_bank(questions / part.bank_file, part.bank_text(plan.language, plan.origin), None)
            written.append(questions / part.bank_file)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return ImportResult(plan, [f"{questions.name}/{p.bank_file}" for p in plan.parts], False)
