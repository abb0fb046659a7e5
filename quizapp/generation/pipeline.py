"""Article text -> deck dict: sentences, facts, the best sentence per fact, items."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from wordfreq import zipf_frequency

from . import english
from .distractors import KnownNames, Pool, normalise
from .facts import Fact, find_facts
from .ids import content_fingerprint
from .items import cloze_item, mcq_item
from .numerals import WORD_VALUES
from .source import Article, parse_article, read_article
from .text import OPENING_PUNCTUATION, SENTENCE_OPENERS, Sentence, sentences

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
        "dort",
        "hier",
        "damals",
        "dabei",
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
PRONOUNS = frozenset(
    ["er", "sie", "ihm", "ihn", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "sein", "seine", "seinen"]
    + ["seinem", "seiner", "seines", "Er", "Sie", "Ihr", "Ihre", "Sein", "Seine"]
)
REFERRING = frozenset(["deren", "dessen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "sein", "seine", "seinen",
                       "seinem", "seiner", "diese", "dieser", "dieses", "diesem", "diesen", "jene", "jener"])
AHEAD = frozenset(["dass", "ob", "wie", "was", "wer", "wo", "wann", "warum", "weil", "wenn", "um"])
GOOD_LENGTH = range(7, 31)
# Items of one sentence show each other's answers: one fact asked both ways, or up to three facts once each.
MAX_ITEMS_PER_SENTENCE = 3
KIND_VALUE = {
    "zahl": 3.0,
    "datum": 3.0,
    "jahr": 2.5,
    "person": 3.0,
    "ort": 2.0,
    "organisation": 2.0,
    "name": 1.5,
    "begriff": 1.5,
}
# A compound's head noun more common than this ("Straße" 5.3, "Preise" 4.8) does not make it a key term.
GENERIC_ZIPF = 4.6
# Words that quote a source: the paper named beside them is where the news came from.
ATTRIBUTION_WORDS = frozenset(["zufolge", "laut", "gegenüber"])
# A day or a month without its year ("am 21. Mai", "im März"): it only dates the sentence's fact.
SIDE_DATES = frozenset({"tag", "monat"})
INNER_STOP = re.compile(r"[a-zäöüß]{3}\. \d")
URL = re.compile(r"https?://|www\.|pic\.twitter|\bt\.co/|\.(?:com|org|net|at|de)/\S", re.IGNORECASE)


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
    """Items for the article, best first: per fact the best sentence, a cloze, and an MCQ when it has three
    good distractors; at most MAX_ITEMS_PER_SENTENCE items from one sentence, the highest scores kept."""
    # A name of unknown kind gets no item: its hint would say "Name" and no surname would count.
    facts = [fact for fact in find_facts(sents) if fact.kind != "name" and not in_range(fact)]
    if article.language == "en":  # its own rules; other decks' names never: stable drafts, no German names
        facts, known = english.keep_facts(facts, sents), KnownNames()
    facts = [fact for fact in facts if fact.kind != "begriff" or key_term(fact, sents)]
    facts = [fact for fact in facts if not attribution(fact)]
    pool = Pool(facts=tuple(facts), known=known, article_date=article.date)
    scored: list[tuple[float, tuple[int, int], list[dict]]] = []
    for fact, context in best_facts(facts, sents):
        cloze = cloze_item(deck_id, article.text, fact, context)
        if fact.kind == "begriff" and (head := head_answer(fact, sents)):
            cloze["accept"] = [*cloze.get("accept", []), head]  # "Schlägerei" for "Massenschlägerei"
        mcq = mcq_item(deck_id, article.text, fact, context, pool)
        value = score(fact, context, mcq is not None)
        scored.append((value, (fact.sentence.index, fact.first), [cloze, mcq] if mcq else [cloze]))
    ranked = sorted(scored, key=lambda entry: (-entry[0], entry[1]))
    per_sentence: Counter = Counter()
    chosen: list[tuple[int, int, dict]] = []  # (rank, round, item)
    for round_ in (0, 1):  # first one item for each of a sentence's best facts, then their second type
        for rank, (_, (sentence, _), items) in enumerate(ranked):
            if round_ < len(items) and per_sentence[sentence] < MAX_ITEMS_PER_SENTENCE:
                per_sentence[sentence] += 1
                chosen.append((rank, round_, items[round_]))
    ordered = [item for _, _, item in sorted(chosen, key=lambda entry: entry[:2])]
    return [item | {"generated": content_fingerprint(item)} for item in ordered]


def score(fact: Fact, context: str | None, has_mcq: bool) -> float:
    """What an item is worth to a teacher: the gap's value, less for a sentence that needs context or is
    very short or long, more when good distractors exist (then both item types can ask it)."""
    value = KIND_VALUE.get(fact.kind, 1.0)
    if fact.kind == "datum" and fact.cls == "monat":
        value = 2.0
    if fact.kind == "zahl" and fact.sentence.tokens[fact.first].text.lower() in WORD_VALUES:
        value = 2.5  # "fünf Monate": a count worth asking, but after the people and figures of the news
    if fact.kind in ("ort", "organisation") and fact.cls not in (None, "land", fact.kind):
        value += 0.5  # "der Grenzfluss Tumen", "die Zeitung Rodong Sinmun": the article says what it is
    if context is not None:
        value -= 1.0
    if len(fact.sentence.tokens) not in GOOD_LENGTH:
        value -= 0.5
    return value + (0.5 if has_mcq else 0.0)


def in_range(fact: Fact) -> bool:
    """A bound of a range ("20 bis 30 Mrd.", "zwischen 1961 und 1990"): trivia whose other bound in the
    stem makes some options absurd."""
    if fact.kind not in ("zahl", "jahr"):
        return False
    tokens = fact.sentence.tokens
    before = tokens[max(0, fact.first - 2) : fact.first]
    after = tokens[fact.last : fact.last + 2]
    joined = ("bis", "und", "-", "–", "to", "and")
    return (
        len(before) == 2 and before[1].text in joined and before[0].tag == "CARD"
        or len(after) == 2 and after[0].text in joined and after[1].tag == "CARD"
    )


def key_term(fact: Fact, sents: list[Sentence]) -> bool:
    """A term the article is about: its lemma or its head noun comes back in another sentence
    ("Interkontinentalrakete" ... "Rakete"), not a decorative word used once ("Quäntchen")."""
    return bool(recurring_heads(fact, sents))


def recurring_heads(fact: Fact, sents: list[Sentence]) -> set[str]:
    """The term's lemma and its uncommon head nouns that another sentence uses, in lower case."""
    lemma = (fact.lemma or fact.answer).lower()
    heads = {lemma} | {
        head for head in (lemma[i:] for i in range(1, len(lemma) - 4)) if not generic_head(head)
    }
    heads = {head for head in heads if len(head) >= 5}
    found = set()
    for sentence in sents:
        if sentence.index == fact.sentence.index:
            continue
        for token in sentence.tokens:
            if token.is_noun and (token.lemma or token.text).lower() in heads:
                found.add((token.lemma or token.text).lower())
    return found


