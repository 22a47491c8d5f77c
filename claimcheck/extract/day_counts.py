"""A counted day of an event dates its start: "early Tuesday, the thirteenth day of the search".

The first day of an event is the day it began, so the Nth day is N - 1 days
after its start: a day the text gives as the thirteenth of the search, July
6, says the search began on June 24, which another source may give outright
("a search that began in the early hours of June 24"). The pipeline turns
each such reading into a derived date claim of the event's start.

Read in one sentence: a date to the day, then a comma or one of
`day_count_links` (`data/events.toml`), "the", an ordinal ("thirteenth",
"twenty-first", "13th"), "day of", and an event cue of a kind that lasts
(not an instant: an attack has no thirteenth day). The day may also be told
with the event's possessive, or before its date: "Sunday, the fire's third
day"; "on the fire's first day, November 8"; "the first day of the fire,
November 8".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import DatePrecision, DateRole, DateValue, EventMention
from .lexicon import Lexicon
from .reading import EventCue, SentenceReading

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
    #: The token that opens the reading: the date's, or the counted day's when it comes first.
    first_token: int = -1


def day_counts(reading: SentenceReading, figures_values: Mapping[int, object], lexicon: Lexicon) -> list[DayCount]:
    """Every "DATE, the Nth day of EVENT" in a sentence (and its other orders, above);
    `figures_values` maps a figure's token index to its value."""
    n = len(reading.words)
    # Each cue by its first token, and where it ends.
    cues = {c.index: (c, c.index + _cue_length(c.mention, reading, c.index)) for c in reading.events}
    ending = {last: c for c, last in cues.values()}
    found: list[DayCount] = []
    for k, value in figures_values.items():
        if not isinstance(value, DateValue) or value.precision is not DatePrecision.DAY or not (value.year_stated or value.resolved):
            continue
        counted = (_counted_day_after(reading.words, k, cues, lexicon) if k + 1 < n else None) or _counted_day_before(reading.words, k, ending, lexicon)
        if counted is None:
            continue
        day, cue, ordinal, first, last = counted
        if lexicon.event_span.get(cue.mention.kind) == "instant" or cue.mention.proposed:
            continue
        start = value.start - dt.timedelta(days=day - 1)
        began = value.model_copy(update={"start": start, "end": start})
        mention = cue.mention.model_copy(update={"date": began, "date_role": DateRole.START, "start": reading.tokens[ordinal].start})
        found.append(DayCount(figure=reading.tokens.figures[k], day=day, mention=mention, last_token=last, first_token=first))
    return found


#: A counted day read: the day's number, the event's cue, the ordinal's token, and the
#: first and last token of the whole reading.
_Counted = tuple[int, EventCue, int, int, int]


def _counted_day_after(words: list[str], k: int, cues: dict[int, tuple[EventCue, int]], lexicon: Lexicon) -> _Counted | None:
    """"DATE, the Nth day of EVENT" or "DATE, the EVENT's Nth day", the date at token `k`."""
    n = len(words)
    j = k + 1
    if words[j] == "," or words[j] in lexicon.day_count_links:
        j += 1
    if j + 2 >= n or words[j] != "the":
        return None
    day = _ordinal(words[j + 1], lexicon)
    if day is not None and words[j + 2] == "day" and j + 3 < n and words[j + 3] == "of":
        m = j + 4
        while m < n and words[m] in _DETERMINERS:
            m += 1
        if m in cues:
            cue, last = cues[m]
            return day, cue, j + 1, k, last
        return None
    # "Sunday, the fire's third day"
    if j + 1 not in cues:
        return None
    cue, end = cues[j + 1]
    if not words[end].endswith("'s") or end + 2 >= n or words[end + 2] != "day":
        return None
    day = _ordinal(words[end + 1], lexicon)
    return (day, cue, end + 1, k, end + 2) if day is not None else None


def _counted_day_before(words: list[str], k: int, ending: dict[int, EventCue], lexicon: Lexicon) -> _Counted | None:
    """"the EVENT's Nth day, DATE" or "the Nth day of the EVENT, DATE", the date at token `k`."""
    if k < 4 or words[k - 1] != ",":
        return None
    if words[k - 2] == "day":
        # "on the fire's first day, November 8"
        day = _ordinal(words[k - 3], lexicon)
        cue = ending.get(k - 4)
        if day is None or cue is None or not words[k - 4].endswith("'s") or cue.index < 1 or words[cue.index - 1] not in _DETERMINERS:
            return None
        return day, cue, k - 3, cue.index - 1, k
    # "the first day of the fire, November 8"
    cue = ending.get(k - 2)
    if cue is None:
        return None
    m = cue.index - 1
    while m >= 0 and words[m] in _DETERMINERS:
        m -= 1
    if m < 3 or words[m] != "of" or words[m - 1] != "day" or words[m - 3] != "the":
        return None
    day = _ordinal(words[m - 2], lexicon)
    return (day, cue, m - 2, m - 3, k) if day is not None else None


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
