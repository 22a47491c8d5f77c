"""Reading TOML files (configuration, vocabulary) with errors that give the line.

`parse_toml` turns tomllib's error into a `ClaimcheckError` whose `line` is
the line tomllib names (``bad.toml:2: malformed TOML: Unclosed array
(column 1)``); `key_line` finds where a key is set, for errors found after
parsing (an unknown key, a bad value).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from .errors import ClaimcheckError

__all__ = ["parse_toml", "key_line"]

# tomllib (Python 3.11–3.13) gives the place only in its message: "… (at line 2, column 1)".
_PLACE = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)\s*$")


def parse_toml(text: str, path: str | Path, error: type[ClaimcheckError]) -> dict[str, Any]:
    """The TOML document in `text`, or `error` naming `path`, the line and the problem."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        place = _PLACE.search(message)
        if place is None:
            raise error(f"malformed TOML: {message}", path=path) from None
        problem = message[: place.start()]
        raise error(f"malformed TOML: {problem} (column {place.group('column')})", path=path, line=int(place.group("line"))) from None


def key_line(text: str, key: str) -> int | None:
    """The line where `key` is first set (``key =``, quoted or bare, or a ``[...key]`` table), if it can be found."""
    pattern = re.compile(rf'^[ \t]*(?:"{re.escape(key)}"|\'{re.escape(key)}\'|{re.escape(key)})[ \t]*=|^[ \t]*\[[^\]\n]*\b{re.escape(key)}\]', re.MULTILINE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None
