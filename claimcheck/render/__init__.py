"""Renderers: a `Report` as text for people or as data for machines.

Each format is a function `Report -> str` registered by name in `FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ConfigError
from ..report import Report
from .html import render_html
from .json import render_json
from .text import render_text

__all__ = ["FORMATS", "render"]

#: Output formats by name.
FORMATS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "html": render_html,
}


def render(report: Report, format: str) -> str:
    """The report in `format` (one of `FORMATS`)."""
    try:
        renderer = FORMATS[format]
    except KeyError:
        raise ConfigError(f"unknown format {format!r} (expected one of {', '.join(FORMATS)})") from None
    return renderer(report)
