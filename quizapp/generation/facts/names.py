"""Multi-word names with their class: "Russlands Präsident Wladimir Putin", "der Grenzfluss Tumen"."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .. import nlp
from ..english.names import english_name_part, english_title
from ..gazetteer import CAPITALS, city, country_code
from ..text import SENTENCE_OPENERS, Sentence, Token
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
# Nouns that make an article a sports report, where a city's name often stands for its club.
SPORTS_NOUNS = frozenset(
    ["Tor", "Trainer", "Liga", "Bundesliga", "Tabelle", "Stürmer", "Torhüter", "Goalie", "Elfmeter"]
    + ["Tabellenführer", "Heimspiel", "Auswärtsspiel", "Meisterschaft", "Derby", "Mittelfeld", "Abwehr"]
    + ["Saison", "Runde", "Match", "Verteidiger", "Legionär", "Teamchef", "Kader", "Tabellenplatz"]
)
NAME_PARTICLES = frozenset({"van", "von", "de", "di", "del", "della", "ten", "ter", "Van", "Von", "De"})
ARTICLE_TAGS = ("ART", "APPRART")
SMALL_CITY = 1_000_000  # a city this small (no capital) after a given name elsewhere is more often a surname
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
        by_gazetteer = set()
        # "Andreas Vana", "Samuel L. Jackson": a city's name after a given name is a surname there.
        tails = set()
        for sentence, first, last in runs:
            if last - first > 1 or _initial(sentence, first):
                tails.add(sentence.tokens[last - 1].text)
        for sentence, first, last in runs:
            name = _name(sentence, first, last)
            if name in tails and _surname_city(name):
                continue
            if name not in known and (found := _gazetteer_role(name, sentence.language)):
                known[name] = found
                by_gazetteer.add(name)
        sport = sports_article(sentences)
        for sentence, first, last in runs:  # the weakest sign: "aus Miskolc, der Nachrichtenagentur AFP"
            name = _name(sentence, first, last)
            if name not in known and (found := _apposition_role(sentence.tokens, last)):
                known[name] = found
        surnames = defaultdict(set)
        for name, (kind, _) in known.items():
            if kind == "person" and " " in name:
                surnames[name.rsplit(" ", 1)[1]].add(name)
        # A surname stands alone elsewhere, never after an article: not "der Carta" of "Magna Carta".
        alone = {_name(*run) for run in runs if run[2] - run[1] == 1}
        alone -= {_name(*run) for run in runs if run[1] and run[0].tokens[run[1] - 1].tag in ARTICLE_TAGS}
        facts = []
        for sentence, first, last in runs:
            name = _name(sentence, first, last)
            if len(name) < 2:
                continue  # "Partei A": a label of a made-up example, not a name to learn
            if first and _initial(sentence, first):
                continue  # "Samuel L. {{Jackson}}": a fragment of a name
            if first > 0 and _club_prefix(sentence.tokens[first - 1].text):
                continue  # "FC {{Barcelona}}": a fragment of the club's name
            if last - first > 1 and _club_prefix(sentence.tokens[last - 1].text):
                continue  # "des Bundesliga-Absteigers SC Wiener Neustadt": the prefix of the next name
            if name in by_gazetteer and known[name][1] == "stadt" and _named_by_neighbour(sentence, first):
                continue  # "Schulleistungstest Pisa", "Complexity Science Hub Vienna", "Bayern München"
            if name in by_gazetteer and last < len(sentence.tokens) and _foreign_word(sentence.tokens[last]):
                continue  # "das London Quarter": the city names a thing
            if all(token.text in TEAM_WORDS for token in sentence.tokens[first:last]):
                if first < 2 or not sentence.tokens[first - 1].text[:1].isupper():
                    continue  # "League" alone
                first -= 1  # "Premier League": the tagger takes "Premier" for a noun
            if last - first > 1 and _common_noun(sentence.tokens[first]):
                first += 1  # "des Mikroklimamodells ENVI-met": the noun says what the name is
            team = _team(sentence.tokens[first:last])
            if team == "verein" and sentence.tokens[last - 1].text in ("City", "County") and not sport:
                team = None  # "Smart City" outside a match report is no club
            if team and _fragment(sentence.tokens, last):
                continue  # "PDC European {{Tour}}": part of a longer name
            if team:
                kind, cls = "organisation", team
            elif sport and name in by_gazetteer and known[name][1] == "stadt" and not _venue(sentence, first):
                continue  # "Dortmund gewann gegen Salzburg": clubs named by their city, not places
            elif name in known:
                kind, cls = known[name]
            elif len(surnames.get(name, ())) == 1:
                kind, cls = known[next(iter(surnames[name]))]
            elif 2 <= last - first <= 3 and _cast(sentence.tokens, first, last):
                kind, cls = "person", "schauspieler"  # "Tanja (Karoline Herfurth)": who plays the part
            elif last < len(sentence.tokens) and sentence.tokens[last].tag == "CARD":
                continue  # "den Tabletmodus von {{Windows}} 10": a name with a number is a product
            elif 2 <= last - first <= 3 and _surname(sentence.tokens[last - 1].text, alone, known):
                kind, cls = "person", "person"  # "Gerhard Reissner" ... "so Reissner": news names people so
            elif _fragment(sentence.tokens, last):
                continue  # "{{Silent Hill}} 2", "{{Carolina}} Panthers": part of a longer name
            else:
                kind, cls = "name", None
            facts.append(Fact(kind, sentence, first, last, cls=cls))
        return facts


def sports_article(sentences: Sequence[Sentence]) -> bool:
    """An article about a match or a league: two or more of its nouns are words only sport uses."""
    lemmas = {token.lemma for sentence in sentences for token in sentence.tokens if token.is_noun}
    return len(lemmas & SPORTS_NOUNS) >= 2


def _surname_city(name: str) -> bool:
    """A city that is no capital nor a city of millions: "Vana" (Van), "Jackson" may be surnames."""
    return name not in CAPITALS.values() and (city(name) or ("", "", 0))[2] < SMALL_CITY


def _foreign_word(token: Token) -> bool:
    """A capitalised foreign word or name, or a noun German does not know: "Quarter" after "London"."""
    lexicon = nlp.nouns().by_lemma
    unknown_noun = token.tag == "NN" and token.text not in lexicon and token.lemma not in lexicon
    return (token.tag in ("FM", "NE") or unknown_noun) and token.text[:1].isupper() and token.text.isalpha()


def _initial(sentence: Sentence, first: int) -> bool:
    """An initial right before the name: "Samuel L. Jackson"."""
    if first == 0:
        return False
    before = sentence.tokens[first - 1].text
    return len(before) == 2 and before[0].isupper() and before[1] == "."


def _named_by_neighbour(sentence: Sentence, first: int) -> bool:
    """A city's name right after a noun that names something other than a place ("des Schulleistungstests
    Pisa") or after another capitalised word ("Hub Vienna", "Bayern München"): a test, an institute, a club.
    """
    if first == 0:
        return False
    before = sentence.tokens[first - 1]
    if before.is_noun:
        return role(before) is None
    capitalised = before.text[:1].isupper() and before.text.isalpha()
    return first > 1 and capitalised and before.tag not in SENTENCE_OPENERS


def _venue(sentence: Sentence, first: int) -> bool:
    """ "in Acapulco", "nach Madrid": a city as the place of a match, not its club."""
    return first > 0 and sentence.tokens[first - 1].text in ("in", "nach", "In", "Nach")


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
    tail = token.text.rsplit("-", 1)[-1]  # "Musikantenstadl-Nachfolgers Stadlshow"
    forms = (token.text, token.lemma, token.text[:-1], tail, tail[:-1])
    return len(token.text) > 8 and any(len(form) > 5 and form in lexicon for form in forms)


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
    if surname and not tokens[i].text[:1].isupper() and following.lemma in nlp.nouns().by_lemma:
        return 0  # "in Linz von der Polizei": a preposition before a common noun, no particle
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
    """The class a noun right before the name ("Präsident Putin") or right after it ("Kalma Ressort") gives.

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
    return None


def _apposition_role(tokens: tuple[Token, ...], last: int) -> tuple[str, str] | None:
    """The class an apposition after the name gives ("Marca, das Sportblatt"); a weaker sign than a noun
    before the name or the gazetteer, since the words after a comma may start another phrase."""
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
