"""Word lists for English articles: titles, name particles, words that end or extend a name."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, one space between them."""
    return frozenset(text.split())


# Lower-case parts of Arabic, Romance and Dutch names, joined by a hyphen or standing alone:
# "Abu Mahdi al-Muhandis", "Rocky De La Fuente", "Ahmad bin Salman".
NAME_JOINERS = _words(
    "al el ad as ash bin ibn bint de del la le da dos du van von der ben abu La Le Da Del Al El"
)
# Heads of names of institutions: a place right after "University of" is part of the institution's name.
INSTITUTION_WORDS = _words(
    "University College Institute School Academy Bank Court Hospital Airport Museum Council "
    "Department Ministry Party Church Cathedral Stadium Port Republic Gulf Bay District Radio "
    "Television TV Air Embassy Consulate Lake Mount Cape Isle Island Islands Duke Earl Prince "
    "Princess Archbishop Bishop Diocese Province State Commonwealth Kingdom"
)
# Capitalised words right after a name that make it part of a longer one: "{{Air India}} Airlines".
NAME_TAILS = _words(
    "Airlines Airways Air Airport Party University College Company Corporation Corp Inc Ltd "
    "Group Bank Police Council Times Post News Herald Club Institute Foundation Agency Stadium "
    "Center Centre Hospital Motors Records Street Avenue Road Square Park Bridge Station"
)
PLACE_PREPOSITIONS = _words(
    "in at from to near outside into across of toward towards throughout within around"
)
# Nouns for people: generic, not a term the article is about ("spokeswoman", "chairman").
PERSON_ENDINGS = ("man", "men", "woman", "women", "person", "people", "persons")
ABBREVIATIONS = _words(
    "Corp Inc Ltd Gov Sen Rep Gen Col Capt Sgt Lt Mt Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct "
    "Nov Dec Ave Blvd Dept Univ approx Prof Rev vs etc"
)
# Forms of address before a name, beside the titles facts/names.py cuts off (EN_TITLES).
ADDRESS_WORDS = _words("Father Brother Sister Saint Imam Rabbi Bishop")
# Words after a name that say what it is ("the Tumen River"): the name is whole without them.
CLASS_WORDS = _words(
    "River City Region Province Resort Hotel Oblast Lake Sea Ocean Mountains Mountain Island "
    "Islands Valley Desert Strait Peninsula"
)
# Titles and offices before a name, beyond the ones facts/names.py shares with German: cut off the name.
TITLES = _words(
    "Assistant Attorney Deputy Vice Chief Former First Lady Speaker Justice Judge Commissioner "
    "Inspector Ambassador Representative Sheriff Detective Officer Captain Colonel Lieutenant "
    "Sergeant Admiral Marshal Bishop Archbishop Cardinal Rabbi Imam Sheikh Emperor Lord Dame "
    "Professor Prof Doctor Postmaster Congressman Congresswoman Councillor Councilman "
    "Chairwoman Premier Defence Defense Envoy Minister-President Mrs. Mr. Ms. Dr. Gen. Sen. "
    "Rep. Gov. Lt. Col. Sgt. Capt. Prof. St. Saint Inspector-General Attorney-General US U.S. "
    "UK U.K. UN EU Reverend Rev. Pastor Coach Manager Spokesman Spokeswoman Agent Corporal "
    "Superintendent Constable CEO Chairperson Republican Democrat Commodore Brigadier "
    "Governor-General Mayor-elect President-elect"
)
CLOCK_WORDS = _words("UTC GMT hours hrs local EST EDT PST PDT CET BST Zulu")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
FEMALE_WORDS = _words(
    "she her hers herself Mrs Mrs. Ms Ms. Queen Princess Lady Dame Duchess wife mother daughter "
    "sister actress woman girl spokeswoman chairwoman congresswoman businesswoman grandmother "
    "widow"
)
MALE_WORDS = _words(
    "he him his himself Mr Mr. King Prince Sir Lord Duke husband father son brother actor man "
    "boy spokesman chairman congressman businessman grandfather widower"
)
PRONOUNS = _words("he she they him her his its their them")
DEMONSTRATIVES = _words("this that these those")
FIRST_PERSON = _words("i we us our ours me my")
DATE_WORDS = _words(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
# Adjectives of countries that do not start like the country's name.
DEMONYMS = {
    "Netherlands": ("Dutch",),
    "United Kingdom": ("British", "UK"),
    "United States": ("American", "US", "U.S."),
    "France": ("French",),
    "Switzerland": ("Swiss",),
    "Greece": ("Greek",),
    "Spain": ("Spanish",),
    "Denmark": ("Danish",),
    "Sweden": ("Swedish",),
    "Finland": ("Finnish",),
    "Poland": ("Polish",),
    "Turkey": ("Turkish",),
    "Ireland": ("Irish",),
    "Philippines": ("Filipino",),
    "Thailand": ("Thai",),
    "New Zealand": ("Kiwi",),
}
PERSON_PRONOUNS = _words("he she him her his hers")
TIME_UNITS = _words("year month week day hour minute second")
