"""When a figure speaks for: earlier and contrasted values, running counts, as-of dates, subsets.

Read on the sentence's tokens around a count:

* an earlier or contrasted value ("up from 99", "from 64 to 2,975", "below
  the estimate of about 80") is not the source's current figure;
* a running count ("rose to 36", "so far", "confirmed") is cumulative even
  when tied to a single event;
* a date in the same clause that dates no event ("On Thursday the toll had
  stood at 64") is the figure's as-of date;
* "19 of the dead" and "the other fifteen" are parts of a larger set.
"""

from __future__ import annotations

import datetime as dt
from itertools import accumulate

from ..model import DatePrecision, DateValue
from .figures import Figure
from .lexicon import Lexicon
from .measures import NounPhrase
from .reading import FIGURE, SentenceReading

__all__ = ["is_reference", "is_running", "clause_date", "is_subset", "is_difference"]

_DETERMINERS = frozenset("the a an its their his her this that those these".split())


def is_reference(words: list[str], i: int, lexicon: Lexicon) -> bool:
    """Whether the count at token `i` is an earlier or contrasted value, not the current one."""
    j = i - 1
    while j >= 0 and words[j] in _DETERMINERS:
        j -= 1
    if j < 0:
        return False
    if lexicon.revision_before.match_ending_at(words, j):
        return True
    if words[j] == "from" and any(w in lexicon.change_verbs for w in words[max(0, j - 12) : j]):
        # "raised its toll from 64 to 2,975", "raising its count on Tuesday from the 212,000".
        return True
    if words[j] == "of" and j >= 1 and words[j - 1] in lexicon.reference_nouns:
        # "the old toll of 64", "below the estimate of about 80".
        k = j - 2
        while k >= 0 and k >= j - 5:
            if words[k] in lexicon.reference_modifiers or words[k] in lexicon.contrast_words:
                return True
            if words[k] in (",", ";", ".", FIGURE):
                break
            k -= 1
    return False


def is_running(words: list[str], i: int, clauses: list[int], lexicon: Lexicon) -> bool:
    """Whether the clause presents the count as a running total ("rose to 36", "confirmed", "so far")."""
    clause = clauses[i]
    lo = i
    while lo > 0 and clauses[lo - 1] == clause and i - lo < 12:
        lo -= 1
    hi = i
    while hi + 1 < len(words) and clauses[hi + 1] == clause and hi - i < 8:
        hi += 1
    for k in range(lo, hi + 1):
        if words[k] in lexicon.running_cues.by_first and lexicon.running_cues.match_at(words, k):
            return True
    return False


#: Words that introduce a date as the moment a figure speaks for: "on Thursday", "as of June 3".
_AS_OF_INTRODUCERS = frozenset("on as by through".split())
#: How far before publication a date can still be a figure's as-of date.
_AS_OF_RANGE = dt.timedelta(days=60)


def clause_date(
    reading: SentenceReading,
    figures: list[Figure],
    i: int,
    clauses: list[int],
    published: dt.date | None,
    *,
    after_only: bool = False,
    recent_only: bool = True,
) -> DateValue | None:
    """The date the count speaks for, if its clause gives one: "on Thursday", "as of June 3".

    Only a day (or week) that dates no event, is introduced as a date ("on",
    "as of", "by", "through"), and lies within 60 days before publication
    (any time before it, without `recent_only`). With `after_only`, only a
    date after the figure ("up from 99 on Thursday").
    """
    candidates, counts_before = _as_of_candidates(reading, figures)
    earliest = published - _AS_OF_RANGE if published is not None and published - dt.date.min > _AS_OF_RANGE else dt.date.min
    best: tuple[int, DateValue] | None = None
    for k, value in candidates:
        if clauses[k] != clauses[i] or (after_only and k < i):
            continue
        if k > i and counts_before[k] > counts_before[i + 1]:
            continue  # "rose to 2,316, up from 1,498 on Sunday": the date is the later figure's
        if published is not None and (value.end > published or (recent_only and value.end < earliest)):
            continue  # after publication, or so long before that it more likely dates an event
        distance = abs(k - i)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


def _as_of_candidates(reading: SentenceReading, figures: list[Figure]) -> tuple[list[tuple[int, DateValue]], list[int]]:
    """The dates of a sentence that can be a figure's as-of date — a day or week introduced as
    a date, dating no event — by token; and how many count figures stand before each token.
    Worked out once per sentence, so that reading every figure of it stays linear."""
    cached = reading.as_of_candidates
    if cached is not None:
        return cached
    dated_events = {cue.date_figure for cue in reading.events if cue.date_figure is not None}
    words = reading.words
    candidates: list[tuple[int, DateValue]] = []
    # Only a sentence's figure tokens count or date anything: the other tokens are
    # passed over in C (the tally) rather than one by one.
    is_count = [0] * len(words)
    for figure, k in reading.figure_token.items():  # in token order
        value = figures[figure].value
        if not isinstance(value, DateValue):
            is_count[k] = 1
            continue
        if figure in dated_events:
            continue
        if k == 0 or words[k - 1] not in _AS_OF_INTRODUCERS or value.precision not in (DatePrecision.DAY, DatePrecision.WEEK):
            continue
        candidates.append((k, value))
    counts_before = [0, *accumulate(is_count)]
    reading.as_of_candidates = (candidates, counts_before)
    return reading.as_of_candidates


def is_subset(words: list[str], i: int, np: NounPhrase) -> bool:
    """"19 of the dead", "the other fifteen": a part of a set the text names without a figure."""
    if i >= 2 and words[i - 1] == "other" and words[i - 2] == "the":
        return True
    return i + 2 < len(words) and words[i + 1] == "of" and words[i + 2] in ("the", "those", "these") and np.partitive_whole is None


def is_difference(words: list[str], i: int, lexicon: Lexicon) -> bool:
    """"eight more victims", "dozens or even hundreds higher": an increment, not a level."""
    following = words[i + 1 : i + 5]
    if following[:1] and following[0] in lexicon.differences_after:
        return not (following[0] in ("more", "less", "fewer") and following[1:2] == ["than"])
    # "dozens or even hundreds higher": an alternative figure, then the comparative.
    if following[:1] == ["or"]:
        rest = [w for w in following[1:] if w not in ("even", "perhaps", "maybe", "possibly")]
        return len(rest) >= 2 and rest[0] == FIGURE and rest[1] in lexicon.differences_after
    return False
