"""The window a study's estimate covers: its end is a date of the study.

"A Harvard-led survey … put Maria's toll at 4,645 through December 2017": the
date is neither the storm's nor the day the count speaks for; it ends the
period one body's estimate counts over. Several sources give it, and a source
that has it a year off ("through December 2018") misstates the study. So such
a date is read as the end of an event of its own, the study (kind
`window_kind` in `data/events.toml`), named for the body the estimate is
attributed to, and lined up across sources like any event's end.

Only a toll a study gives has a window: the date must be introduced by one of
`window_end_cues` or close a range ("between Sept. 20 and Dec. 31, 2017"), in
the clause of a count whose measure is tied to an event, attributed to a
phrase that names a study ("survey", "study", "analysis", "review"). A
running count "through Tuesday", a report or a tally (put out again and
again, each through a later day), a part of a whole ("Of those, 2,098 came
through December") and a count by a date ("by the end of 2017") are not.
"""

from __future__ import annotations

import re

from .._build import build
from ..model import Claim, DateRole, DateValue, EventMention
from ..vocabulary import Vocabulary
from .lexicon import Lexicon, tokenize_phrase
from .reading import SentenceReading, Tokens

__all__ = ["window_end"]


def window_end(reading: SentenceReading, token: int, value: DateValue, counts: dict[int, Claim], lexicon: Lexicon, text: str) -> EventMention | None:
    """The study whose window the date at token `token` ends, as an event mention dated
    by it (its end), if the sentence reads so; `counts` are the sentence's count claims by
    token index."""
    if not lexicon.window_kind or not _introduces_end(reading.words, reading.tokens, token, lexicon):
        return None
    count = _estimate_before(reading, token, counts, lexicon.vocabulary)
    if count is None or count.attribution is None:
        return None
    noun = _study_noun(reading, token, count, lexicon)
    if noun is None:
        return None
    first = reading.tokens[noun]
    return build(
        EventMention,
        kind=lexicon.window_kind,
        cue=text[first.start : first.end],
        start=first.start,
        end=first.end,
        date=value,
        date_role=DateRole.END,
        phase=None,
        place=None,
        target=None,
        name=_body(count, lexicon),
        proposed=False,
        relative=None,
        outbreak_of=(),
    )


def _introduces_end(words: list[str], tokens: Tokens, token: int, lexicon: Lexicon) -> bool:
    """"through December 2017", "a window that closed in December 2017"; or the second
    date of "between Sept. 20 and Dec. 31, 2017", "from September 2017 to February 2018"."""
    if token == 0:
        return False
    if lexicon.window_end_cues.match_ending_at(words, token - 1):
        return True
    return token >= 3 and words[token - 1] in lexicon.range_joiners and tokens.figures[token - 2] >= 0 and words[token - 3] in lexicon.range_openers


def _estimate_before(reading: SentenceReading, token: int, counts: dict[int, Claim], vocabulary: Vocabulary) -> Claim | None:
    """The count the date bounds: the nearest before it in its clause, a whole (not a part,
    a difference or an earlier value) of a measure tied to an event."""
    clause = reading.clauses[token]
    for k in range(token - 1, max(-1, token - _REACH - 2), -1):
        if reading.words[k] == ";" or reading.clauses[k] != clause:
            return None
        claim = counts.get(k)
        if claim is None:
            continue
        entry = vocabulary.measure(claim.measure)
        if entry is None or not entry.takes_event or claim.subset or claim.superseded or claim.part_of is not None:
            return None
        return claim
    return None


#: How many words may stand between the count and its window's end: "4,645, over a
#: shorter window that closed in December 2017" (eight); further off, the date belongs to
#: something else in the clause ("…, based on interviews carried out from January through March").
_REACH = 8


def _study_noun(reading: SentenceReading, token: int, count: Claim, lexicon: Lexicon) -> int | None:
    """The token of the study noun in the count's attribution ("Harvard-led survey … put")."""
    assert count.attribution is not None
    nouns = lexicon.window_nouns
    if not any(_bare(w) in nouns for w in tokenize_phrase(count.attribution.text)):
        return None
    for k in range(token - 1, -1, -1):
        if _bare(reading.words[k]) in nouns and reading.tokens.figures[k] < 0:
            return k
    return None


def _body(count: Claim, lexicon: Lexicon) -> str | None:
    """Whose study it is: the attributed party, unless the attribution names only the study
    ("the survey estimates"), which says no more than the event's kind."""
    a = count.attribution
    assert a is not None
    if a.party:
        return a.party
    who = a.who or ""
    words = [_bare(w) for w in tokenize_phrase(who)]
    if not words or all(w in lexicon.window_nouns for w in words):
        return None
    return re.sub(r"['’]s$", "", who)


def _bare(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word

