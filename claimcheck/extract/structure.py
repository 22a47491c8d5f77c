"""Parts and wholes inside one sentence.

Three shapes, read on the sentence's tokens:

* "59 hostages, including 58 …"       58 is a part of 59;
* "20 of the 50 remaining hostages"   20 is a part of 50;
* "30 living hostages — 20 Israeli civilians, five soldiers, and five Thai
  nationals —"                         the parts are the whole's breakdown and
                                       must add up to it.

When a breakdown follows a noun phrase with no figure of its own ("all the
remaining hostages — about 20 of living captives and the bodies of about 30
others"), the whole is derived: a claim whose value is the sum of the parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .reading import FIGURE, Tokens

__all__ = ["Structure", "find_structures"]

_OPEN = ("—", "–", ":", "(")
_CLOSE = {"—": ("—", "–"), "–": ("—", "–"), ":": (), "(": (")",)}
_LIST_WORDS = frozenset(", and".split())
#: "N of them": the pronouns that point back to the count before.
_PRONOUNS = frozenset("them whom those".split())


@dataclass(slots=True)
class Structure:
    """Part/whole relations among the figures of one sentence, by figure index.

    `part_of` maps a part to its whole (a figure index). `breakdowns` maps a
    whole to the parts that make it up (their sum must match the whole).
    `listed` maps a whole to the parts a verb says it includes ("the 98 include
    96 … and one …"), which may or may not be all of them.
    `derived` lists breakdowns whose whole the text does not state, with the
    token index of the noun phrase they break down.
    """

    part_of: dict[int, int] = field(default_factory=dict)
    partitive: dict[int, int] = field(default_factory=dict)
    breakdowns: dict[int, list[int]] = field(default_factory=dict)
    listed: dict[int, list[int]] = field(default_factory=dict)
    derived: list[tuple[int, list[int]]] = field(default_factory=list)


def find_structures(tokens: Tokens, words: list[str], counts: set[int]) -> Structure:
    """Find including-parts, partitives and breakdowns among the count figures in `counts`."""
    s = Structure()
    n = len(tokens)
    positions = [i for i, figure in enumerate(tokens.figures) if figure in counts]
    for i in positions:
        fig = tokens.figures[i]
        # Partitive: "N of the M".
        j = i + 1
        if j < n and words[j] == "of":
            k = j + 1
            while k < n and words[k] in ("the", "those", "these") and k < j + 3:
                k += 1
            if k < n and tokens.figures[k] in counts:
                s.partitive[fig] = tokens.figures[k]
            elif k < n and words[k] in _PRONOUNS and k == j + 1:
                # "killed 44 people, two of them in the Woolsey Fire": a part of the count
                # before it, as are the items listed with it ("seven of them in Paradise and
                # one in Magalia").
                at = next((w for w in range(i - 1, -1, -1) if tokens.figures[w] in counts), None)
                if at is not None and ";" not in words[at:i]:
                    for p in _list_after(tokens, words, i, counts):
                        s.partitive.setdefault(p, tokens.figures[at])
        # Including: "W …, including P".
        for k in range(i + 1, min(n, i + 10)):
            if words[k] == FIGURE or words[k] in (";", "—", "–", "("):
                break
            if words[k] in ("including", "include", "includes"):
                # "The 98 … include 96 whose remains were recovered … and one person who died"
                parts = _list_after(tokens, words, k + 1, counts, item_words=10 if words[k] != "including" else 5)
                for p in parts:
                    s.part_of.setdefault(p, fig)
                if words[k] != "including" and len(parts) >= 2:
                    s.listed[fig] = parts
                break
        # Breakdown: "W NOUN — A, B and C —"; a date may stand between ("reached 78 on
        # Wednesday: 58 in Bihar, 16 in Uttar Pradesh, three … and one …"), another count not.
        k = i + 1
        while k < n and k < i + 6 and not (words[k] == FIGURE and tokens.figures[k] in counts) and words[k] not in _OPEN and words[k] not in (",", ";"):
            k += 1
        if k < n and words[k] in _OPEN:
            parts = _list_after(tokens, words, k + 1, counts, closers=_CLOSE[words[k]])
            if len(parts) >= 2:
                s.breakdowns[fig] = parts
                for p in parts:
                    s.part_of.setdefault(p, fig)
    # Derived: "the remaining hostages — A and B —" with no figure for the whole.
    for k, word in enumerate(words):
        if word not in ("—", "–", ":"):
            continue
        if k == 0 or tokens.figures[k - 1] >= 0:
            continue
        back = k - 1
        while back >= 0 and words[back] not in (",", ";", "—", "–", "(") and tokens.figures[back] < 0 and k - back < 6:
            back -= 1
        if back >= 0 and tokens.figures[back] in counts and back > k - 6:
            continue  # the whole has a figure: a breakdown, handled above
        parts = _list_after(tokens, words, k + 1, counts, closers=_CLOSE.get(word, ()))
        if len(parts) >= 2 and not any(p in s.part_of for p in parts):
            s.derived.append((k - 1, parts))
    return s


def _list_after(tokens: Tokens, words: list[str], start: int, counts: set[int], closers: tuple[str, ...] = (), item_words: int = 5) -> list[int]:
    """The count figures listed from `start`: "A NOUN, B NOUN and C NOUN", up to a closer or the clause end."""
    parts: list[int] = []
    n = len(tokens)
    k = start
    expect_figure = True
    span_words = 0
    while k < n:
        word = words[k]
        if word in closers or word in (";", ")") or (word in ("—", "–") and not closers):
            break
        if tokens.figures[k] >= 0:
            if tokens.figures[k] not in counts:
                break
            if not expect_figure and parts:
                # Two figures with no separator between: "N of the M" inside an item.
                k += 1
                continue
            parts.append(tokens.figures[k])
            expect_figure = False
            span_words = 0
        elif word in _LIST_WORDS:
            expect_figure = True
        elif word in ("the", "bodies", "of", "body") and expect_figure:
            pass
        else:
            span_words += 1
            if span_words > item_words:
                break
        k += 1
    return parts