def head_answer(fact: Fact, sents: list[Sentence]) -> str | None:
    """The head noun by which the article itself names the term again, in the answer's form: "Schlägerei" for
    "Massenschlägerei" when the article goes on about "die Schlägerei". A teacher accepts it too."""
    lemma = (fact.lemma or fact.answer).lower()
    heads = sorted((head for head in recurring_heads(fact, sents) if head != lemma), key=len, reverse=True)
    if not heads or fact.sentence.language != "de":
        return None
    prefix = lemma[: len(lemma) - len(heads[0])]
    if not fact.answer.lower().startswith(prefix):
        return None
    others = [token for i, token in enumerate(fact.sentence.tokens) if i != fact.first and token.is_noun]
    if any((token.lemma or token.text).lower().endswith(heads[0]) for token in others):
        return None  # "die Warenexporte, während sich die Dienstleistungsexporte ...": the head is not enough
    return fact.answer[len(prefix) :].capitalize()


def generic_head(head: str) -> bool:
    """A head noun so common that its coming back says nothing ("Zufahrtsstraßen" ... "Straße", "Flugpreise"
    ... "Preise"): the compound is not what the article is about."""
    return zipf_frequency(head, "de") > GENERIC_ZIPF


def best_facts(facts: list[Fact], sents: list[Sentence]) -> list[tuple[Fact, str | None]]:
    """One fact per answer: the mention in the most self-contained sentence of good length; a day or month
    without a year only where it is its sentence's one fact (else it just dates the fact that is asked)."""
    people = {fact.answer.split()[-1] for fact in facts if fact.kind == "person" and " " in fact.answer}
    candidates: list[tuple[Fact, str | None]] = []
    for fact in facts:
        if fact.kind == "person" and " " not in fact.answer and fact.answer in people:
            continue  # "Putin" when "Wladimir Putin" is asked for already
        usable, context = usable_sentence(fact.sentence, sents)
        if usable and gap_leaves_content(fact) and answer_once(fact, context):
            candidates.append((fact, context))
    dated = {fact.sentence.index for fact, _ in candidates if not side_date(fact)}
    best: dict[tuple[str, str], tuple[tuple, Fact, str | None]] = {}
    for fact, context in candidates:
        if side_date(fact) and fact.sentence.index in dated:
            continue  # "am 21. Mai" beside the number or name it dates is trivia: that fact is asked
        rank = (context is not None, len(fact.sentence.tokens) not in GOOD_LENGTH, fact.sentence.index)
        key = (fact.kind, normalise(fact.answer))
        if key not in best or rank < best[key][0]:
            best[key] = (rank, fact, context)
    return [(fact, context) for _, fact, context in best.values()]


