"""Finding figures: every date, duration, amount and count in a text, once each.

Passes run in a fixed order — dates, durations, numbers — and each claims its
stretch of text in an occupancy mask, so the "7" and "2023" of a date are
never read again as counts and the "60" of "60-day" never as a count of days.
Lines that are not news (bylines, "Trending") are masked before any pass.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..model import ClaimKind, DateValue, Duration, Qualifier, Quantity
from ..text import Sentence
from .dates import date_from_match
from .durations import duration, duration_value, unit_of
from .lexicon import TOKEN, Lexicon
from .numbers import CURRENCY_CODES, parse_digits, parse_words, qualifier_after, qualifier_before, quantity

__all__ = ["Figure", "find_figures", "noise_ranges"]


@dataclass(slots=True)
class Figure:
    """A figure found in the text, before it is read as a claim.

    `start`/`end` cover the quote (qualifier included); `core_start`/`core_end`
    the figure itself. `sentence` indexes the sentence it stands in.
    """

    kind: ClaimKind
    start: int
    end: int
    core_start: int
    core_end: int
    value: Quantity | DateValue | Duration
    sentence: int


# Words before a month named alone that show it is a date ("in June", "last October").
_MONTH_CONTEXT = frozenset(
    "in since until till by during from through throughout of last next this early late mid before after "
    "between to and or since".split()
)
_STRICT_MONTH_CONTEXT = frozenset("in since until till by during from through throughout last next this before after early late mid".split())
#: Words ending in "s" after a compact figure that are not counted nouns ("the 100m this year").
_NOT_PLURALS = frozenset("this thus was has is its his hers yours ours theirs less unless across plus".split())
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![\w])", re.IGNORECASE)
_TIME_AFTER = re.compile(r"(?::\d\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|ET\b))", re.IGNORECASE)
_COMPOUND_AFTER = re.compile(r"[-–]([A-Za-z]+(?:-[A-Za-z]+)?)")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)
_CURRENCY_WORD = re.compile(r"\s+(dollars|euros|shekels|yen|pounds sterling)(?![\w])", re.IGNORECASE)
_CURRENCY_WORD_CODES = {"dollars": "USD", "euros": "EUR", "shekels": "ILS", "yen": "JPY", "pounds sterling": "GBP"}
_CHANGE_VERBS = frozenset("rose risen rising climbed jumped increased increase fell dropped declined decreased revised up down grew grown soared surged raised raising raises lowered lowering cut".split())


def noise_ranges(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """The (start, end) of every line that is not news (only short lines can be), and of
    every span that is not news wherever it stands (telephone numbers, footnote markers)."""
    # One pass per pattern: each starts with a literal or a digit, which the regex engine
    # scans for quickly; an alternation of them all would be tried at every character.
    ranges = [m.span() for pattern in lexicon.noise_spans for m in pattern.finditer(text)]
    size = len(text)
    lines: set[tuple[int, int]] = set()
    starts = lexicon.noise_line_starts
    if starts is not None:
        line_start = 0
        while line_start <= size:
            line_end = text.find("\n", line_start)
            if line_end == -1:
                line_end = size
            if line_end - line_start <= _NOISE_LINE_MAX and starts.match(text, line_start, line_end):
                lines.add((line_start, line_end))
            line_start = line_end + 1
    if lexicon.noise_line_anywhere:
        lowered = text.lower()  # same length for the text claimcheck reads: offsets carry over
        if len(lowered) == size:
            for pattern, boundary in lexicon.noise_line_anywhere:
                for m in pattern.finditer(lowered):
                    if boundary and m.start() > 0 and (lowered[m.start() - 1].isalnum() or lowered[m.start() - 1] == "_"):
                        continue
                    line_start = text.rfind("\n", 0, m.start()) + 1
                    line_end = text.find("\n", m.end())
                    line_end = size if line_end == -1 else line_end
                    if line_end - line_start <= _NOISE_LINE_MAX:
                        lines.add((line_start, line_end))
    return ranges + sorted(lines)


#: Bylines, credits and promotional lines are short; a longer line is a paragraph.
_NOISE_LINE_MAX = 300


class _Mask:
    """Which characters already belong to a figure (or to a non-news line)."""

    __slots__ = ("_bits",)

    def __init__(self, size: int) -> None:
        self._bits = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self._bits.find(1, start, end) == -1

    def take(self, start: int, end: int) -> None:
        self._bits[start:end] = b"\x01" * (end - start)


def find_figures(text: str, sentences: list[Sentence], lexicon: Lexicon, published: dt.date | None) -> list[Figure]:
    """All figures in `text`, in text order, each not yet read as a claim.

    One scan finds every place a figure can start (a digit, or a word such as
    a number word, a month or a weekday); the detailed patterns then run
    anchored there, dates before durations before counts.
    """
    mask = _Mask(len(text))
    for start, end in noise_ranges(text, lexicon):
        mask.take(start, end)
    finder = _Finder(text, sentences, lexicon, published, mask)
    consumed = 0
    for m in lexicon.trigger.finditer(text):
        position = m.start()
        if position < consumed or not mask.free(position, position + 1):
            continue
        if m.lastgroup == "digit":
            figure = finder.at_digit(position)
        else:
            figure = finder.at_word(position, m.group("word"))
        if figure is not None:
            finder.figures.append(figure)
            mask.take(figure.start, figure.end)
            consumed = figure.end
    return finder.figures


class _Finder:
    """Tries the figure patterns at one trigger position."""

    def __init__(self, text: str, sentences: list[Sentence], lexicon: Lexicon, published: dt.date | None, mask: _Mask) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.lexicon = lexicon
        self.published = published
        self.mask = mask
        self.figures: list[Figure] = []

    def sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def at_digit(self, p: int) -> Figure | None:
        if p >= 1 and self.text[p - 1] in "-–" and self.figures and self.figures[-1].end == p - 1 and self.figures[-1].kind is ClaimKind.COUNT:
            # "passed 62-38": a tally (the range reader took "20-30" whole), two counts
            return self.number(p, joined=True)
        return self.date(p) or self.duration(p) or self.number(p)

    def at_word(self, p: int, word: str) -> Figure | None:
        kind = self.lexicon.trigger_kind.get(word.lower())
        if kind == "date":
            return self.date(p)
        if kind == "number":
            return self.duration(p) or self.number(p, words=True)
        if kind == "scale":
            # "a dozen", "a hundred": the article is part of the figure.
            if p >= 2 and self.text[p - 2 : p].lower() == "a " and (p == 2 or not self.text[p - 3].isalnum()):
                return self.number(p - 2, words=True)
            return None
        if kind == "fraction":
            # "half a million", and "a half-million" with its article.
            if p >= 2 and self.text[p - 2 : p].lower() == "a " and (p == 2 or not self.text[p - 3].isalnum()):
                return self.number(p - 2, words=True)
            return self.number(p, words=True)
        if kind == "vague":
            return self.vague(p)
        if kind == "unit":
            found = self.compound_duration(p)
            if found is None:
                article = 3 if self.text[max(0, p - 3) : p].lower() == "an " else 2 if self.text[max(0, p - 2) : p].lower() == "a " else 0
                if article and (p == article or not self.text[p - article - 1].isalnum()):
                    found = self.article_duration(p - article)
            return found
        return None

    # -------------------------------------------------------------- dates

    def date(self, p: int) -> Figure | None:
        text, lexicon = self.text, self.lexicon
        m = lexicon.date.match(text, p)
        if m is None:
            return None
        start, end = m.span()
        if not self.mask.free(start, end):
            return None
        kind = m.lastgroup
        index = self.sentence_of(start)
        floor = self.sentences[index].start if self.sentences else 0
        before = _words_before(text, start, floor, 8)
        previous = before[-1] if before else ""
        relation = ""
        if kind == "mon":
            context = _STRICT_MONTH_CONTEXT if m.group().lower() in lexicon.vocabulary.dates.ambiguous_months else _MONTH_CONTEXT
            following = TOKEN.match(text, end + 1) if end < len(text) and text[end] == " " else None
            follows_event = following is not None and following.group().lower() in lexicon.event_cues.by_first
            possessive = text.startswith(("'s", "’s"), end)
            if previous not in context and not follows_event and not possessive:
                return None
            if previous in ("last", "next", "this"):
                relation = previous
        elif kind == "yr":
            if not _plausible_year(text, start, end, previous, lexicon):
                return None
        elif kind == "wd" and previous in ("last", "next", "this"):
            relation = previous
        future = any(w in lexicon.future_cues.by_first and lexicon.future_cues.match_at(before, i) for i, w in enumerate(before))
        future = future or _modal_ahead(text, max(floor, start - 60), start)
        anchor = self.published
        if kind in ("mdn", "dmn") and previous == "the" and _names_event(text, end, lexicon):
            anchor = None  # "the October 7 attacks": the name of an event, its year unstated
        try:
            value = date_from_match(m, lexicon, anchor, future=future, relation=relation)
        except (ValueError, OverflowError):
            return None  # "last month" when published in year 1: a date off the calendar
        if value is None:
            return None
        return Figure(ClaimKind.DATE, start, end, start, end, value, index)

    # -------------------------------------------------------------- durations

    def duration(self, p: int) -> Figure | None:
        ranged = self.duration_range(p)
        if ranged is not None:
            return ranged
        m = self.lexicon.duration.match(self.text, p)
        if m is None:
            return None
        number = m.group("num")
        value = duration_value(number, self.lexicon)
        if value is None or value <= 0:
            return None
        return self._duration_figure(m, value)

    def duration_range(self, p: int) -> Figure | None:
        """"six to eight weeks", "2-3 days", "between six and eight weeks"."""
        m = self.lexicon.duration_range.match(self.text, p)
        if m is None:
            return None
        low, high = duration_value(m.group("num"), self.lexicon), duration_value(m.group("num2"), self.lexicon)
        unit = unit_of(m.group("unit"), self.lexicon)
        start, end = m.span()
        before = _words_before(self.text, start, 0, 1)
        between = bool(before) and before[0] == "between"
        if low is None or high is None or unit is None or not 0 < low < high or not self.mask.free(start, end):
            return None
        if m.group("join").lower() == "and" and not between:
            return None  # "two and three weeks" is not a range without "between"
        quote_start = start
        if between:
            found = re.search(r"(?i)\bbetween\s+\Z", self.text[max(0, start - 20) : start])
            quote_start = max(0, start - 20) + found.start() if found else start
        else:
            hit = qualifier_before(self.text, start, self.lexicon.qualifier_before)
            if hit and self.mask.free(hit[1], start):
                quote_start = hit[1]  # "about 15 to 20 days": the hedge belongs to the range's quote
        value = duration(low, unit, Qualifier.RANGE, self.lexicon, high=high)
        return Figure(ClaimKind.DURATION, quote_start, end, start, end, value, self.sentence_of(start))

    def article_duration(self, p: int) -> Figure | None:
        """"a week earlier", "a day after the collapse": one unit, named with an article."""
        m = self.lexicon.duration_article.match(self.text, p)
        return self._duration_figure(m, 1.0) if m is not None else None

    def compound_duration(self, p: int) -> Figure | None:
        m = self.lexicon.duration_compound.match(self.text, p)
        return self._duration_figure(m, 1.0) if m is not None else None

    def _duration_figure(self, m: re.Match[str], value: float) -> Figure | None:
        start, end = m.span()
        unit = unit_of(m.group("unit"), self.lexicon)
        if unit is None or not self.mask.free(start, end):
            return None
        qualifier, quote_start, qualifier_text = Qualifier.EXACT, start, None
        hit = qualifier_before(self.text, start, self.lexicon.qualifier_before)
        if hit and self.mask.free(hit[1], start):
            qualifier, quote_start = hit
            qualifier_text = self.text[quote_start:start].strip()
        figure_value = duration(value, unit, qualifier, self.lexicon, qualifier_text=qualifier_text)
        return Figure(ClaimKind.DURATION, quote_start, end, start, end, figure_value, self.sentence_of(start))

    # -------------------------------------------------------------- counts and amounts

    def _parse_number(self, p: int, words: bool, *, joined: bool = False) -> tuple[int, int, float, float, str | None] | None:
        """(start, end, value, rounding, unit) of the number at `p`, or None. `joined`: `p`
        follows a range's dash or "to", so the number may stand right after a dash."""
        text, lexicon = self.text, self.lexicon
        if words:
            m = lexicon.word_number.match(text, p)
            if m is None:
                return None
            start, end = m.span()
            phrase = m.group().lower()
            if phrase in ("a", "an") or not _plausible_compound(text, end, lexicon):
                return None
            if phrase == "one" and not lexicon.list_item_one.search(text, max(0, start - 160), start):
                return None  # "one" counts only as an item in a list of counts ("96 … and one person")
            before = _words_before(text, start, 0, 1)
            if before and before[0] in lexicon.label_words:
                return None  # "phase two", "Article Five": a name, not a count
            if _in_ratio(text, start, end, lexicon):
                return None  # "one in five"
            if _in_name(text, start, end):
                return None  # "a Thousand Oaks bar", "Three Mile Island": part of a name
            value = parse_words(m.group(), lexicon)
            if value is None:
                return None
            word = _CURRENCY_WORD.match(text, end)  # "half a million dollars"
            if word:
                return start, word.end(), value, 1.0, _CURRENCY_WORD_CODES[word.group(1).lower()]
            unit, end = _measure_unit(text, end, lexicon)
            return start, end, value, 1.0, unit
        start = p
        for symbol in ("US$", "A$", "C$", "$", "€", "£", "¥", "₪"):
            # A negative start would make startswith look at the text's end ("5£" at offset 0).
            if p >= len(symbol) and text.startswith(symbol, p - len(symbol)):
                start = p - len(symbol)
                break
        m = (lexicon.joined_number if joined else lexicon.digit_number).match(text, start)
        if m is None or not _plausible_digits(text, m, lexicon):
            return None
        mag = m.group("mag")
        if mag and len(mag) == 1 and not m.group("magsp") and not m.group("cur") and not _counted_noun_after(text, m.end(), lexicon):
            return None  # "3m people" counts millions; "the 100M", "a 5k run", "raised 100m" say not what
        value, rounding = parse_digits(m.group("num"), m.group("mag") if _magnitude_ok(m) else None, lexicon)
        end = m.end() if _magnitude_ok(m) else m.end("num")
        unit = None
        if m.group("cur"):
            unit = CURRENCY_CODES.get(m.group("cur").upper(), "USD")
        elif m.group("pct") and _magnitude_ok(m):
            unit = "percent"
        else:
            word = _CURRENCY_WORD.match(text, end)
            if word:
                unit = _CURRENCY_WORD_CODES[word.group(1).lower()]
                end = word.end()
            else:
                unit, end = _measure_unit(text, end, lexicon)
        return start, end, value, rounding, unit

    def number(self, p: int, words: bool = False, *, joined: bool = False) -> Figure | None:
        parsed = self._parse_number(p, words, joined=joined)
        if parsed is None:
            return None
        start, end, value, rounding, unit = parsed
        if not self.mask.free(start, end):
            return None
        text, lexicon = self.text, self.lexicon
        tolerances = lexicon.vocabulary.qualifiers.tolerances
        qualifier, quote_start, quote_end, high, qualifier_text = Qualifier.EXACT, start, end, None, None
        ranged = self._range(start, end, value)
        if ranged is not None:
            high, quote_end, quote_start = ranged
            qualifier = Qualifier.RANGE
        else:
            hit = qualifier_before(text, start, lexicon.qualifier_before_counts)
            if hit and self.mask.free(hit[1], start):
                qualifier, quote_start = hit
                qualifier_text = text[quote_start:start].strip()
            else:
                after = qualifier_after(text, end, lexicon)
                if after:
                    qualifier, quote_end = after
                    qualifier_text = text[end:quote_end].strip()
        kind = ClaimKind.MONEY if unit in _CURRENCIES else ClaimKind.COUNT
        figure_value = quantity(value, qualifier, tolerances, rounding=rounding, high=high, qualifier_text=qualifier_text, unit=unit)
        return Figure(kind, quote_start, quote_end, start, end, figure_value, self.sentence_of(start))

    def vague(self, p: int) -> Figure | None:
        m = self.lexicon.vague.match(self.text, p)
        if m is None:
            return None
        unit_size, low, high = self.lexicon.vague_amounts[m.group().lower()]
        value = quantity(unit_size, Qualifier.VAGUE, self.lexicon.vocabulary.qualifiers.tolerances, qualifier_text=m.group(), vague=(low, high))
        return Figure(ClaimKind.COUNT, m.start(), m.end(), m.start(), m.end(), value, self.sentence_of(p))

    def _range(self, start: int, end: int, low: float) -> tuple[float, int, int] | None:
        """If the number opens a range ("20 to 30", "between 20 and 30"), its high end and quote span."""
        text = self.text
        join = _RANGE_JOIN.match(text, end)
        if not join or join.end() >= len(text):
            return None
        nxt = join.end()
        second = self._parse_number(nxt, words=not text[nxt].isdigit() and text[nxt] not in "$€£¥₪", joined=True)
        if second is None or second[0] != nxt or second[2] <= low or not self.mask.free(second[0], second[1]):
            return None
        joiner = join.group().strip().lower()
        before = _words_before(text, start, 0, 12)
        if joiner == "and" and (not before or before[-1] != "between"):
            return None
        if joiner == "to" and before and before[-1] == "from" and any(w in _CHANGE_VERBS for w in before):
            return None  # "raised the toll from 64 to 2,975": a change, not a range
        quote_start = start
        if before and before[-1] in ("between", "from") and joiner in ("and", "to"):
            m = re.search(rf"(?i)\b{before[-1]}\s+\Z", text[max(0, start - 20) : start])
            if m:
                quote_start = max(0, start - 20) + m.start()
        return second[2], second[1], quote_start


