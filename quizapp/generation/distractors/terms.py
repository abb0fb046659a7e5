"""Other key terms of the article, of the answer's gender, in the answer's case and number.

Look-alike compounds ("Grenzfluss" -> "Redefluss", "Abendhimmel" -> "Nachthimmel") are absurd in context
or near-synonyms that are also right, so the options come from the article's own field: its other key
terms. A term with fewer than three such neighbours gets no multiple-choice item (a cloze asks it).
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import nlp
from ..facts import Fact
from . import Pool, stable_order

MIN_SHARED = 4  # "Rekordumsatz" for "Jahresumsatz": a shared head noun of four letters or more
# Words a teacher would not want as options, and their parts.
UNWANTED = ("mohr", "neger", "zigeuner", "sex", "hure", "nutte", "kanake", "schwuchtel", "nazi")


def term_candidates(fact: Fact, pool: Pool) -> Iterator[str]:
    """The article's other key terms of the same gender, in the answer's form, never a look-alike."""
    lexicon = nlp.nouns().by_lemma
    noun = lexicon.get(fact.lemma or "")
    if noun is None:
        return
    slots = [slot for slot, form in noun.forms if form == fact.answer]
    if not slots:
        return
    options = []
    for other in pool.facts:
        entry = lexicon.get(other.lemma or "") if other.kind == "begriff" else None
        if entry is None or entry.lemma == noun.lemma or entry.genus != noun.genus:
            continue
        forms = {entry.form(slot) for slot in slots}
        if len(forms) != 1 or None in forms:
            continue
        form = forms.pop()
        if not look_alike(entry.lemma, noun.lemma) and not any(word in form.lower() for word in UNWANTED):
            options.append(form)
    yield from stable_order(fact.answer, dict.fromkeys(options))


def look_alike(one: str, other: str) -> bool:
    """Two nouns with the same compound head (a noun of four letters or more), or one inside the other.

    >>> look_alike("Rekordumsatz", "Jahresumsatz"), look_alike("Rakete", "Interkontinentalrakete")
    (True, True)
    >>> look_alike("Beziehung", "Verhandlung"), look_alike("Landgrenze", "Munition")
    (False, False)
    """
    a, b = one.lower(), other.lower()
    if a in b or b in a:
        return True
    lexicon = nlp.nouns().by_lemma
    shared = 0
    while shared < min(len(a), len(b)) and a[-1 - shared] == b[-1 - shared]:
        shared += 1
    return any(a[-size:].capitalize() in lexicon for size in range(MIN_SHARED, shared + 1))
