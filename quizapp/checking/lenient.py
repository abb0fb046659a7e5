"""The lenient rules: what a teacher accepts although it is not written as expected, each with its reason.

Rewrites change the typed answer (a leading "der" dropped, "vierundzwanzig" read as 24); matches compare
the rewritten answer with one expected form. Every step that was needed is returned as a Reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from rapidfuzz.distance import OSA

from quizapp.checking.locales import locale_for
from quizapp.checking.numbers import display_number, format_number, read_decimal
from quizapp.checking.places import same_place
from quizapp.checking.result import Reason, Why
from quizapp.checking.tokens import Token, Word, fold, tokenise

# Leading words a gap rarely contains: the student copied them from the sentence ("in der Ukraine").
FUNCTION_WORDS = {
    "de": frozenset(
        "der die das den dem des ein eine einen einem einer eines im in ins am an auf aus bei beim mit nach "
        "von vom zu zum zur fuer ueber unter vor hinter neben zwischen durch gegen um bis seit".split()
    ),
    "en": frozenset("the a an in into on at to from of by for with near over under".split()),
}
MAX_IGNORED_WORDS = 2
# Inflectional endings, longest first; an inflected form differs from another only there (and by umlaut).
ENDINGS = {
    "de": ("ern", "ens", "es", "en", "er", "em", "e", "s", "n"),
    "en": ("ing", "es", "ed", "s", "e", "d"),
}
MIN_STEM_LETTERS = 3
# Abbreviations and other spellings of a unit, folded; anything else is compared by its lemma.
UNIT_SPELLINGS = {
    "km": "kilometer", "kilometre": "kilometer", "kilometres": "kilometer", "kilometers": "kilometer",
    "m": "meter", "metre": "meter", "metres": "meter", "meters": "meter",
    "cm": "zentimeter", "mm": "millimeter", "qkm": "quadratkilometer", "km2": "quadratkilometer",
    "kg": "kilogramm", "kilogram": "kilogramm", "kilograms": "kilogramm", "g": "gramm", "gram": "gramm",
    "t": "tonne", "tonnen": "tonne", "tonnes": "tonne", "tons": "tonne", "ton": "tonne",
    "mi": "mile", "miles": "mile", "h": "stunde", "std": "stunde", "stunden": "stunde",
    "min": "minute", "minuten": "minute", "minutes": "minute", "%": "prozent", "percent": "prozent",
    "€": "euro", "eur": "euro", "$": "dollar", "usd": "dollar", "dollars": "dollar", "°": "grad",
}
# text2num reads number words in these languages.
SPELLED_NUMBER_LANGUAGES = frozenset({"de", "en", "fr", "es", "pt", "it", "nl", "da"})
MIN_SURNAME_LETTERS = 4
# Chinese and Korean family names, which come first: the surname rule leaves such names alone.
FAMILY_NAME_FIRST = frozenset(
    "kim xi li wang zhang liu chen yang zhao huang zhou wu hu deng mao park lee moon yoon choe choi jang"
    .split()
)
NAME_PARTICLES = frozenset("van von der de den del della di da du la le zu ten ter al bin ibn".split())
KIND_PERSON = "person"
# Austrian names of months, folded, and the standard German ones they stand for (both ways round).
MONTH_SPELLINGS = {"jaenner": "januar", "feber": "februar"}
# Kinds of fact that are never a place: "Paris" for a person is not the city, "Juli" no town.
NOT_PLACES = frozenset({"person", "zahl", "jahr", "datum", "monat", "begriff"})


@dataclass(frozen=True)
class Context:
    """What the rules know beyond the two answers: the deck's language, the fact's kind, the words after
    the gap in the sentence."""

    language: str
    kind: str | None = None
    after: str = ""

    @property
    def next_word(self) -> str:
        """The word right after the gap, folded, with the punctuation after it dropped ("%" stays)."""
        first = self.after.split()[:1]
        return fold(first[0].rstrip(".,;:!?)]»«“”\"'")) if first else ""

    @property
    def base_language(self) -> str:
        return locale_for(self.language).language


Rewrite = tuple[list[Token], tuple[Reason, ...]]


def rewrites(given: str, answer: list[Token], expected: list[Token], context: Context) -> Iterator[Rewrite]:
    """The typed answer as written, then read more leniently; each with the reasons the reading needs."""
    readings: list[Rewrite] = [(answer, ())]
    if any(isinstance(token, Decimal) for token in expected):
        numeric = (_spelled_numbers(given, answer, context), _decimal_sign(answer, context))
        readings += [reading for reading in numeric if reading]
    for tokens, reasons in readings:
        yield tokens, reasons
        stripped = _strip_leading(tokens, expected, context)
        if stripped:
            yield stripped[0], reasons + stripped[1]
            tokens, reasons = stripped[0], reasons + stripped[1]
        unit = _strip_sentence_unit(tokens, expected, context)
        if unit:
            yield unit[0], reasons + unit[1]


def _spelled_numbers(given: str, answer: list[Token], context: Context) -> Rewrite | None:
    """"vierundzwanzig" -> 24, "fifteen thousand" -> 15000."""
    if context.base_language not in SPELLED_NUMBER_LANGUAGES or not any(
        isinstance(token, Word) and any(char.isalpha() for char in token.text) for token in answer
    ):
        return None
    from text_to_num import alpha2digit

    try:
        digits = alpha2digit(given, context.base_language, threshold=0)
    except (ValueError, RuntimeError):  # text2num refuses what it cannot read
        return None
    tokens = tokenise(digits, context.language)
    numbers = [token for token in tokens if isinstance(token, Decimal)]
    if tokens == answer or len(numbers) != 1:
        return None
    return tokens, (Reason(Why.SPELLED_NUMBER, display_number(numbers[0], context.language)),)


def _decimal_sign(answer: list[Token], context: Context) -> Rewrite | None:
    """"4.5" in a German deck read as 4,5 (and "4,5" in an English one as 4.5), noted, never silent.

    Only where the answer is no number in the deck's own language: "1.500" stays 1500 in German."""
    other = {"de": "en", "en": "de"}.get(context.base_language)
    if other is None:
        return None
    words: list[str] = []
    read = None
    for token in answer:
        number = read_decimal(token.original, other) if isinstance(token, Word) else None
        if number is not None and number != number.to_integral_value():
            read = number
        else:
            number = token if isinstance(token, Decimal) else None
        words.append(token.original if number is None else format_number(number, context.language))
    if read is None:
        return None
    why = Why.DECIMAL_POINT if context.base_language == "de" else Why.DECIMAL_COMMA
    # read again, so that a scale word after the number applies: "2.5 Millionen"
    return tokenise(" ".join(words), context.language), (Reason(why, display_number(read, context.language)),)


