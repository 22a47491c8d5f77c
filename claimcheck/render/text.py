"""The report as text for a person, the way linters print it.

Grouped by file (the file of each discrepancy's primary claim), in line
order; each discrepancy with its code, severity and one-sentence message,
the quoted sentence with a ``^^^`` marker under the figure, the claims it
clashes with in the same form, and the reasoning; a summary line at the end.
A discrepancy with no subject claim (a timeline) lists its claims as a table.
"""

from __future__ import annotations

import textwrap
from itertools import groupby

from tabulate import tabulate

from ..report import ClaimRef, Discrepancy, InputProblem, Report
from .locate import Place, count_phrase, ordered, others, place, primary, scope_phrase

__all__ = ["render_text", "marked_sentence", "summary_line"]

_WIDTH = 100
_ROLE_HEADINGS = {"subject": "also:", "consensus": "against:", "related": "with:"}


def render_text(report: Report) -> str:
    """Discrepancies grouped by file, each with its sentences marked, then a summary line."""
    lines: list[str] = []
    for label, items in groupby(ordered(report), key=lambda item: item[1].label if item[1] else ""):
        lines += [label or "(no source)", ""]
        for d, where in items:
            lines += [*_discrepancy(report, d, where), ""]
    if report.input_errors:
        lines += ["Could not read:", *(f"  {_problem(p)}" for p in report.input_errors), ""]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def summary_line(report: Report) -> str:
    """``Found 4 discrepancies (1 error, 3 info) in 5 sources (115 claims, 36 groups).``

    A check report says ``in 2 drafts checked against 5 references (10 claims in the drafts, 5 groups)``.
    """
    found = count_phrase(report)
    found = f"Found {found}" if report.discrepancies else found[0].upper() + found[1:]
    line = f"{found} in {scope_phrase(report)}."
    if report.input_errors:
        line += f" {_plural(len(report.input_errors), 'input')} could not be read."
    return line


def _discrepancy(report: Report, d: Discrepancy, where: Place | None) -> list[str]:
    at = f"{where.line}:{where.column}" if where else "-"
    lines = [f"  {at}  {d.severity.value}  {d.rule} {d.name}", *_wrap(d.message, "    ")]
    subject = primary(d)
    if subject is None:
        return lines
    if not any(c.role == "subject" for c in d.claims):
        return lines + _claims_table(report, d.claims)
    lines += _quoted(subject, "    ")
    role = None
    for claim in others(d):
        if claim.role != role:
            role = claim.role
            lines.append(f"    {_ROLE_HEADINGS[role]}")
        lines.append(f"      {place(report, claim).where}  {_value(claim)}")
        lines += _quoted(claim, "      ")
    if d.explanation:
        lines += _wrap(f"why: {d.explanation}", "    ", "         ")
    return lines


def _quoted(claim: ClaimRef, indent: str) -> list[str]:
    sentence, marker = marked_sentence(claim)
    number = str(claim.span.line)
    gutter = " " * len(number)
    return [f"{indent}{number} | {sentence}", f"{indent}{gutter} | {marker}"]


def _value(claim: ClaimRef) -> str:
    text = claim.value
    if claim.attribution:
        text += f"  ({claim.attribution})"
    return text


def _claims_table(report: Report, claims: list[ClaimRef]) -> list[str]:
    rows = [
        (c.value, c.source_id, c.as_of.isoformat() if c.as_of else "", place(report, c).where, _shorten(c.span.quote, 40))
        for c in claims
    ]
    table = tabulate(rows, headers=["value", "source", "as of", "where", "quote"], tablefmt="plain")
    return ["    " + line for line in table.splitlines()]


def _wrap(text: str, indent: str, subsequent: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=_WIDTH,
        initial_indent=indent,
        subsequent_indent=subsequent if subsequent is not None else indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _problem(p: InputProblem) -> str:
    where = p.path or ""
    if where and p.line is not None:
        where += f":{p.line}"
    return f"{where}: {p.message}" if where else p.message


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def marked_sentence(claim: ClaimRef, width: int = _WIDTH) -> tuple[str, str]:
    """The claim's sentence (trimmed to `width` around the figure) and a ^^^ marker line under the figure.

    >>> from claimcheck.model import Span
    >>> span = Span(source_id="a", start=4, end=6, line=1, column=5, end_line=1, end_column=7,
    ...             quote="12", sentence="Now 12 died.", sentence_start=0)
    >>> claim = ClaimRef(claim_id="a:4-6", role="subject", source_id="a", value="12", span=span)
    >>> print("\\n".join(marked_sentence(claim)))
    Now 12 died.
        ^^
    """
    span = claim.span
    text = span.sentence.replace("\r", " ").replace("\n", " ").replace("\t", " ")
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
