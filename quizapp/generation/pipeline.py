"""Article text -> deck dict: sentences, facts, the best sentence per fact, items."""

from __future__ import annotations

import re
from pathlib import Path

from .distractors import KnownNames, Pool, normalise
from .facts import Fact, find_facts
from .ids import content_fingerprint
from .items import cloze_item, mcq_item
from .source import Article, parse_article, read_article
from .text import Sentence, sentences

CONTENT_TAGS = ("NN", "NNA", "NE", "CARD", "ADJA", "ADJD", "VVFIN", "VVINF", "VVPP", "VVIZU", "FM")
LEANING_OPENERS = frozenset(
    [
        "dann",
        "dafür",
        "damit",
        "dadurch",
        "deshalb",
        "daher",
        "trotzdem",
        "dennoch",
        "vielmehr",
        "zudem",
        "außerdem",
        "then",
        "however",
        "therefore",
        "thus",
        "also",
        "instead",
        "meanwhile",
    ]
)
LEANING_PHRASES = ("Als Dank", "Im Gegenzug", "Auch das", "Dabei", "In return", "In exchange")
THIRD_PERSON = frozenset(
    [
        "er",
        "sie",
        "es",
        "ihm",
        "ihr",
        "ihn",
        "ihnen",
        "sein",
        "seine",
        "ihre",
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
    ]
)
GOOD_LENGTH = range(7, 31)


def generate_deck(
    path: str | Path, *, source_path: str | None = None, known: KnownNames = KnownNames()
) -> dict:
    """Read an article file and return its deck as a dict in the bank format (see docs/question-bank.md)."""
    path = Path(path)
    source_path = source_path or path.as_posix()
    return deck_from_article(read_article(path, name=source_path), path, source_path, known)


def generate_deck_from_text(text: str, name: str = "artikel.txt", known: KnownNames = KnownNames()) -> dict:
    """The deck for an article given as text (name stands in for the file name).

    >>> deck = generate_deck_from_text("Der Grenzfluss Tumen ist 521 Kilometer lang und fließt ins Meer.")
    >>> [(item["type"], item["text"]) for item in deck["questions"]][:1]
    [('cloze', 'Der Grenzfluss {{c1::Tumen::Ort}} ist 521 Kilometer lang und fließt ins Meer.')]
    """
    return deck_from_article(parse_article(text, name), Path(name), name, known)


def deck_from_article(
    article: Article, path: Path, source_path: str, known: KnownNames = KnownNames()
) -> dict:
    """The deck dict: metadata from the article and its file name, then the items."""
    deck_id = deck_id_for(path)
    sents = sentences(article)
    deck = {
        "id": deck_id,
        "title": deck_title(path, sents),
        "language": article.language,
        "source": {"path": source_path},
    }
    if article.date:
        deck["source"]["date"] = article.date
    return {"deck": deck, "questions": make_items(deck_id, article, sents, known)}


def make_items(
    deck_id: str, article: Article, sents: list[Sentence], known: KnownNames = KnownNames()
) -> list[dict]:
    """Items for the article: per fact the best sentence, a cloze, and an MCQ when it has three distractors."""
    facts = [fact for fact in find_facts(sents) if fact.kind != "name" or fact.last - fact.first > 1]
    pool = Pool(facts=tuple(facts), known=known, article_date=article.date)
    items: list[tuple[tuple[int, int, int], dict]] = []
    for fact, context in best_facts(facts, sents):
        order = (fact.sentence.index, fact.first)
        items.append((order + (0,), cloze_item(deck_id, article.text, fact, context)))
        if mcq := mcq_item(deck_id, article.text, fact, context, pool):
            items.append((order + (1,), mcq))
    ordered = [item for _, item in sorted(items, key=lambda pair: pair[0])]
    return [item | {"generated": content_fingerprint(item)} for item in ordered]


