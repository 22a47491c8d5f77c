"""Inline suppression in Markdown drafts.

An editor who has checked a figure and wants a finding gone writes an HTML
comment in the draft (it does not show when the Markdown is rendered)::

    <!-- claimcheck: ignore[CC101] the desk confirmed 1,139 on 2025-07-01 -->
    <!-- claimcheck: disable[CC5, CC202] -->  …  <!-- claimcheck: enable[CC5, CC202] -->
    <!-- claimcheck: file-ignore[unsupported] -->

* ``ignore[…]`` on a line with text suppresses findings on that line; alone
  on its line(s), it suppresses findings in the paragraph that follows (up to
  the next blank line). The text after the brackets is the reason.
* ``disable[…]`` suppresses from the comment on, until an ``enable[…]`` that
  names the same code (or the end of the draft).
* ``file-ignore[…]`` suppresses in the whole draft.

Codes are required: rule codes, code prefixes ("CC5") or rule names,
separated by commas or spaces. A finding is suppressed when its primary
location (the draft's figure) lies in the comment's range and its rule is
named. Each entry that suppresses nothing is reported (CC901), and so is each
entry that names no rule, a comment with no codes, or an unknown directive
(CC902) — so that stale suppressions get cleaned up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markdown import is_markdown
from .model import Source
from .report import ClaimRef, Discrepancy
from .rules import resolve_selector
from .rules.suppression import InvalidSuppression, UnusedSuppression
from .text import LineIndex, Sentence, make_span

__all__ = ["Suppression", "find_suppressions", "apply_suppressions"]

_COMMENT = re.compile(r"<!--(?P<body>.*?)-->", re.DOTALL)
_DIRECTIVE = re.compile(r"\s*claimcheck\s*:\s*(?P<directive>[\w-]*)\s*(?:\[(?P<codes>[^\]]*)\])?\s*(?P<reason>.*?)\s*\Z", re.DOTALL)
_DIRECTIVES = ("ignore", "disable", "enable", "file-ignore")
_SPLIT = re.compile(r"[\s,]+")
#: The last line of a range that runs to the end of the draft.
_END = 10**9


@dataclass
class Suppression:
    """One suppression comment: what it says, where it stands, and which lines it covers.

    `entries` maps each selector written in the brackets to the rule codes it
    names (empty when it names none). `first_line`/`last_line` are the lines
    it covers, in the raw file; `closed` gives, for a ``disable`` entry that
    an ``enable`` closed, the line where it was closed; `used` collects the
    selectors that hid a finding.
    """

    source_id: str
    directive: str
    entries: dict[str, list[str]]
    reason: str
    comment: ClaimRef
    first_line: int
    last_line: int
    problems: list[str] = field(default_factory=list)
    closed: dict[str, int] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def covers(self, rule: str, line: int, end_line: int) -> str | None:
        """The selector that suppresses a `rule` finding on lines `line`..`end_line`, if any."""
        for selector, codes in self.entries.items():
            last = self.closed.get(selector, self.last_line)
            if rule in codes and end_line >= self.first_line and line <= last:
                return selector
        return None


def find_suppressions(source: Source) -> list[Suppression]:
    """The suppression comments in a Markdown draft (none in other sources)."""
    if not is_markdown(source.path):
        return []
    text = source.text
    index = LineIndex(text, source.line_offset)
    lines = text.split("\n")
    found: list[Suppression] = []
    open_ranges: list[tuple[Suppression, str]] = []
    for m in _COMMENT.finditer(text):
        parsed = _DIRECTIVE.match(m.group("body"))
        if parsed is None:
            continue
        comment = _comment_ref(source, index, m.start(), m.end())
        directive = parsed.group("directive")
        codes_text = parsed.group("codes")
        selectors = [s for s in _SPLIT.split(codes_text or "") if s]
        entries = {s: resolve_selector(s) for s in selectors}
        first, last = index.position(m.start())[0], index.position(m.end())[0]
        item = Suppression(source.id, directive, entries, parsed.group("reason"), comment, first, last)
        if directive not in _DIRECTIVES:
            item.problems.append(f'unknown directive "{directive}" (expected ignore, disable, enable or file-ignore)')
            item.entries = {}
        elif codes_text is None or not selectors:
            item.problems.append(f"{directive} needs rule codes in brackets, as in {directive}[CC101]")
        if directive == "ignore":
            item.first_line, item.last_line = _ignore_range(lines, source.line_offset, m.start(), m.end(), text)
        elif directive == "file-ignore":
            item.first_line, item.last_line = 1, _END
        elif directive == "disable":
            item.last_line = _END
            open_ranges.extend((item, s) for s in selectors)
        elif directive == "enable":
            for selector in selectors:
                opener = next((o for o in reversed(open_ranges) if o[1] == selector), None)
                if opener is None:
                    item.problems.append(f"enable[{selector}] closes no disable[{selector}] before it")
                    continue
                open_ranges.remove(opener)
                opener[0].closed[selector] = first
            item.entries = {}
        found.append(item)
    return found


def _comment_ref(source: Source, index: LineIndex, start: int, end: int) -> ClaimRef:
    # The comment is its own sentence: what a reader is shown of it is the comment.
    span = make_span(source, index, Sentence(start, end, 0), start, end)
    return ClaimRef(claim_id=f"{source.id}:comment:{start}-{end}", role="subject", source_id=source.id, value=span.quote, span=span)


def _ignore_range(lines: list[str], line_offset: int, start: int, end: int, text: str) -> tuple[int, int]:
    """Lines an ``ignore`` covers: its own line(s) when it shares them with text, else the next paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    first = text.count("\n", 0, start)
    last = text.count("\n", 0, end)
    own = (text[line_start:start] + text[end:line_end]).strip()
    if own and not _COMMENT.fullmatch(own):
        return first + 1 + line_offset, last + 1 + line_offset
    k = last + 1
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k >= len(lines):
        return last + 1 + line_offset, last + 1 + line_offset
    begin = k
    while k + 1 < len(lines) and lines[k + 1].strip():
        k += 1
    return begin + 1 + line_offset, k + 1 + line_offset


