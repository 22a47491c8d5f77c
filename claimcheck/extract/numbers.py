"""Numbers: parsing figures written in digits or words, and reading their hedges.

A figure's value comes with two intervals (see `claimcheck.model.Quantity`):
the strict reading, what logic allows, and the newsroom reading, what a
newsroom means by it. Both depend on the qualifier and the figure's rounding.
"""

from __future__ import annotations

import re
from typing import cast

from .._build import build
from ..model import Interval, Qualifier, Quantity
from ..vocabulary import Tolerances
from .lexicon import TOKEN, Lexicon, PhraseTable

__all__ = [
    "parse_digits",
    "parse_words",
    "rounding_of",
    "quantity",
    "qualifier_before",
    "qualifier_after",
    "CURRENCY_CODES",
]

#: Currency symbols and the ISO codes they stand for.
CURRENCY_CODES = {"$": "USD", "US$": "USD", "A$": "AUD", "C$": "CAD", "€": "EUR", "£": "GBP", "¥": "JPY", "₪": "ILS"}

_SPLIT = re.compile(r"[\s-]+")


def parse_digits(number: str, magnitude: str | None, lexicon: Lexicon) -> tuple[float, float]:
    """The value of a digit figure and its rounding step.

    >>> from claimcheck.extract.lexicon import compile_lexicon
    >>> lex = compile_lexicon()
    >>> parse_digits("1,200", None, lex)
    (1200.0, 100.0)
    >>> parse_digits("1.2", "million", lex)
    (1200000.0, 100000.0)
    >>> parse_digits("251", None, lex)
    (251.0, 1.0)
    """
    plain = number.replace(",", "")
    value = float(plain)
    scale = 1.0
    if magnitude:
        word = magnitude.lower()
        scale = lexicon.scale_words.get(word, {"m": 1e6, "k": 1e3}.get(word, 1.0))
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    if decimals:
        step = 10.0**-decimals * scale
    else:
        step = rounding_of(int(plain), lexicon.vocabulary.qualifiers.tolerances) * scale
        if scale > 1:
            # "11 billion" is rounded to the billion, but never read wider than a tenth of itself.
            step = max(1.0, min(step, value * scale / 10))
    return value * scale, step


def rounding_of(n: int, tolerances: Tolerances) -> float:
    """The step a whole number was rounded to: 1 unless it ends in enough zeros.

    A round figure keeps at least two significant digits' worth of precision:
    "100" is read as rounded to the ten, "1,200" to the hundred.

    >>> rounding_of(1200, Tolerances())
    100.0
    >>> rounding_of(250, Tolerances())
    1.0
    >>> rounding_of(100, Tolerances())
    10.0
    """
    if n == 0:
        return 1.0
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    if zeros < tolerances.round_figure_zeros:
        return 1.0
    step = 10.0**zeros
    while step > n / 10 and step > 1:
        step /= 10
    return step


def parse_words(text: str, lexicon: Lexicon) -> float | None:
    """The value of a number written in words, or None.

    >>> from claimcheck.extract.lexicon import compile_lexicon
    >>> lex = compile_lexicon()
    >>> [parse_words(t, lex) for t in ["five", "twenty-one", "a dozen", "two hundred and five", "one million"]]
    [5.0, 21.0, 12.0, 205.0, 1000000.0]
    >>> [parse_words(t, lex) for t in ["half a million", "a half-million", "one and a half million", "a quarter of a million"]]
    [500000.0, 500000.0, 1500000.0, 250000.0]
    """
    fractions = lexicon.vocabulary.numbers.fractions
    words = [w for w in _SPLIT.split(text.lower().replace(",", " ")) if w]
    part = next((w for w in words if w in fractions), None)
    if part is not None:
        # "[N and] a half <scale>": the whole part, plus the fraction, of the scale at the end.
        scale = lexicon.scale_words.get(words[-1])
        if scale is None:
            return None
        cut = words.index("and") if "and" in words else 0
        whole = parse_words(" ".join(words[:cut]), lexicon) if cut else 0.0
        return ((whole or 0.0) + fractions[part]) * scale
    total = 0.0
    current = 0.0
    seen = False
    for word in _SPLIT.split(text.lower().replace(",", " ")):
        if not word or word == "and":
            continue
        if word in ("a", "an"):
            current = current or 1.0
            seen = True
        elif word in lexicon.number_words:
            current += lexicon.number_words[word]
            seen = True
        elif word in lexicon.vocabulary.numbers.dozen:
            current = (current or 1.0) * 12
            seen = True
        elif word == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif word in lexicon.scale_words:
            total += (current or 1.0) * lexicon.scale_words[word]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def quantity(
    value: float,
    qualifier: Qualifier,
    tolerances: Tolerances,
    *,
    rounding: float = 1.0,
    high: float | None = None,
    qualifier_text: str | None = None,
    unit: str | None = None,
    vague: tuple[float, float] | None = None,
) -> Quantity:
    """A `Quantity` with its strict and newsroom intervals worked out.

    >>> from claimcheck.vocabulary import Tolerances
    >>> q = quantity(250, Qualifier.MORE_THAN, Tolerances())
    >>> q.strict.describe(), q.newsroom.describe()
    ('(250, ∞)', '(250, 275]')
    >>> q = quantity(1200, Qualifier.APPROXIMATE, Tolerances(), rounding=100)
    >>> q.strict.describe(), q.newsroom.describe()
    ('[1,020, 1,380]', '[1,140, 1,260]')
    """
    strict, newsroom = intervals(value, qualifier, tolerances, rounding=rounding, high=high, vague=vague)
    return build(Quantity, 
        type="quantity",
        value=value,
        high=high,
        qualifier=qualifier,
        qualifier_text=qualifier_text,
        rounding=rounding,
        unit=unit,
        strict=strict,
        newsroom=newsroom,
    )


