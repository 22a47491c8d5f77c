"""Renderers: a `Report` as text for people or as data for machines.

Each format is a function `Report -> str` registered by name in `FORMATS`;
docs/formats.md describes each one and what reads it. The command line
offers exactly these names, so a format registered here appears in
``--format`` by itself.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ConfigError
from ..report import Report
from .concise import render_concise
from .github import render_github
from .html import render_html
from .json import render_json
from .junit import render_junit
from .sarif import render_sarif
from .text import render_text

__all__ = ["FORMATS", "HUMAN_FORMATS", "render"]

#: Output formats by name; the first is the default.
FORMATS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "concise": render_concise,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
    "junit": render_junit,
    "html": render_html,
}

#: Formats for people: they end with a summary line. The others are payload
#: only, and carry unreadable inputs in-band (a CI parser never meets an empty file).
HUMAN_FORMATS = frozenset({"text", "concise"})


def render(report: Report, format: str) -> str:
    """The report in `format` (one of `FORMATS`)."""
    try:
        renderer = FORMATS[format]
    except KeyError:
        raise ConfigError(f"unknown format {format!r} (expected one of {', '.join(FORMATS)})") from None
    return renderer(report)