def attribution(fact: Fact) -> bool:
    """The agency or paper a report is quoted from ("der Nachrichtenagentur AFP", "Der Zeitung Haaretz
    zufolge"): where the news came from, not what it says."""
    if fact.kind != "organisation" or fact.cls not in ("agentur", "zeitung", "sender"):
        return False
    words = {token.text.lower() for token in fact.sentence.tokens}
    return fact.cls == "agentur" or bool(words & ATTRIBUTION_WORDS)


def side_date(fact: Fact) -> bool:
    """A day or a month without a year ("am 21. Mai", "im März", "Jänner"); "Juni 2024" is a fact itself."""
    return fact.kind == "datum" and fact.cls in SIDE_DATES


def usable_sentence(sentence: Sentence, sents: list[Sentence]) -> tuple[bool, str | None]:
    """Whether the sentence can stand alone, or with the sentence before it as context (which must itself
    stand alone: "Das erzählte er ..." explains nothing)."""
    if (
        not sentence.complete
        or sentence.teaser
        or has_url(sentence.text)
        or glued(sentence)
        or has_two_sentences(sentence.text)
        or interview_label(sentence)
    ):
        return False, None
    if sentence.index == 0 and not any(token.is_finite_verb for token in sentence.tokens):
        return False, None  # a headline above the article: "Sicherheitslücke bereits im Februar entdeckt."
    if not leans_on_previous(sentence):
        return True, None
    if personal_pronoun(sentence) or sentence.language == "en" and english.points_back(sentence, people=True):
        return False, None  # "Sie hatte im Dezember ...": the sentence before need not name her
    previous = sents[sentence.index - 1] if sentence.index > 0 else None
    if (
        previous is None
        or previous.paragraph != sentence.paragraph
        or not previous.complete
        or previous.teaser
        or has_url(previous.text)
        or glued(previous)
        or refers_back(previous)
        or interview_label(previous)
    ):
        return False, None
    return True, previous.text


def interview_label(sentence: Sentence) -> bool:
    """A line of an interview: "STANDARD: In der Steiermark ...", "Laurenz Ennser-Jedenastik: In gewissem
    Maße ja." (who speaks, then a colon, in the first four tokens)."""
    tokens = sentence.tokens[:5]
    colon = next((i for i, token in enumerate(tokens) if token.text == ":"), None)
    names = colon is not None and all(token.tag in ("NE", "NN", "FM") for token in tokens[:colon])
    return names and 0 < colon <= 3