def apply_suppressions(discrepancies: list[Discrepancy], drafts: list[Source], enabled: list[str]) -> list[Discrepancy]:
    """The findings the drafts' comments do not suppress, plus CC901/CC902 findings about the comments.

    A finding is located at its first claim (the draft's figure). `enabled`
    lists the enabled rule codes: CC901/CC902 findings are added only when
    those rules are enabled.
    """
    by_source: dict[str, list[Suppression]] = {}
    for draft in drafts:
        by_source[draft.id] = find_suppressions(draft)
    kept: list[Discrepancy] = []
    for d in discrepancies:
        primary = d.claims[0] if d.claims else None
        hidden = False
        if primary is not None:
            for item in by_source.get(primary.source_id, []):
                selector = item.covers(d.rule, primary.span.line, primary.span.end_line)
                if selector is not None:
                    item.used.add(selector)
                    hidden = True
        if not hidden:
            kept.append(d)
    reports: list[Discrepancy] = []
    for items in by_source.values():
        for item in items:
            reports.extend(_reports(item, enabled))
    return kept + reports


def _reports(item: Suppression, enabled: list[str]) -> list[Discrepancy]:
    found: list[Discrepancy] = []
    where = f"claimcheck: {item.directive}"
    if InvalidSuppression.code in enabled:
        for problem in item.problems:
            found.append(
                InvalidSuppression.finding(
                    item.comment,
                    item.directive,
                    "",
                    f"Suppression comment ({where}): {problem}",
                    "Suppression comments need a directive (ignore, disable, enable, file-ignore) and rule codes in brackets; docs/ci.md shows the forms.",
                )
            )
        for selector, codes in item.entries.items():
            if not codes:
                found.append(
                    InvalidSuppression.finding(
                        item.comment,
                        item.directive,
                        selector,
                        f'Suppression comment ({where}) names "{selector}", which is no rule code, prefix or name',
                        "`claimcheck rules` lists every rule's code and name.",
                    )
                )
    if UnusedSuppression.code in enabled and item.directive != "enable":
        for selector, codes in item.entries.items():
            if not codes or selector in item.used:
                continue
            off = [c for c in codes if c not in enabled]
            note = f" ({', '.join(off)} {'is' if len(off) == 1 else 'are'} not enabled)" if off and len(off) == len(codes) else ""
            found.append(
                UnusedSuppression.finding(
                    item.comment,
                    item.directive,
                    selector,
                    f"Suppression of {selector} ({where}) suppresses nothing{note}; remove it",
                    f"No {selector} finding lies in the range this comment covers (lines {item.first_line}–{item.closed.get(selector, item.last_line)})."
                    if item.closed.get(selector, item.last_line) < _END
                    else f"No {selector} finding lies in the range this comment covers (line {item.first_line} to the end).",
                )
            )
    return found

