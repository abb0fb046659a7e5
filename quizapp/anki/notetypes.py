"""The two Anki note types quizapp writes; their ids, field and template names are frozen.

Anki matches note types by id and forks a note type whose field or template names changed, so a change to
any name below is a new version with a new id, made on purpose. The CSS and the templates' HTML may change
freely: bump STYLE_CHANGED_AT with them so that Anki's importer takes the newer note type.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import genanki

CLOZE_MODEL_ID = 1_742_118_301
MCQ_MODEL_ID = 1_742_118_302

CLOZE_FIELDS = ("Text", "Extra", "Context", "Source", "Title")
MCQ_FIELDS = ("Stem", "Options", "Answer", "Explanation", "Context", "Source", "Title")

# When the CSS or template HTML last changed: the note types' modification time is never older than this.
STYLE_CHANGED_AT = dt.datetime(2025, 7, 1, tzinfo=dt.UTC)

CSS = """\
.card { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
        font-size: 22px; line-height: 1.5; text-align: left; color: #1d2330; background-color: #fdfdfd;
        max-width: 40em; margin: 0 auto; padding: 0 .5em; }
.cloze { font-weight: bold; color: #2457c5; }
.stem { margin-bottom: .6em; }
.context { margin-bottom: .6em; font-size: .85em; color: #5b6475; }
.options { padding-left: 1.4em; }
.options li { margin: .25em 0; }
.back .options li.right { font-weight: bold; color: #1d7a3d; }
.back .options li.right::after { content: " \\2713"; }
.answer { font-weight: bold; color: #1d7a3d; }
.extra, .explanation { margin-top: .8em; }
.source { margin-top: 1em; font-size: .85em; color: #5b6475; font-style: italic; }
.title { margin-top: .4em; font-size: .75em; color: #5b6475; }
.nightMode.card, .night_mode .card, .nightMode .card { color: #e3e6ec; background-color: #1f2229; }
.nightMode .cloze, .night_mode .cloze { color: #8fb3ff; }
.nightMode .answer, .night_mode .answer,
.nightMode .back .options li.right, .night_mode .back .options li.right { color: #7fd49a; }
.nightMode .context, .night_mode .context,
.nightMode .source, .night_mode .source, .nightMode .title, .night_mode .title { color: #a9b0bd; }
"""

_CONTEXT = '{{#Context}}<div class="context">{{Context}}</div>{{/Context}}'
_SOURCE = '<div class="source">{{Source}}</div><div class="title">{{Title}}</div>'

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "quizapp Cloze",
    model_type=genanki.Model.CLOZE,
    fields=[{"name": name} for name in CLOZE_FIELDS],
    templates=[{
        "name": "Cloze",
        "qfmt": _CONTEXT + '{{cloze:Text}}',
        "afmt": _CONTEXT + '{{cloze:Text}}{{#Extra}}<div class="extra">{{Extra}}</div>{{/Extra}}' + _SOURCE,
    }],
    css=CSS,
    sort_field_index=0,
)

MCQ_MODEL = genanki.Model(
    MCQ_MODEL_ID,
    "quizapp Multiple Choice",
    fields=[{"name": name} for name in MCQ_FIELDS],
    templates=[{
        "name": "Multiple choice",
        "qfmt": _CONTEXT + '<div class="front"><div class="stem">{{Stem}}</div>{{Options}}</div>',
        "afmt": _CONTEXT + '<div class="back"><div class="stem">{{Stem}}</div>{{Options}}</div>'
                '<hr id="answer"><div class="answer">{{Answer}}</div>'
                '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}' + _SOURCE,
    }],
    css=CSS,
    sort_field_index=0,
)


def anki_deck_id(deck_id: str) -> int:
    """A fixed Anki deck id for a quizapp deck id, in the range genanki recommends.

    >>> anki_deck_id("nordkorea-russland") == anki_deck_id("nordkorea-russland")
    True
    >>> 1 << 30 <= anki_deck_id("x") < 1 << 31
    True
    """
    digest = hashlib.sha256(f"quizapp-deck:{deck_id}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)
