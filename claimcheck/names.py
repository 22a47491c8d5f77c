"""Near-equal names: the same speaker, place or event written two ways.

"Miami-Dade County Mayor Daniella Levine Cava" and "Levine Cava" are one
speaker; "the Gaza Strip" and "Gaza" one place. rapidfuzz's token-set ratio
scores how much of the shorter name the longer one contains, word order and
repetition aside.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

__all__ = ["same_name", "same_place", "places_overlap", "place_set", "place_members", "SAME_NAME_SCORE"]

#: Token-set similarity (0–100) at or above which two names are taken as one.
SAME_NAME_SCORE = 90


@lru_cache(maxsize=4096)
def same_name(a: str, b: str) -> bool:
    """Whether two names are the same name written differently.

    >>> same_name("miami-dade county mayor daniella levine cava", "levine cava")
    True
    >>> same_name("Gaza Strip", "Gaza")
    True
    >>> same_name("red cross", "study")
    False
    """
    a, b = a.lower().strip(), b.lower().strip()
    if a == b:
        return True
    if not a or not b:
        return False
    return fuzz.token_set_ratio(a, b) >= SAME_NAME_SCORE


def place_set(names: list[str]) -> str:
    """One place key for a figure given for several places together ("in Turkey and Syria"):
    the names in a fixed order, so that every source that names the same places gets the
    same key whatever order it names them in.

    >>> place_set(["Turkey", "Syria"])
    'Syria and Turkey'
    >>> place_set(["Gaza", "Lebanon", "Israel", "Gaza"])
    'Gaza, Israel and Lebanon'
    """
    unique = sorted(dict.fromkeys(names), key=str.lower)
    if len(unique) == 1:
        return unique[0]
    return ", ".join(unique[:-1]) + " and " + unique[-1]


def place_members(name: str) -> tuple[str, ...]:
    """The places a place key stands for: one, or the several of a `place_set`.

    >>> place_members("Gaza, Israel and Lebanon")
    ('Gaza', 'Israel', 'Lebanon')
    >>> place_members("Gaza")
    ('Gaza',)
    """
    head, sep, last = name.rpartition(" and ")
    if not sep:
        return (name,)
    return (*[p for p in head.split(", ") if p], last)


def same_place(a: str, b: str) -> bool:
    """Whether two place keys name the same place: near-equal names ("Gaza Strip", "Gaza"),
    or sets of the same places. A figure for several places is never the figure for one
    of them: "Syria and Turkey" is not "Turkey", though the one name holds the other.

    >>> same_place("Gaza Strip", "Gaza"), same_place("Syria and Turkey", "Turkey")
    (True, False)
    """
    members_a, members_b = place_members(a), place_members(b)
    if len(members_a) == 1 and len(members_b) == 1:
        return same_name(a, b)
    if len(members_a) != len(members_b):
        return False
    return all(any(same_name(x, y) for y in members_b) for x in members_a) and all(any(same_name(y, x) for x in members_a) for y in members_b)


def places_overlap(a: str, b: str) -> bool:
    """Whether two place keys share a place: "the earthquake in Turkey and Syria" and "the
    earthquake in Turkey" can be one event, though their tolls are different quantities.

    >>> places_overlap("Syria and Turkey", "Turkey"), places_overlap("Gaza", "Lebanon")
    (True, False)
    """
    return any(same_name(x, y) for x in place_members(a) for y in place_members(b))