def best_facts(facts: list[Fact], sents: list[Sentence]) -> list[tuple[Fact, str | None]]:
    """One fact per answer: the mention in the most self-contained sentence of good length."""
    people = {fact.answer.split()[-1] for fact in facts if fact.kind == "person" and " " in fact.answer}
    best: dict[tuple[str, str], tuple[tuple, Fact, str | None]] = {}
    for fact in facts:
        if fact.kind == "person" and " " not in fact.answer and fact.answer in people:
            continue  # "Putin" when "Wladimir Putin" is asked for already
        usable, context = usable_sentence(fact.sentence, sents)
        if not usable or not gap_leaves_content(fact) or not answer_once(fact, context):
            continue
        rank = (context is not None, len(fact.sentence.tokens) not in GOOD_LENGTH, fact.sentence.index)
        key = (fact.kind, normalise(fact.answer))
        if key not in best or rank < best[key][0]:
            best[key] = (rank, fact, context)
    return [(fact, context) for _, fact, context in best.values()]


def usable_sentence(sentence: Sentence, sents: list[Sentence]) -> tuple[bool, str | None]:
    """Whether the sentence can stand alone, or with the sentence before it as context."""
    if not sentence.complete:
        return False, None
    if not leans_on_previous(sentence):
        return True, None
    previous = sents[sentence.index - 1] if sentence.index > 0 else None
    if previous is None or previous.paragraph != sentence.paragraph or not previous.complete:
        return False, None
    return True, previous.text


def leans_on_previous(sentence: Sentence) -> bool:
    """Starts with a pronoun or a connective ("Damit", "Als Dank") that points back."""
    tokens = sentence.tokens
    first = tokens[0]
    if first.tag in ("PPER", "PDS", "PROAV", "PAV") or first.text.lower() in LEANING_OPENERS:
        return True
    if sentence.text.startswith(LEANING_PHRASES):
        return True
    if any(token.tag in ("PROAV", "PAV") and token.text.lower().startswith("da") for token in tokens):
        return True
    if any(token.text.lower() in THIRD_PERSON and token.tag == "PPER" for token in tokens[:4]):
        return True
    return is_fragment(tokens)


def is_fragment(tokens) -> bool:
    """No finite verb before the first subordinate clause: "Im Herbst etwa, als ... gezündet wurde."."""
    for token in tokens:
        if token.is_finite_verb:
            return False
        if token.tag in ("KOUS", "PRELS"):
            return True
    return False


def gap_leaves_content(fact: Fact) -> bool:
    """The rest of the sentence still says something: three content words outside the gap."""
    tokens = fact.sentence.tokens
    rest = [
        token
        for i, token in enumerate(tokens)
        if not fact.first <= i < fact.last and token.tag in CONTENT_TAGS
    ]
    return len(rest) >= 3


def answer_once(fact: Fact, context: str | None) -> bool:
    """The answer is not given away elsewhere in the sentence or in the context."""
    answer = re.escape(fact.answer)
    pattern = re.compile(rf"(?<!\w){answer}(?!\w)")
    return len(pattern.findall(fact.sentence.text)) == 1 and not (context and pattern.search(context))


def deck_id_for(path: Path) -> str:
    """The deck id from the file name without a leading date: 2025-07-nordkorea-russland -> nordkorea-russland.

    >>> deck_id_for(Path("seeds/2025-07-nordkorea-russland.txt"))
    'nordkorea-russland'
    """
    from .ids import slug

    stem = re.sub(r"^\d{4}(?:-\d{2}){0,2}[-_]", "", path.stem)
    return slug(stem, limit=60)


def deck_title(path: Path, sents: list[Sentence]) -> str:
    """The first heading's topic ("Nordkorea und Russland: ..."), or the file name."""
    for sentence in sents[:10]:
        if sentence.heading:
            return sentence.heading.split(":")[0].strip()
    return deck_id_for(path).replace("-", " ").title()
