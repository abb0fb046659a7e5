"""Nouns of the same gender, number and compound head: "Interkontinentalrakete" -> "Mittelstreckenrakete"."""

from __future__ import annotations

from collections.abc import Iterator

from wordfreq import zipf_frequency

from .. import nlp
from ..facts import Fact
from . import Pool

MIN_HEAD = 5
MIN_HEAD_ZIPF = 3.0  # a head students know ("Rakete", "Brücke"), not a suffix such as "Ismus"
# Words a teacher would not want as options, and their parts.
UNWANTED = ("mohr", "neger", "zigeuner", "sex", "hure", "nutte", "kanake", "schwuchtel", "nazi")


def term_candidates(fact: Fact, pool: Pool) -> Iterator[str]:
    """Nouns sharing the answer's head and gender, in the answer's case and number, of similar frequency."""
    lexicon = nlp.nouns()
    noun = lexicon.by_lemma.get(fact.lemma or "")
    if noun is None:
        return
    written = fact.answer
    slots = [slot for slot, form in noun.forms if form == written]
    if not slots:
        return
    target = zipf_frequency(written, "de")
    seen: set[str] = set()
    all_heads = sorted(_heads(noun.lemma, lexicon.by_lemma, 0.0), key=len)
    # The longest head students know: "Einfluss" for "Alkoholeinfluss", not "Fluss".
    for head in reversed([head for head in all_heads if zipf_frequency(head, "de") >= MIN_HEAD_ZIPF]):
        # "Luftabwehrrakete" for "Flugabwehrrakete" shares more than the head: too close to the answer.
        too_close = tuple(longer.lower() for longer in all_heads if len(longer) > len(head))
        ranked = []
        for lemma in lexicon.by_ending.get(head[-4:].lower(), ()):
            other = lexicon.by_lemma[lemma]
            if (
                lemma in seen
                or lemma == noun.lemma
                or not lemma.lower().endswith(head.lower())
                or other.genus != noun.genus
                or lemma.lower() == head.lower()
                or too_close
                and lemma.lower().endswith(too_close)
            ):
                continue
            seen.add(lemma)
            forms = {other.form(slot) for slot in slots}
            if len(forms) != 1 or None in forms:
                continue
            form = forms.pop()
            if form[-3:] != written[-3:] or "-" in form or any(word in form.lower() for word in UNWANTED):
                continue
            frequency = zipf_frequency(form, "de")
            if frequency > 0:
                ranked.append((abs(frequency - target), form))
        yield from (form for _, form in sorted(ranked))


def _heads(lemma: str, lexicon: dict, min_zipf: float) -> Iterator[str]:
    """The compound's heads from longest to shortest: "Flugabwehrrakete" -> "Abwehrrakete", "Rakete"."""
    for i in range(1, len(lemma) - MIN_HEAD + 1):
        head = lemma[i:].capitalize()
        if head in lexicon and zipf_frequency(head, "de") >= min_zipf:
            yield head