def _strip_leading(tokens: list[Token], expected: list[Token], context: Context) -> Rewrite | None:
    """"der Ukraine" -> "Ukraine" when the expected answer does not start with "der"."""
    words = FUNCTION_WORDS.get(context.base_language, frozenset())
    count = 0
    while (count < MAX_IGNORED_WORDS and count + 1 < len(tokens) and isinstance(tokens[count], Word)
           and tokens[count].text in words and tokens[count] != (expected[count] if count < len(expected)
                                                                   else None)):
        count += 1
    if not count:
        return None
    ignored = " ".join(token.original for token in tokens[:count])
    return tokens[count:], (Reason(Why.IGNORED_WORDS, ignored),)


def _strip_sentence_unit(tokens: list[Token], expected: list[Token], context: Context) -> Rewrite | None:
    """"17 km" -> "17" when the gap is the number and the sentence goes on with "Kilometer"."""
    if (len(tokens) != len(expected) + 1 or not expected or not isinstance(expected[-1], Decimal)
            or tokens[: len(expected)] != expected or not context.next_word):
        return None
    unit = tokens[-1]
    if not isinstance(unit, Word) or not same_unit(unit.text, context.next_word, context.language):
        return None
    return tokens[:-1], (Reason(Why.UNIT, unit.original),)


