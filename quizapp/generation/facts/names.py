"""Multi-word names with their class: "Russlands Präsident Wladimir Putin", "der Grenzfluss Tumen"."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .. import nlp
from ..english.names import english_name_part, english_title
from ..gazetteer import city, country_code
from ..text import Sentence, Token
from . import Fact

# Endings of the noun before or after a name that say what the name is: (ending, kind, class).
ROLES = (
    ("foreign minister", "person", "außenminister"),
    ("president", "person", "staatschef"),
    ("leader", "person", "staatschef"),
    ("chancellor", "person", "regierungschef"),
    ("prime minister", "person", "regierungschef"),
    ("mayor", "person", "mayor"),
    ("governor", "person", "governor"),
    ("secretary", "person", "secretary"),
    ("river", "ort", "fluss"),
    ("city", "ort", "stadt"),
    ("province", "ort", "region"),
    ("newspaper", "organisation", "zeitung"),
    ("außenminister", "person", "außenminister"),
    ("präsident", "person", "staatschef"),
    ("staatschef", "person", "staatschef"),
    ("herrscher", "person", "staatschef"),
    ("machthaber", "person", "staatschef"),
    ("diktator", "person", "staatschef"),
    ("kanzler", "person", "regierungschef"),
    ("premier", "person", "regierungschef"),
    ("premierminister", "person", "regierungschef"),
    ("minister", "person", "minister"),
    ("ministerin", "person", "minister"),
    ("chef", "person", "chef"),
    ("chefin", "person", "chef"),
    ("sprecher", "person", "sprecher"),
    ("sprecherin", "person", "sprecher"),
    ("trainer", "person", "trainer"),
    ("trainerin", "person", "trainer"),
    ("spieler", "person", "spieler"),
    ("spielerin", "person", "spieler"),
    ("kandidat", "person", "kandidat"),
    ("kandidatin", "person", "kandidat"),
    ("direktor", "person", "direktor"),
    ("direktorin", "person", "direktor"),
    ("bürgermeister", "person", "bürgermeister"),
    ("bürgermeisterin", "person", "bürgermeister"),
    ("kommandant", "person", "kommandant"),
    ("general", "person", "general"),
    ("politiker", "person", "politiker"),
    ("politikerin", "person", "politiker"),
    ("vorsitzende", "person", "vorsitzende"),
    ("autor", "person", "autor"),
    ("autorin", "person", "autor"),
    ("forscher", "person", "forscher"),
    ("forscherin", "person", "forscher"),
    ("professor", "person", "professor"),
    ("professorin", "person", "professor"),
    ("fluss", "ort", "fluss"),
    ("hauptstadt", "ort", "stadt"),
    ("stadt", "ort", "stadt"),
    ("region", "ort", "region"),
    ("bundesstaat", "ort", "region"),
    ("teilstaat", "ort", "region"),
    ("provinz", "ort", "region"),
    ("oblast", "ort", "region"),
    ("bundesland", "ort", "region"),
    ("hotel", "ort", "anlage"),
    ("resort", "ort", "anlage"),
    ("ressort", "ort", "anlage"),
    ("zeitung", "organisation", "zeitung"),
    ("uni", "organisation", "universität"),
    ("universität", "organisation", "universität"),
    ("verein", "organisation", "verein"),
    ("vereinen", "organisation", "verein"),
    ("klub", "organisation", "verein"),
    ("club", "organisation", "verein"),
    ("blatt", "organisation", "zeitung"),
    ("magazin", "organisation", "zeitung"),
    ("agentur", "organisation", "agentur"),
    ("sender", "organisation", "sender"),
    ("partei", "organisation", "partei"),
    ("konzern", "organisation", "unternehmen"),
    ("unternehmen", "organisation", "unternehmen"),
)
EN_ROLES = frozenset(ending for ending, _, _ in ROLES[:12])  # "foreign minister" ... "newspaper"
PERSON_NOUN_ENDINGS = (
    "er",
    "ers",
    "in",
    "ar",
    "ars",
    "ist",
    "isten",
    "ent",
    "enten",
    "or",
    "ors",
    "eur",
    "eurs",
    "ant",
    "anten",
    "at",
    "aten",
    "star",
    "stars",
)
# English titles and class words are capitalised and tagged as proper nouns: cut them off the name.
EN_TITLES = frozenset(
    [
        "President",
        "Minister",
        "Foreign",
        "Prime",
        "Chancellor",
        "Leader",
        "Secretary",
        "General",
        "Governor",
        "Mayor",
        "Senator",
        "King",
        "Queen",
        "Prince",
        "Pope",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
        "Coach",
        "Chairman",
        "Director",
        "Supreme",
        "State",
    ]
)
EN_CLASS_WORDS = frozenset(["River", "City", "Region", "Province", "Resort", "Hotel", "Oblast"])
# Words that make a run of names a club or a league: "Leicester City", "West Bromwich Albion".
TEAM_WORDS = frozenset(
    {"City", "United", "Albion", "Rovers", "Athletic", "Wanderers", "Hotspur", "County", "League", "Liga"}
)
NAME_PARTICLES = frozenset({"van", "von", "de", "di", "del", "della", "ten", "ter", "Van", "Von", "De"})
MIN_CITY = 100_000  # smaller namesakes ("Marca", Somalia) are more often a newspaper or a person
APPOSITION_ARTICLES = frozenset(
    ["jener", "jenem", "jenes", "der", "die", "das", "dem", "des", "einer", "einem", "eines", "ein", "eine"]
)


def role(noun: Token, before: str = "") -> tuple[str, str] | None:
    """(kind, class) named by a noun such as "Grenzfluss" or "Außenminister" (before: the words up to it)."""
    word = noun.text.lower()
    if before.lower().endswith(("foreign minister", "prime minister")):
        word = before.lower()
    for ending, kind, cls in ROLES:
        if ending in EN_ROLES and word not in (ending, ending + "s") and not word.endswith(f" {ending}"):
            continue  # English words do not compound: a "driver" is no "river"
        if word.endswith((ending, ending + "s", ending + "es")):  # "des Sportblatts Marca"
            return kind, cls
    return None


class NameFinder:
    """Runs of proper nouns, classed by a neighbouring noun, the gazetteers, or another mention."""

    def find(self, sentences: Sequence[Sentence]) -> list[Fact]:
        runs = [
            (sentence, first, last)
            for sentence in sentences
            for first, last in _runs(sentence.tokens, sentence.language)
        ]
        names = {_name(*run) for run in runs}
        # "Kim Jong Uns" is the genitive of a name mentioned elsewhere: not an answer.
        runs = [run for run in runs if not (_name(*run).endswith("s") and _name(*run)[:-1] in names)]
        known: dict[str, tuple[str, str]] = {}
        for sentence, first, last in runs:
            name = _name(sentence, first, last)
            found = _context_role(sentence.tokens, first, last)
            if found and (name not in known or known[name][0] != "person"):
                known[name] = found
        for sentence, first, last in runs:
            name = _name(sentence, first, last)
            if name not in known and (found := _gazetteer_role(name, sentence.language)):
                known[name] = found
        surnames = defaultdict(set)
        for name, (kind, _) in known.items():
            if kind == "person" and " " in name:
                surnames[name.rsplit(" ", 1)[1]].add(name)
        alone = {_name(*run) for run in runs if run[2] - run[1] == 1}
        facts = []
        for sentence, first, last in runs:
            name = _name(sentence, first, last)
            if first > 0 and _club_prefix(sentence.tokens[first - 1].text):
                continue  # "FC {{Barcelona}}": a fragment of the club's name
            if all(token.text in TEAM_WORDS for token in sentence.tokens[first:last]):
                if first < 2 or not sentence.tokens[first - 1].text[:1].isupper():
                    continue  # "League" alone
                first -= 1  # "Premier League": the tagger takes "Premier" for a noun
            if last - first > 1 and _common_noun(sentence.tokens[first]):
                first += 1  # "des Mikroklimamodells ENVI-met": the noun says what the name is
            if team := _team(sentence.tokens[first:last]):
                kind, cls = "organisation", team
            elif name in known:
                kind, cls = known[name]
            elif len(surnames.get(name, ())) == 1:
                kind, cls = known[next(iter(surnames[name]))]
            elif 2 <= last - first <= 3 and _cast(sentence.tokens, first, last):
                kind, cls = "person", "schauspieler"  # "Tanja (Karoline Herfurth)": who plays the part
            elif 2 <= last - first <= 3 and _surname(sentence.tokens[last - 1].text, alone, known):
                kind, cls = "person", "person"  # "Gerhard Reissner" ... "so Reissner": news names people so
            elif _fragment(sentence.tokens, last):
                continue  # "{{Silent Hill}} 2", "{{Carolina}} Panthers": part of a longer name
            else:
                kind, cls = "name", None
            facts.append(Fact(kind, sentence, first, last, cls=cls))
        return facts


def _surname(word: str, alone: set[str], known: dict) -> bool:
    """A word that stands alone elsewhere in the article and is no place: "Reissner", not "Madrid"."""
    return word in alone and word not in known and not city(word) and not country_code(word)


def _team(tokens: tuple[Token, ...]) -> str | None:
    """ "verein" for "SC Hakoah", "Leicester City"; "liga" for "Premier League"; else None."""
    words = [token.text for token in tokens]
    if words[-1] in ("League", "Liga"):
        return "liga"
    if len(words) > 1 and (_club_prefix(words[0]) or _club_prefix(words[-1]) or words[-1] in TEAM_WORDS):
        return "verein"
    return None


def _cast(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """A full name in brackets right after a name: the actor of a part."""
    return (
        first >= 2
        and last < len(tokens)
        and tokens[first - 1].text == "("
        and tokens[last].text == ")"
        and tokens[first - 2].tag == "NE"
    )


def _common_noun(token: Token) -> bool:
    """A German noun tagged as part of a name ("Mikroklimamodells"); not a short given name ("Wolf")."""
    lexicon = nlp.nouns().by_lemma
    forms = (token.text, token.lemma, token.text[:-1])
    return len(token.text) > 8 and any(form in lexicon for form in forms)


def _club_prefix(word: str) -> bool:
    """ "FC", "SK", "AC", "RB": an abbreviation in capitals that belongs to the name after it."""
    return 2 <= len(word) <= 4 and word.isalpha() and word.isupper()


def _fragment(tokens: tuple[Token, ...], last: int) -> bool:
    """A capitalised word or a number right after a name of unknown kind continues the name."""
    if last >= len(tokens):
        return False
    following = tokens[last]
    capitalised = following.text[:1].isupper() and following.tag in ("NN", "NE", "FM", "ADJA")
    return following.tag == "CARD" or capitalised


def _name(sentence: Sentence, first: int, last: int) -> str:
    return " ".join(token.text for token in sentence.tokens[first:last])


def _runs(tokens: tuple[Token, ...], language: str = "de"):
    """Spans of capitalised proper-noun tokens; genitives ("Russlands") are left out.

    A run ends before a country or city name ("Präsident Wladimir Putin Nordkorea ..."), and
    takes a capitalised word of another class after it ("Kim Jong Uns").
    """
    i = 0
    while i < len(tokens):
        foreign = tokens[i].tag == "FM" and tokens[i].text[:1].isupper() and tokens[i].text.isalpha()
        if (
            _is_name(tokens[i])
            or foreign
            and (i > 0 and tokens[i - 1].is_noun or i + 1 < len(tokens) and _is_name(tokens[i + 1]))
        ):
            last = i + 1
            while last < len(tokens) and (
                _is_name(tokens[last])
                or tokens[last].text in TEAM_WORDS
                or (
                    tokens[last].tag in ("FM", "NE", "PPER")
                    and tokens[last].text.isalpha()
                    and tokens[last].text[:1].isupper()
                )
                or _particle(tokens, last)
                or language == "en" and english_name_part(tokens, last)
            ):
                if width := _particle(tokens, last):
                    last += width + 1  # the particle and the surname after it
                    continue
                if language == "en" and (width := english_name_part(tokens, last)) > 1:
                    last += width  # "al-Muhandis", "Inspector-General"
                    continue
                if country_code(tokens[last].text) or last - i > 1 and city(tokens[last].text):
                    break
                last += 1
            if language == "en":
                while last - i > 1 and (
                    tokens[i].text in EN_TITLES
                    or _nationality_word(tokens[i], tokens[i + 1])
                    or english_title(tokens[i], tokens[i + 1])
                ):
                    i += 1
                while last - i > 1 and tokens[last - 1].text in EN_CLASS_WORDS:
                    last -= 1
            end = tokens[last - 1]
            genitive = end.text.endswith("s") and end.lemma == end.text[:-1]
            if not genitive and not any(
                token.text.isupper() and len(token.text) > 3 for token in tokens[i:last]
            ):
                yield i, last
            i = last
        else:
            i += 1


def _particle(tokens: tuple[Token, ...], i: int) -> int:
    """How many tokens of a name particle start at i, followed by the capitalised rest of the name:
    "Van der" in "Alexander Van der Bellen", "von der" in "Ursula von der Leyen"; 0 if none."""
    width = 0
    while i + width < len(tokens) and (
        tokens[i + width].text in NAME_PARTICLES
        or width > 0 and tokens[i + width].text in ("der", "den")
        or tokens[i + width].text in ("der", "den") and tokens[i - 1].text in ("Van", "Von", "De")
    ):
        width += 1
    following = tokens[i + width] if i + width < len(tokens) else None
    surname = following is not None and following.text[:1].isupper() and following.text.isalpha()
    return width if width and surname else 0


def _nationality_word(token: Token, following: Token) -> bool:
    """ "Russian" in "Russian President Vladimir Putin"."""
    return token.text.endswith(("an", "ese", "ish")) and following.text in EN_TITLES


def _is_name(token: Token) -> bool:
    return (
        token.tag == "NE"
        and token.text[:1].isupper()
        and token.text.isalpha()
        or (token.tag == "NE" and "-" in token.text and token.text[:1].isupper())
    )


def _context_role(tokens: tuple[Token, ...], first: int, last: int) -> tuple[str, str] | None:
    """The class a noun right before the name ("Präsident Putin") or an apposition after it gives.

    A full name after a noun for a person ("der Kolumbianer Carlos Bacca", "Regisseurs Sebastian
    Nübling") is a person too.
    """
    before = " ".join(token.text for token in tokens[max(0, first - 2) : first])
    if first > 0 and (tokens[first - 1].is_noun or tokens[first - 1].text in EN_TITLES):
        if found := role(tokens[first - 1], before):
            return found
        if (
            last - first >= 2
            and tokens[first - 1].text.lower().endswith(PERSON_NOUN_ENDINGS)
            and not _gazetteer_role(tokens[last - 1].text)
        ):
            return "person", "person"  # but "Stadtkonkurrent Atlético Madrid" is a club
    if (
        last < len(tokens)
        and (tokens[last].is_noun or tokens[last].text in EN_CLASS_WORDS)
        and (found := role(tokens[last]))
        and found[0] == "ort"
    ):
        return found  # "Wonsan Kalma Ressort", "the Tumen River"
    if (
        last + 1 < len(tokens)
        and tokens[last].text == ","
        and tokens[last + 1].text.lower() in APPOSITION_ARTICLES
    ):
        for token in tokens[last + 2 : last + 6]:
            if token.is_noun:
                return role(token)
            if token.tag != "ADJA":
                break
    return None


def _gazetteer_role(name: str, language: str = "de") -> tuple[str, str] | None:
    """A country or city name; a city's name must not also be a German noun ("Derby")."""
    if country_code(name, language):
        return "ort", "land"
    found = city(name)
    noun = language == "de" and name in nlp.nouns().by_lemma
    if found and found[2] >= MIN_CITY and not name.isupper() and not noun:
        return "ort", "stadt"
    return None