def _measure_unit(text: str, end: int, lexicon: Lexicon) -> tuple[str | None, int]:
    """The unit of measure right after a number ("8.2 metres", "46,300 acres"), and where it ends."""
    if lexicon.measure_unit is None:
        return None, end
    m = lexicon.measure_unit.match(text, end)
    if m is None:
        return None, end
    return lexicon.measure_unit_names[" ".join(m.group("unit").lower().split())], m.end()


#: Units that make a figure a sum of money.
_CURRENCIES = frozenset([*CURRENCY_CODES.values(), *_CURRENCY_WORD_CODES.values()])


def _modal_ahead(text: str, start: int, end: int) -> bool:
    """"Talks may resume in May": a modal "may" or "might" (lower case, so not the month)
    puts what follows ahead — unless "have" makes it a guess about the past."""
    return _MODAL_AHEAD.search(text, start, end) is not None


_MODAL_AHEAD = re.compile(r"\b(?:may|might)\s+(?!have\b)(?!not\s+have\b)[a-z]+")


def _in_name(text: str, start: int, end: int) -> bool:
    """Whether number words are part of a proper name: capitalised where a sentence does not
    start, and followed by a capitalised word ("at a Thousand Oaks bar", "near Three Mile
    Island"). A count that opens a sentence ("Thirteen more victims") is no name."""
    words = _WORD.findall(text, start, end)
    first_opens = _opens_sentence(text, start)
    if not any(w[:1].isupper() for k, w in enumerate(words) if k > 0 or not first_opens):
        return False
    return _CAPITALISED_NEXT.match(text, end) is not None