def same_unit(one: str, other: str, language: str) -> bool:
    """Folded unit words for one unit: "km", "Kilometern" and "kilometres" are all kilometres.

    >>> same_unit("km", "kilometern", "de"), same_unit("kilomter", "kilometer", "de")
    (True, False)
    """
    one, other = UNIT_SPELLINGS.get(one, one), UNIT_SPELLINGS.get(other, other)
    return bool(stems(one, language) & stems(other, language))


def without_umlauts(word: str, language: str) -> str:
    """A folded German word with "ae", "oe", "ue" read as "a", "o", "u" (Köpfe -> Kopfe)."""
    if locale_for(language).language != "de":
        return word
    return word.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def stems(word: str, language: str) -> frozenset[str]:
    """A folded word as it is and without an inflectional ending, umlauts undone: what a typo may not touch.

    >>> sorted(stems("angriffskrieges", "de")), sorted(stems("sprengkoepfe", "de"))
    (['angriffskrieg', 'angriffskriege', 'angriffskrieges'], ['sprengkopf', 'sprengkopfe'])
    """
    base = locale_for(language).language
    word = without_umlauts(word, language)
    return frozenset({word} | {word[: -len(ending)] for ending in ENDINGS.get(base, ())
                               if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LETTERS})


@lru_cache(maxsize=4096)
def lemma(word: str, language: str) -> str:
    """The dictionary form of a word as typed by HanTa, folded; the word folded where HanTa has no model.

    >>> lemma("Angriffskriegs", "de"), lemma("sprengköpfe", "de"), lemma("missiles", "en")
    ('angriffskrieg', 'sprengkopf', 'missile')
    """
    from quizapp.generation.nlp import HANTA_MODELS, tagger

    base = locale_for(language).language
    if base not in HANTA_MODELS or not word.isalpha():
        return fold(word)
    if base == "de":  # HanTa reads German nouns by their capital
        word = word[:1].upper() + word[1:]
    return fold(tagger(base).analyze(word)[0])


def matches(answer: list[Token], expected: list[Token], expected_text: str,
            context: Context) -> tuple[Reason, ...] | None:
    """The reasons the answer stands for the expected one, () if it is the same; None if it is not."""
    if answer == expected:
        return ()
    for rule in (_same_unit, _hyphens_and_spaces, _month_spelling, _inflected, _surname, _other_name):
        reason = rule(answer, expected, expected_text, context)
        if reason:
            return (reason,)
    return None


def _same_unit(answer, expected, _text, context) -> Reason | None:
    """"17 km" for "17 Kilometer": the same number with the same unit written another way."""
    if len(answer) != len(expected) or not any(isinstance(token, Decimal) for token in expected):
        return None
    differing = [(a, e) for a, e in zip(answer, expected) if a != e]
    if len(differing) != 1 or not all(isinstance(token, Word) for token in differing[0]):
        return None
    given, wanted = differing[0]
    if not (is_unit(given.text, context.language) and same_unit(given.text, wanted.text, context.language)):
        return None  # "3 Rakete" for "3 Raketen" is another form of a word (HanTa decides), not a unit
    return Reason(Why.UNIT, given.original)


def is_unit(word: str, language: str) -> bool:
    """A folded word that is a unit of measurement or its abbreviation ("km", "Kilometern", "%")."""
    return any(same_unit(word, unit, language) for unit in set(UNIT_SPELLINGS.values()))


def _joined(tokens: list[Token]) -> list[Token | str]:
    """Neighbouring words run together, without hyphens and apostrophes: "Kim Jong-un" -> ["kimjongun"]."""
    out: list[Token | str] = []
    for token in tokens:
        if isinstance(token, Word):
            text = "".join(char for char in token.text if char.isalnum())
            if out and isinstance(out[-1], str):
                out[-1] += text
            else:
                out.append(text)
        else:
            out.append(token)
    return out