def intervals(
    value: float,
    qualifier: Qualifier,
    tolerances: Tolerances,
    *,
    rounding: float = 1.0,
    high: float | None = None,
    vague: tuple[float, float] | None = None,
) -> tuple[Interval, Interval]:
    """The strict and newsroom intervals for a hedged figure (see docs/model.md)."""
    half_round = rounding / 2 if rounding > 1 else 0.0
    step = max(tolerances.bound_newsroom * abs(value), rounding)
    if qualifier is Qualifier.EXACT:
        return _closed(value - half_round, value + half_round), _closed(value, value)
    if qualifier is Qualifier.APPROXIMATE:
        wide = max(tolerances.approximate_strict * abs(value), half_round)
        narrow = max(tolerances.approximate_newsroom * abs(value), half_round)
        return _closed(value - wide, value + wide), _closed(value - narrow, value + narrow)
    if qualifier is Qualifier.NEARLY:
        wide = max(tolerances.nearly_strict * abs(value), half_round)
        narrow = max(tolerances.nearly_newsroom * abs(value), half_round)
        return (
            build(Interval, low=value - wide, high=value, low_open=False, high_open=True),
            build(Interval, low=value - narrow, high=value, low_open=False, high_open=True),
        )
    if qualifier is Qualifier.MORE_THAN:
        return (
            build(Interval, low=value, high=None, low_open=True, high_open=False),
            build(Interval, low=value, high=value + step, low_open=True, high_open=False),
        )
    if qualifier is Qualifier.AT_LEAST:
        return (
            build(Interval, low=value, high=None, low_open=False, high_open=False),
            _closed(value, value + step),
        )
    if qualifier is Qualifier.FEWER_THAN:
        return (
            build(Interval, low=0.0, high=value, low_open=False, high_open=True),
            build(Interval, low=max(0.0, value - step), high=value, low_open=False, high_open=True),
        )
    if qualifier is Qualifier.AT_MOST:
        return _closed(0.0, value), _closed(max(0.0, value - step), value)
    if qualifier is Qualifier.RANGE and high is not None:
        return _closed(value, high), _closed(value, high)
    if qualifier is Qualifier.VAGUE and vague is not None:
        return _closed(*vague), _closed(*vague)
    return _closed(value, value), _closed(value, value)


def _closed(low: float, high: float) -> Interval:
    return build(Interval, low=low, high=high, low_open=False, high_open=False)


def qualifier_before(text: str, start: int, table: PhraseTable) -> tuple[Qualifier, int] | None:
    """The qualifier phrase that ends right before `start`, and where it begins.

    Only white space may stand between the phrase and the figure.
    """
    window = max(0, start - 48)
    tokens = list(TOKEN.finditer(text, window, start))
    if not tokens or text[tokens[-1].end() : start].strip():
        return None
    # Most figures follow a word that ends no qualifier: turned away before every word
    # of the window is lower-cased.
    if tokens[-1].group().lower().replace("’", "'") not in table.by_last:
        return None
    words = [t.group().lower().replace("’", "'") for t in tokens]
    hit = table.match_ending_at(words, len(words) - 1)
    if hit is None:
        return None
    length, entry = hit
    kind, blocked = cast("tuple[str, frozenset[str]]", entry)
    first = len(tokens) - length
    for a, b in zip(tokens[first:-1], tokens[first + 1 :]):
        if text[a.end() : b.start()].strip():
            return None
    if blocked and first > 0 and words[first - 1] in blocked:
        return None
    return Qualifier(kind), tokens[first].start()


def qualifier_after(text: str, end: int, lexicon: Lexicon) -> tuple[Qualifier, int] | None:
    """A qualifier phrase right after a figure ("250 or more"), and where it ends."""
    m = lexicon.qualifier_after.match(text, end, min(len(text), end + 24))
    if not m or m.lastgroup is None:
        return None
    return Qualifier(lexicon.qualifier_after_kinds[m.lastgroup]), m.end()
