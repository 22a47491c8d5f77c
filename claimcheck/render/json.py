"""The report as JSON: the documented, versioned shape (docs/report.md)."""

from __future__ import annotations

from ..report import Report

__all__ = ["render_json"]


def render_json(report: Report) -> str:
    """The report as indented JSON."""
    return report.to_json(indent=2)
