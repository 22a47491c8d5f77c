"""Benchmark corpora built from the fixtures by varying their texts.

    python -m bench.corpus --size 10MB            # print what the corpus holds
    python -m bench.corpus --sources 10000 --out /tmp/c.jsonl

The fixture cases (``fixtures/*/*.md``, read with `claimcheck.load_sources`)
are the raw material. A corpus is a run of *stories*: story ``k`` is case
``k mod (number of cases)`` — all of its sources — rewritten by one
`Variation`, drawn from a random generator seeded with ``(seed, k)``, so the
same arguments always give the same corpus. A variation:

* moves every date by the same number of days, ``-7 × (k // cases)``: the
  stories of one case are whole weeks apart, so no two of them date an
  event to days a few days apart, or to the same day a year or three apart
  (what the aligner reads as a typo), and their years stay within the
  1800–2099 that the extractor reads as years. Dates given only to the
  month ("November 2023") can still fall in the same month a year apart in
  two stories, and the aligner then reads them as one event with a typo in
  the year, as it would in any corpus spanning years.
  (``timelines=T`` makes the stories of a case reuse T timelines instead:
  ``T=1`` puts them all on the fixture's own dates, many outlets covering
  the same events.) Full dates, ISO dates, month and day,
  month and year, a month alone ("mid-March", read in the source's
  publication year), a year alone, and weekday names ("on Wednesday") all
  move, each written back in the style it had ("Oct. 7, 2023",
  "7 October 2023"); the source's published date moves with them, so
  relative dates and as-of dates stay coherent within a story;
* multiplies every other figure written in digits by one factor in
  [0.5, 2.5], keeping its style (commas, decimals) and its rounding ("1,200"
  stays a round hundred), and every number word from "two" to "ninety-nine"
  likewise ("five" → "twelve"); one factor per story keeps the sources of a
  story agreeing where they agreed and ranges in order;
* replaces the people's names — every capitalised word that follows an
  honorific or a title ("Mr.", "Gov.", "President", "Prime Minister" …)
  anywhere in the fixtures — wherever they occur, with surnames from
  ``bench/data/surnames.txt``.

Sizes are in bytes of UTF-8 text (MB = 10^6 bytes). `build_corpus` stops at
the first source that takes the corpus past the size asked for;
`build_sources` builds exactly ``n`` sources, optionally cut to at most
``max_chars`` characters each (whole paragraphs).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from claimcheck import Source, load_sources

__all__ = [
    "FIXTURES",
    "Variation",
    "fixture_cases",
    "variation",
    "vary",
    "iter_sources",
    "build_corpus",
    "build_sources",
    "text_bytes",
    "parse_size",
]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
_SURNAMES = Path(__file__).resolve().parent / "data" / "surnames.txt"

#: Stories of one case further apart than this many weeks would push years
#: below 1800; beyond it the timelines repeat (with other figures and names).
_MAX_WEEKS = 9000

_MONTHS = [calendar.month_name[m] for m in range(1, 13)]
_ABBREVIATIONS = {"Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Aug.": 8, "Sept.": 9, "Sep.": 9, "Oct.": 10, "Nov.": 11, "Dec.": 12}
_MONTH_NUMBER = {name: m for m, name in enumerate(_MONTHS, start=1)} | _ABBREVIATIONS
# AP style: the five short months are never abbreviated.
_AP_STYLE = {1: "Jan.", 2: "Feb.", 3: "March", 4: "April", 5: "May", 6: "June", 7: "July", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
_WEEKDAYS = [calendar.day_name[d] for d in range(7)]

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 10 + i for i, w in enumerate(_TEENS)} | {w: 10 * i for i, w in enumerate(_TENS) if i >= 2}

_MONTH = "|".join([*sorted(_MONTHS, key=len, reverse=True), *(re.escape(a) for a in _ABBREVIATIONS)])
_YEAR_DIGITS = r"(?:1[89]\d\d|20\d\d)"
_YEAR = _YEAR_DIGITS + r"(?!\d)"
_NUMBER_WORD = (
    rf"(?:{'|'.join(_TENS[2:])})(?:-(?:{'|'.join(_UNITS[1:])}))?"
    rf"|{'|'.join(_TEENS)}|{'|'.join(_UNITS[2:])}"
)
_PATTERN = re.compile(
    rf"""
    (?P<iso>\b(?P<iy>{_YEAR_DIGITS})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?!\d))
    |(?P<mdy>\b(?P<m1>{_MONTH})(?![\w])(?P<s1>\s+)(?P<d1>\d{{1,2}})(?P<t1>,?\s+)(?P<y1>{_YEAR}))
    |(?P<dmy>\b(?P<d2>\d{{1,2}})(?P<s2>\s+(?:of\s+)?)(?P<m2>{_MONTH})(?![\w])(?P<t2>,?\s+)(?P<y2>{_YEAR}))
    |(?P<my>\b(?P<m3>{_MONTH})(?![\w])(?P<s3>,?\s+(?:of\s+)?)(?P<y3>{_YEAR}))
    |(?P<md>\b(?P<m4>{_MONTH})(?![\w])(?P<s4>\s+)(?P<d4>\d{{1,2}})(?![\d,]\d|\w))
    |(?P<dm>\b(?P<d5>\d{{1,2}})(?P<s5>\s+)(?P<m5>{_MONTH})(?![\w]))
    |(?P<mon>\b(?P<m6>{_MONTH})(?![\w]))
    |(?P<year>(?<![\w$€£.,])(?P<y7>{_YEAR})(?![.,]\d|\w))
    |(?P<wd>\b(?P<w8>{'|'.join(_WEEKDAYS)})(?![a-z]))
    |(?P<num>(?<![\w.,])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\w]|[.,]\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\w]|[.,]\d))
    |(?P<word>\b(?i:{_NUMBER_WORD})\b)
    """,
    re.VERBOSE,
)
_TITLED_NAME = re.compile(
    r"(?:\b(?:Mr|Ms|Mrs|Dr|Gov|Sen|Rep|Gen)\.|\b(?:President|Prime Minister|Minister|Mayor|Governor|Chief|Secretary|Commissioner))"
    r"((?:\s+[A-Z][^\W\d_]*(?:-[A-Z][^\W\d_]*)?){1,3})"
)


@dataclass(frozen=True)
class Variation:
    """How one story rewrites its case: a date shift, a figure factor, a name map."""

    days: int
    factor: float
    names: dict[str, str] = field(default_factory=dict)


def fixture_cases(root: Path = FIXTURES) -> list[list[Source]]:
    """The fixture cases, one list of sources per folder, in folder order."""
    cases = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.md"))
        if files:
            cases.append(load_sources(files))
    if not cases:
        raise FileNotFoundError(f"no fixture cases (*/*.md) under {root}")
    return cases


@lru_cache(maxsize=1)
def _default_cases() -> tuple[tuple[Source, ...], ...]:
    return tuple(tuple(case) for case in fixture_cases())


@lru_cache(maxsize=1)
def _fixture_names() -> tuple[str, ...]:
    """People's names in the fixtures: capitalised words after a title or honorific."""
    found: set[str] = set()
    for case in _default_cases():
        for source in case:
            for m in _TITLED_NAME.finditer(source.text):
                for word in m.group(1).split():
                    found.update(part for part in word.split("-") if len(part) > 1)
    excluded = set(_MONTHS) | set(_WEEKDAYS)
    return tuple(sorted(found - excluded))


