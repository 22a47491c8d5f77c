"""Near-equal names: the same speaker, place or event written two ways.

"Miami-Dade County Mayor Daniella Levine Cava" and "Levine Cava" are one
speaker; "the Gaza Strip" and "Gaza" one place. rapidfuzz's token-set ratio
scores how much of the shorter name the longer one contains, word order and
repetition aside.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

__all__ = ["same_name", "SAME_NAME_SCORE"]

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