def has_two_sentences(text: str) -> bool:
    """A full stop inside the text before a number ("Höher sind die Kosten. 8.000 Euro ...")."""
    return bool(INNER_STOP.search(text))


def has_url(text: str) -> bool:
    """A web address or an embedded tweet ("pic.twitter.com/...", "t.co/...", "www.")."""
    return bool(URL.search(text))


def leans_on_previous(sentence: Sentence) -> bool:
    """Starts with a pronoun or a connective ("Damit", "Als Dank") that points back."""
    tokens = sentence.tokens
    if tokens[0].text.lower() in LEANING_OPENERS or sentence.text.startswith(LEANING_PHRASES):
        return True
    if any(
        token.tag in ("PROAV", "PAV") and token.text.lower().startswith("da") and not _points_ahead(tokens, i)
        for i, token in enumerate(tokens)
    ):
        return True
    return refers_back(sentence) or is_fragment(tokens)


def _points_ahead(tokens, i: int) -> bool:
    """ "damit, ob ...", "darauf, dass ...": the pronominal adverb announces the clause after it."""
    following = tokens[i + 1 : i + 3]
    return len(following) == 2 and following[0].text == "," and following[1].text.lower() in AHEAD


def refers_back(sentence: Sentence) -> bool:
    """A pronoun near the start whose referent is in an earlier sentence: "Die kündigte ...",
    "Unter ihnen ...", "Für deren Hit ...", "Ihr Trainer ..."."""
    tokens = sentence.tokens
    if sentence.language == "en" and english.points_back(sentence):
        return True
    article = len(tokens) > 1 and tokens[1].tag in ("NN", "NE", "ADJA")  # "Das Team ...": an article
    if tokens[0].tag in ("PPER", "PDS", "PROAV", "PAV") and not (tokens[0].tag == "PDS" and article):
        return True
    if any(token.text.lower() in THIRD_PERSON and token.tag == "PPER" for token in tokens[:4]):
        return True
    if any(token.text.lower() in REFERRING for token in tokens[:4]):
        return True
    if personal_pronoun(sentence):
        return True
    return any(token.tag == "PDAT" and token.text.lower().startswith("dies") for token in tokens)


def personal_pronoun(sentence: Sentence) -> bool:
    """A third-person pronoun ("sagt er", "ihr zweiter Ehemann") with no name before it in the sentence:
    its person is somewhere earlier, and the sentence before is often not where."""
    noun = False  # a possessive may point at a noun before it: "Der Sportklub hat seinen Trainer ..."
    for token in sentence.tokens:
        if token.tag == "NE":
            return False
        noun = noun or token.tag == "NN"
        if token.text in PRONOUNS and (token.tag == "PPER" or token.tag == "PPOSAT" and not noun):
            return True
    return False


def glued(sentence: Sentence) -> bool:
    """Two sentences or a sub-heading run together: a capitalised function word or finite verb in
    mid-sentence ("... finden Sie hier: Höhere Quote bei Zuwanderern Deutlich höhere ...")."""
    tokens = sentence.tokens
    for i in range(1, len(tokens)):
        token, before = tokens[i], tokens[i - 1]
        if (
            token.text[:1].isupper()
            and (token.tag in SENTENCE_OPENERS or token.tag in ("ADJD", "VVFIN", "VAFIN", "VMFIN"))
            and token.tag != "PPER"
            and before.text not in OPENING_PUNCTUATION
            and not before.tag.startswith("$")
        ):
            return True
    return False


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
    """The answer is not given away elsewhere in the sentence or in the context ("Vier Kandidaten gibt es:
    vier junge Sterne": a word in another case gives it away too)."""
    answer = re.escape(fact.answer)
    pattern = re.compile(rf"(?<!\w){answer}(?!\w)", re.IGNORECASE if fact.answer.isalpha() else 0)
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
    """The first heading's topic ("Nordkorea und Russland: ..."), an English headline on the first line,
    or the file name."""
    for sentence in sents[:10]:
        if sentence.heading:
            return sentence.heading.split(":")[0].strip()
    if sents and sents[0].language == "en" and (title := english.headline(sents)):
        return title
    return deck_id_for(path).replace("-", " ").title()
