"""The period a sum is to pay for: its length is the length of an event of its own.

"On Wednesday the United Nations launched a flash appeal for $415 million to
pay for shelter, clean water, food and health care over the next three
months"; "The UN's $415 million appeal, launched last week, is meant to cover
three months of relief". An appeal is a measure (`appeal`, lined up with no
event, `data/measures.toml`), not an event of the disaster, so its three
months were tied to no event and lined up with nothing: a source that doubled
them went unseen. Such a duration is read as the length of an event of the
kind the measure names (`period_kind`), and lined up across sources like a
truce's length.

Only a duration right after one of `period_cues` (`data/durations.toml`:
"over the next", "cover") is a period, and only when the nearest figure before
it in its clause (dates aside), within reach, is a sum of such a measure that
the clause names by one of its nouns ("appeal"). "Donors pledged $4.4 billion
over five years" (no such measure), "an appeal for $415 million, on top of $15
million released over three days" (another figure first) are not.
"""

from __future__ import annotations

from .._build import build
from ..model import Claim, EventMention
from .lexicon import Lexicon, MeasureCue
from .reading import SentenceReading

__all__ = ["sum_period"]


def sum_period(reading: SentenceReading, token: int, sums: dict[int, Claim], lexicon: Lexicon, text: str) -> EventMention | None:
    """The event whose length the duration at token `token` gives as the period of a sum
    before it, as an undated mention named by the sum's noun, if the sentence reads so;
    `sums` are the sentence's count and money claims by token index."""
    words = reading.words
    if not lexicon.period_kind or token == 0 or not lexicon.period_cues.match_ending_at(words, token - 1):
        return None
    clause = reading.clauses[token]
    for k in range(token - 1, max(-1, token - _REACH - 2), -1):
        if words[k] == ";" or reading.clauses[k] != clause:
            return None
        claim = sums.get(k)
        if claim is None:
            continue
        kind = lexicon.period_kind.get(claim.measure)
        if kind is None or claim.subset or claim.superseded or claim.part_of is not None:
            return None
        noun = _measure_noun(reading, token, claim.measure, lexicon)
        if noun is None:
            return None
        first, last = reading.tokens[noun[0]], reading.tokens[noun[1]]
        # Undated, unnamed, placeless: every other field keeps EventMention's default.
        return build(EventMention, kind=kind, cue=text[first.start : last.end], start=first.start, end=last.end)
    return None


#: How many words may stand between the sum and its period: "$415 million to pay for
#: shelter, clean water, food and health care over the next three months" (fifteen).
_REACH = 16


def _measure_noun(reading: SentenceReading, token: int, measure: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """The first and last token of the nearest noun of `measure` ("flash appeal") before
    token `token` in its clause."""
    words, clause = reading.words, reading.clauses[token]
    for k in range(token - 1, -1, -1):
        if words[k] == ";" or reading.clauses[k] != clause:
            return None
        hit = lexicon.measure_nouns.values_ending_at(words, k)
        if hit and any(isinstance(cue, MeasureCue) and cue.measure == measure for cue in hit[1]):
            return k - hit[0] + 1, k
    return None