def _opens_sentence(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\"“‘'([":
        k -= 1
    return k < 0 or text[k] in ".!?\n:—–"


_WORD = re.compile(r"[^\W\d_]+")
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")


def _words_before(text: str, pos: int, floor: int, count: int) -> list[str]:
    """The last `count` lower-case words before `pos` (not before `floor`)."""
    tokens = TOKEN.findall(text, max(floor, pos - 80), pos)
    return [t.lower().replace("’", "'") for t in tokens[-count:]]


def _names_event(text: str, end: int, lexicon: Lexicon) -> bool:
    """Whether an event cue follows right after `end` ("October 7 attacks")."""
    following = TOKEN.match(text, end + 1) if end < len(text) and text[end] == " " else None
    return following is not None and bool(lexicon.event_cues.match_at([following.group().lower()], 0))


def _plausible_year(text: str, start: int, end: int, previous: str, lexicon: Lexicon) -> bool:
    """A four-digit number read as a year, unless it counts something or labels something."""
    if start > 0 and text[start - 1] in "-$€£#/":
        return False
    if text.startswith(("-", "–"), end) and end + 1 < len(text) and text[end + 1].isalpha():
        return False
    if previous in lexicon.label_words:
        return False
    following = TOKEN.match(text, end + 1) if end < len(text) and text[end] == " " else None
    if following is not None and following.group().lower() in lexicon.head_class and previous not in ("in", "since", "of", "by", "the"):
        return False
    if qualifier_before(text, start, lexicon.qualifier_before_counts):
        return False
    return True


def _magnitude_ok(m: re.Match[str]) -> bool:
    """A one-letter magnitude ("3m", "5k") only counts glued to the number."""
    mag = m.group("mag")
    if not mag:
        return True
    return len(mag) > 1 or not m.group("magsp")


def _plausible_digits(text: str, m: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether a run of digits is a figure: not an ordinal, a time, a label or a compound modifier."""
    end = m.end("num")
    if _ORDINAL_SUFFIX.match(text, end):
        return False
    if _TIME_AFTER.match(text, end):
        return False
    if text.startswith("/", end) and text[end + 1 : end + 2].isdigit():
        return False  # "03/04/2014", "1/2": a numeric date or a fraction, not a count
    start = m.start()
    if start > 0 and text[start - 1] in "#":
        return False
    before = _words_before(text, start, 0, 1)
    if before and before[0] in lexicon.label_words and not m.group("cur"):
        return False
    if not (m.group("cur") or m.group("pct") or m.group("mag")):
        number = m.group("num")
        if _name_before(text, start, end, number, lexicon) or _article_before(text, start, end, number, lexicon):
            return False
        if _scale_reading(text, end, number, lexicon):
            return False
        if _in_ratio(text, start, end, lexicon):
            return False
    return _plausible_compound(text, m.end(), lexicon)


def _name_before(text: str, start: int, end: int, number: str, lexicon: Lexicon) -> bool:
    """"Boeing 737", "Interstate 95", "Apollo 11": a bare whole number right after a capitalised
    word inside a sentence is part of a name. Not after the sentence's first word ("Some 240"),
    a month or weekday, a place or party the vocabulary knows ("in Gaza 300 people …"), nor
    before a noun the vocabulary counts ("… 300 people")."""
    if not number.isdigit() or start < 2 or text[start - 1] != " ":
        return False
    word = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    if word is None:
        return False
    k = word.start() - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] in _SENTENCE_OPENERS:
        return False
    lowered = word.group(1).lower()
    if lowered in lexicon.month_number or lowered in lexicon.weekday_number:
        return False
    if any(table.values_at([lowered], 0) for table in (lexicon.places, lexicon.populations, lexicon.parties)):
        return False
    return not _known_noun_after(text, end, lexicon)


def _article_before(text: str, start: int, end: int, number: str, lexicon: Lexicon) -> bool:
    """"a 6.7 aftershock", "a 737": a bare number after "a"/"an" and before no plural is a
    reading or a name; a count of things would be plural ("a further 30 people" has no
    article right before the number)."""
    if start < 2 or text[start - 1] != " " or "," in number:
        return False
    article = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
    if article is None:
        return False
    return not _counted_noun_after(text, end, lexicon)


def _scale_reading(text: str, end: int, number: str, lexicon: Lexicon) -> bool:
    """"the 7.3 aftershock", "a 7.0 earthquake": a fraction right before an event's cue is a
    reading on a scale; no one counts 7.3 of an event."""
    if "." not in number or text[end : end + 1] != " ":
        return False
    following = TOKEN.match(text, end + 1)
    return following is not None and bool(lexicon.event_cues.values_at([following.group().lower()], 0))


def _in_ratio(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """"1 in 5", "one in 10": a ratio, in which neither number counts anything."""
    here = _small_value(text[start:end], lexicon)
    after = _RATIO_AFTER.match(text, end)
    if after is not None:
        other = _small_value(after.group(1), lexicon)
        return here is not None and other is not None and here < other
    before = _RATIO_BEFORE.search(text, max(0, start - 12), start)
    if before is not None:
        other = _small_value(before.group(1), lexicon)
        return here is not None and other is not None and other < here
    return False


def _small_value(number: str, lexicon: Lexicon) -> int | None:
    plain = number.replace(",", "").lower()
    if plain.isdigit():
        return int(plain)
    if plain.startswith("a "):
        plain = "one " + plain[2:]
    value = parse_words(plain, lexicon)
    return int(value) if value is not None else None


def _known_noun_after(text: str, end: int, lexicon: Lexicon) -> bool:
    """Whether the word after `end` is a noun the vocabulary counts ("people", "deaths")."""
    following = TOKEN.match(text, end + 1) if end < len(text) and text[end] == " " else None
    if following is None:
        return False
    word = following.group().lower()
    return word in lexicon.head_class or bool(lexicon.measure_nouns.values_at([word], 0))


_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][A-Za-z]+) \Z")
_SENTENCE_OPENERS = frozenset(".!?\n\"“‘'(:;—–")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:[Aa]n?) \Z")
_SMALL_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
_TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)"
_RATIO_AFTER = re.compile(rf" in (\d{{1,3}}(?:,\d{{3}})?|{_SMALL_NUMBER_WORDS}|a hundred|a thousand)(?![\w]|[,.]\d|\s+{_TIME_UNIT}\b)", re.IGNORECASE)
_RATIO_BEFORE = re.compile(rf"(?<![\w,.])(\d{{1,3}}|{_SMALL_NUMBER_WORDS}) in \Z", re.IGNORECASE)


def _counted_noun_after(text: str, end: int, lexicon: Lexicon) -> bool:
    """Whether the word after `end` is a noun that can be counted: a counted noun the
    vocabulary knows ("people", "deaths") or a plural ("views"), not "run" or "for"."""
    following = TOKEN.match(text, end + 1) if end < len(text) and text[end] == " " else None
    if following is None:
        return False
    word = following.group().lower()
    if word in lexicon.head_class or bool(lexicon.measure_nouns.values_at([word], 0)):
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in _NOT_PLURALS


def _plausible_compound(text: str, end: int, lexicon: Lexicon) -> bool:
    """"2,000-pound bombs", "three-phase", "5-year-old": a modifier, not a count."""
    m = _COMPOUND_AFTER.match(text, end)
    if not m:
        return True
    word = m.group(1).lower()
    head = word.split("-")[0]
    singular = head[:-1] if head.endswith("s") and len(head) > 3 else head
    return not (word in lexicon.non_count_units or head in lexicon.non_count_units or singular in lexicon.non_count_units or word.endswith("year-old"))
