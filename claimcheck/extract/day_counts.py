"""A counted day of an event dates its start: "early Tuesday, the thirteenth day of the search".

The first day of an event is the day it began, so the Nth day is N - 1 days
after its start: a day the text gives as the thirteenth of the search, July
6, says the search began on June 24, which another source may give outright
("a search that began in the early hours of June 24"). The pipeline turns
each such reading into a derived date claim of the event's start.

Read in one sentence: a date to the day, then a comma or one of
`day_count_links` (`data/events.toml`), "the", an ordinal ("thirteenth",
"twenty-first", "13th"), "day of", and an event cue of a kind that lasts
(not an instant: an attack has no thirteenth day).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import DatePrecision, DateRole, DateValue, EventMention
from .lexicon import Lexicon
from .reading import SentenceReading

__all__ = ["DayCount", "day_counts"]

_DIGIT_ORDINAL = re.compile(r"(\d{1,4})(?:st|nd|rd|th)")
_DETERMINERS = frozenset("the its this that".split())


@dataclass(frozen=True, slots=True)
class DayCount:
    """A date given as the `day`th day of an event: the figure, the event's start it
    implies (as a mention dated by it), and the token that ends the reading."""

    figure: int
    day: int
    mention: EventMention
    last_token: int


def day_counts(reading: SentenceReading, figures_values: dict[int, object], lexicon: Lexicon) -> list[DayCount]:
    """Every "DATE, the Nth day of EVENT" in a sentence; `figures_values` maps a figure's
    token index to its value."""
    words = reading.words
    n = len(words)
    cue_at = {c.index: c for c in reading.events}
    found: list[DayCount] = []
    for k, value in figures_values.items():
        if not isinstance(value, DateValue) or value.precision is not DatePrecision.DAY or not (value.year_stated or value.resolved):
            continue
        j = k + 1
        if j < n and words[j] == ",":
            j += 1
        elif j < n and words[j] in lexicon.day_count_links:
            j += 1
        if j + 3 >= n or words[j] != "the":
            continue
        day = _ordinal(words[j + 1], lexicon)
        if day is None or words[j + 2] != "day" or words[j + 3] != "of":
            continue
        m = j + 4
        while m < n and words[m] in _DETERMINERS:
            m += 1
        cue = cue_at.get(m)
        if cue is None or lexicon.event_span.get(cue.mention.kind) == "instant" or cue.mention.proposed:
            continue
        start = value.start - dt.timedelta(days=day - 1)
        began = value.model_copy(update={"start": start, "end": start})
        ordinal = reading.tokens[j + 1]
        mention = cue.mention.model_copy(update={"date": began, "date_role": DateRole.START, "start": ordinal.start})
        last = m + _cue_length(cue.mention, reading, m)
        found.append(DayCount(figure=reading.tokens[k].figure, day=day, mention=mention, last_token=last))
    return found


def _ordinal(word: str, lexicon: Lexicon) -> int | None:
    digits = _DIGIT_ORDINAL.fullmatch(word)
    if digits:
        return int(digits.group(1)) or None
    return lexicon.ordinal_words.get(word)


def _cue_length(mention: EventMention, reading: SentenceReading, first: int) -> int:
    """How many tokens after the cue's first the cue runs (0 for a one-word cue)."""
    k = first
    while k + 1 < len(reading.tokens) and reading.tokens[k + 1].end <= mention.end:
        k += 1
    return k - first