def _hyphens_and_spaces(answer, expected, _text, _context) -> Reason | None:
    """"Kim Jong-un", "Kim Jongun" for "Kim Jong Un"; "Wonsan Kalma" for "Wonsan-Kalma"."""
    return Reason(Why.HYPHEN_SPACE) if _joined(answer) == _joined(expected) else None


def _month_spelling(answer, expected, text, context) -> Reason | None:
    """"Jänner" for "Januar", "21. Februar" for "21. Feber": the Austrian and the standard name of a month."""
    if context.base_language != "de" or len(answer) != len(expected):
        return None

    def standard(token: Token) -> Token:
        if isinstance(token, Word) and token.text in MONTH_SPELLINGS:
            return Word(MONTH_SPELLINGS[token.text], token.letters, token.original)
        return token

    if list(map(standard, answer)) != list(map(standard, expected)):
        return None
    return Reason(Why.MONTH_SPELLING, text)


def _inflected(answer, expected, text, context) -> Reason | None:
    """"Angriffskriegs" for "Angriffskrieges": the same words, one or more in another form of the lemma."""
    if len(answer) != len(expected):
        return None
    differing = [(a, e) for a, e in zip(answer, expected) if a != e]
    for given, wanted in differing:
        if not (isinstance(given, Word) and isinstance(wanted, Word)) or given.text in FUNCTION_WORDS.get(
            context.base_language, ()
        ):
            return None
        if not stems(given.text, context.language) & stems(wanted.text, context.language):
            return None  # HanTa reads many a typo as the word meant ("Kilomter"): that is almost, not right
        if without_umlauts(given.text, context.language) == without_umlauts(wanted.text, context.language):
            return None  # "Streitkrafte": a forgotten umlaut alone is a spelling slip
        if lemma(given.original, context.language) != lemma(wanted.original, context.language):
            return None
    return Reason(Why.INFLECTION, text)


def _surname(answer, expected, text, context) -> Reason | None:
    """"Putin" for "Wladimir Putin", "Van der Bellen" for "Alexander Van der Bellen": a person's surname."""
    if context.kind != KIND_PERSON or not all(isinstance(token, Word) for token in answer):
        return None
    surnames = surname_forms(expected, context)
    return Reason(Why.SURNAME, text) if any(_joined(answer) == _joined(s) for s in surnames) else None


def surname_forms(expected: list[Token], context: Context) -> list[list[Token]]:
    """The ways to write a person's surname alone: "Putin"; "Van der Bellen", "der Bellen", "Bellen".

    None for a name that puts the family name first ("Kim Jong Un": "Kim" alone is also his father and his
    sister), nor for a fact that is no person."""
    if (context.kind != KIND_PERSON or len(expected) < 2 or not all(isinstance(t, Word) for t in expected)
            or expected[0].text in FAMILY_NAME_FIRST):
        return []
    start = len(expected) - 1
    while start > 1 and expected[start - 1].text in NAME_PARTICLES:
        start -= 1
    return [expected[i:] for i in range(start, len(expected))
            if sum(token.letters for token in expected[i:]) >= MIN_SURNAME_LETTERS]


def _other_name(answer, expected, text, context) -> Reason | None:
    """"Kiew" for "Kyjiw", "Moskau" for "Moscow": names GeoNames or CLDR give one place.

    Not for a name one letter from the expected: GeoNames lists "Munchen" and "Pekin", but in a German
    class they are spelling slips (almost)."""
    if context.kind in NOT_PLACES or not all(isinstance(token, Word) for token in answer):
        return None
    written, meant = (" ".join(map(str, _joined(tokens))) for tokens in (answer, expected))
    if OSA.distance(written, meant, score_cutoff=1) <= 1:
        return None
    given = " ".join(token.original for token in answer)
    return Reason(Why.OTHER_NAME, text) if same_place(given, text) else None