@lru_cache(maxsize=1)
def _replacement_names() -> tuple[str, ...]:
    lines = _SURNAMES.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    names = sorted(_fixture_names(), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})(?![\w])")


def variation(story: int, *, cases: int, seed: int = 0, timelines: int | None = None) -> Variation:
    """The variation of story number `story` (of a corpus over `cases` cases).

    `timelines` bounds how many different timelines a case's stories use (1:
    all on the fixture's own dates); by default each story has its own.
    """
    rng = random.Random(f"claimcheck-bench:{seed}:{story}")
    weeks = (story // cases) % min(timelines or _MAX_WEEKS, _MAX_WEEKS)
    factor = round(rng.uniform(0.5, 2.5), 3)
    replacements = _replacement_names()
    names = {name: rng.choice(replacements) for name in _fixture_names()}
    return Variation(days=-7 * weeks, factor=factor, names=names)


def vary(source: Source, v: Variation, *, id: str) -> Source:
    """`source` rewritten by `v`, under a new id (see the module docstring)."""
    published = source.published
    anchor = published or dt.date(2020, 1, 1)
    text = _vary_text(source.text, v, anchor)
    title = _vary_text(source.title, v, anchor) if source.title else source.title
    return Source(
        id=id,
        text=text,
        title=title,
        outlet=source.outlet,
        published=published + dt.timedelta(days=v.days) if published else None,
        role=source.role,
        line_offset=source.line_offset,
    )


def _vary_text(text: str, v: Variation, anchor: dt.date) -> str:
    pieces = []
    last = 0
    for start, end, kind, groups in _matches(text):
        pieces.append(text[last:start])
        pieces.append(v.names.get(groups["name"], groups["name"]) if kind == "name" else _replace(kind, groups, v, anchor))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


@lru_cache(maxsize=256)
def _matches(text: str) -> tuple[tuple[int, int, str, dict[str, str]], ...]:
    """What `_vary_text` rewrites in a fixture text; found once, as the texts are few and reused."""
    found = [(m.start(), m.end(), m.lastgroup or "", m.groupdict()) for m in _PATTERN.finditer(text)]
    found += [(m.start(), m.end(), "name", {"name": m.group()}) for m in _name_pattern().finditer(text)]
    found.sort(key=lambda item: item[0])
    kept: list[tuple[int, int, str, dict[str, str]]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return tuple(kept)


def _replace(kind: str, g: dict[str, str], v: Variation, anchor: dt.date) -> str:
    shift = dt.timedelta(days=v.days)
    if kind == "iso":
        return (_date(int(g["iy"]), int(g["im"]), int(g["id"])) + shift).isoformat()
    if kind == "mdy":
        new = _date(int(g["y1"]), _MONTH_NUMBER[g["m1"]], int(g["d1"])) + shift
        return f"{_month(new.month, g['m1'])}{g['s1']}{new.day}{g['t1']}{new.year}"
    if kind == "dmy":
        new = _date(int(g["y2"]), _MONTH_NUMBER[g["m2"]], int(g["d2"])) + shift
        return f"{new.day}{g['s2']}{_month(new.month, g['m2'])}{g['t2']}{new.year}"
    if kind == "my":
        new = _date(int(g["y3"]), _MONTH_NUMBER[g["m3"]], 15) + shift
        return f"{_month(new.month, g['m3'])}{g['s3']}{new.year}"
    if kind == "md":
        new = _near(anchor, _MONTH_NUMBER[g["m4"]], int(g["d4"])) + shift
        return f"{_month(new.month, g['m4'])}{g['s4']}{new.day}"
    if kind == "dm":
        new = _near(anchor, _MONTH_NUMBER[g["m5"]], int(g["d5"])) + shift
        return f"{new.day}{g['s5']}{_month(new.month, g['m5'])}"
    if kind == "mon":
        return _month((_near(anchor, _MONTH_NUMBER[g["m6"]], 15) + shift).month, g["m6"])
    if kind == "year":
        return str((_date(int(g["y7"]), 7, 2) + shift).year)
    if kind == "wd":
        return _WEEKDAYS[(_WEEKDAYS.index(g["w8"]) + v.days) % 7]
    if kind == "num":
        return _scale_digits(g["num"], v.factor)
    return _scale_word(g["word"], v.factor)


def _date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(max(day, 1), calendar.monthrange(year, month)[1]))


def _near(anchor: dt.date, month: int, day: int) -> dt.date:
    """A date given without its year, read as the reader of the source would: not long after publication."""
    date = _date(anchor.year, month, day)
    return _date(anchor.year - 1, month, day) if date > anchor + dt.timedelta(days=31) else date


def _month(month: int, like: str) -> str:
    return _AP_STYLE[month] if like.endswith(".") else _MONTHS[month - 1]


def _scale_digits(text: str, factor: float) -> str:
    """A figure in digits times `factor`, in the style and rounding it was written in."""
    plain = text.replace(",", "")
    commas = "," in text
    if "." in plain:
        decimals = len(plain.split(".")[1])
        value = float(plain) * factor
        return f"{value:,.{decimals}f}" if commas else f"{value:.{decimals}f}"
    n = int(plain)
    if n <= 1 or plain.startswith("0"):
        return text
    zeros = len(plain) - len(plain.rstrip("0"))
    step = 10 ** min(zeros, len(plain) - 1)
    new = max(step, round(n * factor / step) * step)
    # A bare four-digit figure from 1800 to 2099 would read as a year.
    if commas or (new >= 1000 and n < 1000) or 1800 <= new <= 2099:
        return f"{new:,}"
    return str(new)


def _scale_word(text: str, factor: float) -> str:
    parts = text.lower().split("-")
    value = sum(_WORD_VALUES[p] for p in parts)
    new = min(99, max(2, round(value * factor)))
    word = _number_words(new)
    return word.capitalize() if text[0].isupper() else word


def _number_words(n: int) -> str:
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, units = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")


def iter_sources(*, seed: int = 0, max_chars: int | None = None, timelines: int | None = None) -> Iterator[Source]:
    """Varied sources without end: story after story, each case's sources in order."""
    cases = _default_cases()
    story = 0
    while True:
        case = cases[story % len(cases)]
        v = variation(story, cases=len(cases), seed=seed, timelines=timelines)
        for source in case:
            varied = vary(source, v, id=f"s{story:06d}-{source.id}")
            if max_chars is not None:
                varied = _shorten(varied, max_chars)
            yield varied
        story += 1


def _shorten(source: Source, max_chars: int) -> Source:
    """The source cut to its first paragraphs, at most `max_chars` characters (at least one paragraph)."""
    text = source.text
    cut = text.find("\n")
    if cut == -1:
        return source
    while True:
        nxt = text.find("\n", cut + 1)
        if nxt == -1 or nxt + 1 > max_chars:
            break
        cut = nxt
    return source.model_copy(update={"text": text[: cut + 1]})


def build_corpus(size: int = 10 * 10**6, *, seed: int = 0) -> list[Source]:
    """Varied sources holding at least `size` bytes of UTF-8 text."""
    sources: list[Source] = []
    total = 0
    for source in iter_sources(seed=seed):
        sources.append(source)
        total += len(source.text.encode("utf-8"))
        if total >= size:
            return sources
    raise AssertionError("unreachable: iter_sources never ends")


def build_sources(n: int, *, seed: int = 0, max_chars: int | None = None, timelines: int | None = None) -> list[Source]:
    """Exactly `n` varied sources (cut to `max_chars` characters each, and on at most `timelines` timelines a case, when given)."""
    result: list[Source] = []
    for source in iter_sources(seed=seed, max_chars=max_chars, timelines=timelines):
        if len(result) == n:
            break
        result.append(source)
    return result


def text_bytes(sources: list[Source]) -> int:
    """The size of the sources' texts in bytes of UTF-8."""
    return sum(len(s.text.encode("utf-8")) for s in sources)


def parse_size(text: str) -> int:
    """``"10MB"`` → 10000000, ``"512KB"`` → 512000, ``"2MiB"`` → 2097152."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?\s*", text, re.IGNORECASE)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 10MB)")
    units = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}
    return int(float(m.group(1)) * units[(m.group(2) or "B").lower()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--size", type=parse_size, default=10 * 10**6, help="corpus size in bytes of text (default 10MB)")
    what.add_argument("--sources", type=int, help="build exactly this many sources instead")
    parser.add_argument("--max-chars", type=int, help="cut each source to its first paragraphs, at most this long")
    parser.add_argument("--timelines", type=int, help="at most this many timelines a case (default: one a story)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="write the sources as JSON lines (readable by load_sources)")
    args = parser.parse_args(argv)
    if args.sources is not None:
        sources = build_sources(args.sources, seed=args.seed, max_chars=args.max_chars, timelines=args.timelines)
    else:
        sources = build_corpus(args.size, seed=args.seed)
    distinct = len({s.text for s in sources})
    dates = sorted(s.published for s in sources if s.published)
    print(f"{len(sources)} sources, {text_bytes(sources) / 1e6:.2f} MB of text, {distinct} distinct texts")
    if dates:
        print(f"published from {dates[0]} to {dates[-1]}")
    if args.out:
        with args.out.open("w", encoding="utf-8") as handle:
            for s in sources:
                record = {"id": s.id, "text": s.text, "title": s.title, "outlet": s.outlet, "published": s.published.isoformat() if s.published else None}
                handle.write(json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False) + "\n")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
