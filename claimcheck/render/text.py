"""The report as text for a person: a summary, a table, then each finding in its sentences."""

from __future__ import annotations

from tabulate import tabulate

from ..report import ClaimRef, Discrepancy, Report

__all__ = ["render_text", "marked_sentence"]

_WIDTH = 100


def render_text(report: Report) -> str:
    """A summary line, a table of discrepancies, and the details of each."""
    s = report.summary
    lines = [
        f"claimcheck: {s.sources} sources, {s.claims} claims, {s.groups} groups — "
        f"{_count(s.errors, 'error')}, {_count(s.warnings, 'warning')}, {s.infos} info"
    ]
    if not report.discrepancies:
        lines.append("No discrepancies.")
        return "\n".join(lines) + "\n"
    rows = [(d.severity.value, d.rule, d.name, _shorten(d.message, 90)) for d in report.discrepancies]
    lines += ["", tabulate(rows, headers=["severity", "rule", "name", "message"], tablefmt="simple")]
    for d in report.discrepancies:
        lines += ["", *_details(report, d)]
    return "\n".join(lines) + "\n"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _details(report: Report, d: Discrepancy) -> list[str]:
    lines = [f"{d.severity.value} {d.rule} {d.name}: {d.message}"]
    if d.rule == "CC202":
        rows = [(c.value, c.source_id, c.as_of.isoformat() if c.as_of else "", _where(report, c)) for c in d.claims]
        table = tabulate(rows, headers=["value", "source", "as of", "where"], tablefmt="plain")
        lines += ["    " + line for line in table.splitlines()]
        return lines
    for c in d.claims:
        label = {"subject": "▶", "consensus": " ", "related": " "}[c.role]
        lines.append(f"  {label} {_where(report, c)}  {c.value}" + (f"  ({c.attribution})" if c.attribution else ""))
        sentence, marker = marked_sentence(c)
        lines.append(f"      {sentence}")
        lines.append(f"      {marker}")
    lines.append(f"    why: {d.explanation}")
    return lines


def _where(report: Report, c: ClaimRef) -> str:
    source = next((s for s in report.sources if s.id == c.source_id), None)
    path = source.path if source and source.path else c.source_id
    return f"{path}:{c.span.line}:{c.span.column}"


def marked_sentence(claim: ClaimRef, width: int = _WIDTH) -> tuple[str, str]:
    """The claim's sentence (trimmed to `width` around the figure) and a ^^^ marker line under the figure."""
    span = claim.span
    text = span.sentence.replace("\n", " ")
    start = span.start - span.sentence_start
    end = start + len(span.quote)
    if len(text) > width:
        left = max(0, min(start - (width - (end - start)) // 2, len(text) - width))
        right = left + width
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(text) else ""
        text = prefix + text[left:right] + suffix
        start, end = start - left + len(prefix), end - left + len(prefix)
    return text, " " * start + "^" * max(1, end - start)
