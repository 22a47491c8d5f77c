"""The report as HTML: one self-contained page, or a compact view for a notebook cell.

The page has a summary (sources, claims, discrepancies by severity), the
discrepancies (each with its message, its rule linked to the rule's
documentation, and the sentences of every source involved with the figures
marked; a timeline also as a chart), the documentation of every rule that
appears (from the rule registry, so the page needs nothing beside it), and
each source's text with every claim marked by what became of it
(`render/outcomes.py`), each mark linking to the discrepancies that cite it,
and each quoted sentence linking back. The notebook view leaves the source
texts out.

Source text is untrusted: every piece of it is escaped, no attribute takes a
value from it except through `escape(..., quote=True)`, a source's URL is a
link only when it is http(s), and the page carries a Content-Security-Policy
that allows no script at all. Styles are inline (`html.css`, scoped to
``.cc-report``); there is no script, no font and nothing fetched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from html import escape
from importlib import resources

from .._version import __version__
from ..markdown import is_markdown
from ..model import Claim, Quantity, Role, Source
from ..report import ClaimRef, Discrepancy, Report, Severity
from .locate import scope_of
from .outcomes import (
    OUTCOME_INFO,
    TIMELINE_RULE,
    Outcome,
    claim_discrepancies,
    claim_outcomes,
)
from .timeline_svg import TimelinePoint, timeline_svg

__all__ = ["render_html", "render_html_fragment"]

# A rule code in a rule's documentation ("the timeline, CC202, ...").
_RULE_CODE = re.compile(r"\bCC\d{3}\b")

#: No script may run, nothing may be fetched; inline styles and data: images only.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_SEVERITY = {
    Severity.ERROR: ("✖", "Error", "errors"),
    Severity.WARNING: ("▲", "Warning", "warnings"),
    Severity.INFO: ("ℹ", "Info", "info"),
}
_ROLE_LABELS = {"subject": ("▶", "Flagged"), "consensus": ("", "Compared with"), "related": ("", "")}
# C0 controls other than tab, newline and carriage return are not allowed in HTML.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WEB_URL = re.compile(r"\Ahttps?://[^\s]+\Z", re.IGNORECASE)


def render_html(report: Report, *, rules_url: str | None = None) -> str:
    """The report as one self-contained HTML page (styles inline, no script, nothing fetched).

    Each discrepancy's rule links to the rule's documentation in the page
    itself; with `rules_url`, it links to ``{rules_url}#cc101`` instead (a
    published rules reference), and each rule's section in the page links there too.
    """
    view = _View(report, rules_url=rules_url, prefix="", level=1, compact=False)
    s, scope = report.summary, scope_of(report)
    read = _plural(scope.drafts, "draft") if scope.is_check else _plural(s.sources, "source")
    title = f"claimcheck report — {read}, {_plural(s.errors, 'error')}, {_plural(s.warnings, 'warning')}, {s.infos} info"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="claimcheck {_attr(__version__)}">',
            f"<title>{_text(title)}</title>",
            f"<style>\nhtml, body {{ margin: 0; background: #fff; }}\n{_css()}</style>",
            "</head>",
            "<body>",
            f'<main class="cc-report">\n{view.body()}\n</main>',
            "</body>",
            "</html>",
        ]
    )


def render_html_fragment(report: Report, *, rules_url: str | None = None) -> str:
    """The report as a compact HTML fragment for a notebook output cell.

    The summary, the discrepancies with their flagged sentences and charts
    (the other sentences folded away), and the rules; the source texts are
    left out, and the fragment says how to get the full page. Its styles are
    scoped to the fragment and its ids carry a prefix drawn from the report,
    so several reports can share a notebook.
    """
    view = _View(report, rules_url=rules_url, prefix=_prefix(report), level=3, compact=True)
    return f'<div class="cc-report cc-compact" role="region" aria-label="claimcheck report">\n<style>\n{_css()}</style>\n{view.body()}\n</div>'


@cache
def _css() -> str:
    return resources.files("claimcheck.render").joinpath("html.css").read_text(encoding="utf-8")


def _prefix(report: Report) -> str:
    digest = hashlib.sha256("\x1f".join([*(s.id for s in report.sources), *(d.fingerprint for d in report.discrepancies)]).encode()).hexdigest()
    return f"cc{digest[:8]}-"


def _text(value: object) -> str:
    """Text for an HTML text node: escaped, and stripped of characters HTML does not allow."""
    return escape(_CONTROL.sub("\ufffd", str(value)), quote=False)


def _attr(value: object) -> str:
    """Text for a double-quoted attribute value."""
    return escape(_CONTROL.sub("\ufffd", str(value)), quote=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _day(day: dt.date | None) -> str:
    if day is None:
        return "an unknown date"
    return f"{day:%B} {day.day}, {day.year}"


@dataclass(frozen=True)
class _RuleDoc:
    """What the page says about a rule: from the registry, or from the report for a code this version does not know."""

    code: str
    name: str
    severity: Severity | None
    summary: str
    paragraphs: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@cache
def _rule_doc(code: str, name: str) -> _RuleDoc:
    # Imported here: the registry is needed only for a report's own rules, and
    # a report read back from JSON may carry codes this version does not know.
    from ..rules import rule

    cls = rule(code)
    if cls is None:
        return _RuleDoc(code, name, None, f"Not a rule of claimcheck {__version__}: the report was written by another version.", ())
    paragraphs = tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", cls.doc()) if p.strip())
    return _RuleDoc(cls.code, cls.name, cls.severity, cls.summary(), paragraphs, cls.aliases)


@dataclass
class _View:
    """One rendering of a report: ids, heading levels and the lookups every section needs."""

    report: Report
    rules_url: str | None
    prefix: str
    level: int
    compact: bool
    outcomes: dict[str, Outcome] = field(init=False)
    cited: dict[str, list[int]] = field(init=False)
    claim_ids: dict[str, str] = field(init=False)
    source_ids: dict[str, str] = field(init=False)
    claims: dict[str, Claim] = field(init=False)
    rules: dict[str, _RuleDoc] = field(init=False)

    def __post_init__(self) -> None:
        r = self.report
        self.outcomes = claim_outcomes(r)
        self.cited = claim_discrepancies(r)
        # The compact view has no source texts, so nothing links into them.
        self.claim_ids = {} if self.compact else {c.id: f"{self.prefix}c{n}" for n, c in enumerate(r.claims, 1)}
        self.source_ids = {} if self.compact else {s.id: f"{self.prefix}s{n}" for n, s in enumerate(r.sources, 1)}
        self.claims = {c.id: c for c in r.claims}
        names = {d.rule: d.name for d in r.discrepancies}
        self.rules = {code: _rule_doc(code, names[code]) for code in sorted(names)}

    # ---------------------------------------------------------------- helpers

    def h(self, depth: int, content: str, *, cls: str, ident: str | None = None) -> str:
        """A heading `depth` levels below the view's top (the page starts at h1, a notebook at h3)."""
        n = min(6, self.level + depth)
        id_attr = f' id="{_attr(ident)}"' if ident else ""
        return f'<h{n} class="{cls}"{id_attr}>{content}</h{n}>'

    def d_id(self, index: int) -> str:
        return f"{self.prefix}d{index + 1}"

    def source_link(self, source_id: str) -> str:
        target = self.source_ids.get(source_id)
        if target is None:
            return _text(source_id)
        return f'<a href="#{_attr(target)}">{_text(source_id)}</a>'

    def claim_link(self, claim_id: str, content: str) -> str:
        target = self.claim_ids.get(claim_id)
        if target is None:
            return _text(content)
        return f'<a href="#{_attr(target)}">{_text(content)}</a>'

    def rule_anchor(self, code: str) -> str:
        return f"{self.prefix}rule-{code.lower()}"

    def rule_link(self, d: Discrepancy) -> str:
        href = f"{self.rules_url}#{d.rule.lower()}" if self.rules_url else f"#{self.rule_anchor(d.rule)}"
        return f'<a href="{_attr(href)}">{_text(d.rule)} {_text(d.name)}</a>'

    # ---------------------------------------------------------------- sections

    def body(self) -> str:
        """Header, summary, discrepancies, rules and sources (a note in their place in the compact view)."""
        parts = [self.header(), self.summary(), self.discrepancies(), self.rules_section(), self.full_view_note() if self.compact else self.sources()]
        return "\n".join(p for p in parts if p)

    def header(self) -> str:
        s, scope = self.report.summary, scope_of(self.report)
        sections = [("summary", "Summary"), ("discrepancies", f"Discrepancies ({len(self.report.discrepancies)})")]
        if self.rules:
            sections.append(("rules", "Rules"))
        sections.append(("full-view", "Source texts") if self.compact else ("sources", "Sources"))
        toc = "".join(f'<li><a href="#{self.prefix}{key}">{_text(label)}</a></li>' for key, label in sections)
        if scope.is_check:
            read = (
                f"{_plural(scope.drafts, 'draft')} checked against {_plural(scope.references or 0, 'reference')}; "
                f"{_plural(s.claims, 'claim')} in {'the draft' if scope.drafts == 1 else 'the drafts'}, in {_plural(s.groups, 'group')}"
            )
        else:
            read = f"{_plural(s.sources, 'source')}, {_plural(s.claims, 'claim')} in {_plural(s.groups, 'group')}"
        lede = f"{read}: {_plural(s.errors, 'error')}, {_plural(s.warnings, 'warning')}, {s.infos} info."
        return "\n".join(
            [
                '<header class="cc-header">',
                self.h(0, "claimcheck report", cls="cc-title"),
                f'<p class="cc-lede">{_text(lede)}</p>',
                f'<nav class="cc-toc" aria-label="Contents"><ul>{toc}</ul></nav>',
                "</header>",
            ]
        )

    def summary(self) -> str:
        r, s = self.report, self.report.summary
        counts = []
        for severity, n in ((Severity.ERROR, s.errors), (Severity.WARNING, s.warnings), (Severity.INFO, s.infos)):
            icon, _, plural = _SEVERITY[severity]
            word = plural if n != 1 or severity is Severity.INFO else severity.value
            zero = " cc-zero" if n == 0 else ""
            counts.append(f'<li class="cc-count cc-{severity.value}{zero}"><span aria-hidden="true">{icon}</span> <strong>{n}</strong> {word}</li>')
        scope = scope_of(r)
        # A check's counts are of the drafts' claims; the references' cited
        # claims are there to be compared with, not counted.
        counted = [c for c in r.claims if not scope.is_check or r.source(c.source_id).role is Role.DRAFT]
        tally = Counter(self.outcomes[c.id] for c in counted)
        outcome_counts = "".join(
            f'<li class="cc-{o.value}"><mark class="cc-claim cc-{o.value}">{_text(OUTCOME_INFO[o].label)}</mark>'
            f'<span class="cc-tags" aria-hidden="true">{OUTCOME_INFO[o].icon}</span> {tally[o]}</li>'
            for o in Outcome
        )
        by_rule = ", ".join(f"{_text(code)} × {n}" for code, n in s.by_rule.items())
        rows = []
        per_source = Counter(c.source_id for c in r.claims)
        flagged = Counter(c.source_id for c in r.claims if self.outcomes[c.id] is Outcome.CONFLICTS)
        for src in r.sources:
            published = src.published.isoformat() if src.published else "—"
            rows.append(
                f"<tr><th scope=\"row\">{self.source_link(src.id)}</th><td>{_text(src.title or '—')}</td><td>{_text(src.outlet or '—')}</td>"
                f'<td class="cc-date">{published}</td><td>{_text(src.role.value)}</td><td class="cc-n">{per_source[src.id]}</td><td class="cc-n">{flagged[src.id]}</td></tr>'
            )
        caption = "Sources"
        if scope.is_check:
            cited = len(r.sources) - scope.drafts
            caption = (
                f"Sources: {'the draft' if scope.drafts == 1 else 'the drafts'}, and the references cited for or against their figures "
                f"({cited} of the {_plural(scope.references or 0, 'reference')} read)"
            )
        table = (
            f'<table class="cc-sources-table"><caption>{_text(caption)}</caption><thead><tr><th scope="col">Source</th><th scope="col">Title</th>'
            '<th scope="col">Outlet</th><th scope="col">Published</th><th scope="col">Role</th><th scope="col" class="cc-n">Claims</th>'
            f'<th scope="col" class="cc-n">Conflicting</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        )
        parts = [
            f'<section class="cc-summary" aria-labelledby="{self.prefix}summary">',
            self.h(1, "Summary", cls="cc-section-title", ident=f"{self.prefix}summary"),
            f'<ul class="cc-counts" aria-label="Discrepancies by severity">{"".join(counts)}</ul>',
            f"<p>{self.claims_sentence()} What became of them:</p>",
            f'<ul class="cc-outcome-counts" aria-label="Claims by outcome">{outcome_counts}</ul>',
        ]
        if by_rule:
            parts.append(f'<p class="cc-muted">Discrepancies by rule: {by_rule}.</p>')
        parts.append(table)
        if r.input_errors:
            problems = "".join(
                f"<li>{_text(p.path or '')}{_text(f':{p.line}' if p.line else '')}{': ' if p.path else ''}{_text(p.message)}</li>" for p in r.input_errors
            )
            parts.append(f'<p class="cc-flag">Inputs that could not be read:</p><ul class="cc-input-errors">{problems}</ul>')
        parts.append("</section>")
        return "\n".join(parts)

    def claims_sentence(self) -> str:
        s, scope = self.report.summary, scope_of(self.report)
        if scope.is_check:
            return (
                f"{_plural(s.claims, 'claim')} in {_plural(scope.drafts, 'draft')}, lined up in {_plural(s.groups, 'group')} "
                "with the references’ figures for the same quantities."
            )
        return (
            f"{_plural(s.claims, 'claim')} from {_plural(s.sources, 'source')}, lined up in {_plural(s.groups, 'group')} "
            "(the figures that speak of the same quantity)."
        )

    def discrepancies(self) -> str:
        r = self.report
        parts = [
            f'<section class="cc-discrepancies" aria-labelledby="{self.prefix}discrepancies">',
            self.h(1, "Discrepancies", cls="cc-section-title", ident=f"{self.prefix}discrepancies"),
        ]
        if not r.discrepancies:
            parts.append("<p>No discrepancies: the figures the sources share fit together.</p>")
        else:
            parts.append('<ol class="cc-list">')
            parts += [self.entry(i, d) for i, d in enumerate(r.discrepancies)]
            parts.append("</ol>")
        parts.append("</section>")
        return "\n".join(parts)

    def entry(self, index: int, d: Discrepancy) -> str:
        icon, label, _ = _SEVERITY[d.severity]
        ident = self.d_id(index)
        badge = f'<span class="cc-badge cc-{d.severity.value}"><span aria-hidden="true">{icon}</span> {label}</span>'
        title = f'{badge} <span class="cc-num">{index + 1}.</span> {_text(d.message)}'
        summary = self.rules[d.rule].summary if self.rules[d.rule].severity is not None else ""
        rule = f'<p class="cc-rule">Rule {self.rule_link(d)}{" — " + _text(summary) if summary else ""}</p>'
        parts = [f'<li class="cc-entry cc-{d.severity.value}" id="{_attr(ident)}">', f'<article aria-labelledby="{_attr(ident)}-h">']
        parts += [self.h(2, title, cls="cc-entry-title", ident=f"{ident}-h"), rule]
        fold = "<details>" if self.compact else "<details open>"
        if d.rule == TIMELINE_RULE:
            chart, table = self.timeline(index, d)
            quotes = self.quotes(d, d.claims)
            if self.compact:
                parts += [chart, f"{fold}<summary>The figures and their sentences ({len(d.claims)})</summary>{table}{quotes}</details>"]
            else:
                parts += [chart, table, f"{fold}<summary>The sentences ({len(d.claims)})</summary>{quotes}</details>"]
        elif self.compact and d.subjects:
            # A notebook shows the flagged sentences; the others wait behind a fold.
            others = [ref for ref in d.claims if ref.role != "subject"]
            parts.append(self.quotes(d, d.subjects))
            if others:
                parts.append(f"{fold}<summary>The other sources ({len(others)})</summary>{self.quotes(d, others)}</details>")
        else:
            parts.append(self.quotes(d, d.claims))
        if d.explanation:
            parts.append(f'<p class="cc-why"><strong>Why:</strong> {_text(d.explanation)}</p>')
        parts += ["</article>", "</li>"]
        return "\n".join(parts)

    def quotes(self, d: Discrepancy, refs: list[ClaimRef]) -> str:
        return f'<ul class="cc-quotes">{"".join(self.quote(d, ref) for ref in refs)}</ul>'

    def quote(self, d: Discrepancy, ref: ClaimRef) -> str:
        span = ref.span
        offset = span.start - span.sentence_start
        sentence = span.sentence
        outcome = self.outcomes.get(ref.claim_id)
        cls = f"cc-fig cc-{outcome.value}" if outcome is Outcome.CONFLICTS and ref.role == "subject" else "cc-fig"
        marked = f'{_text(sentence[:offset])}<mark class="{cls}">{_text(span.quote)}</mark>{_text(sentence[offset + len(span.quote):])}'
        icon, role = _ROLE_LABELS[ref.role] if d.severity is not Severity.INFO or ref.role != "subject" else ("▶", "Noted")
        mark = f'<span aria-hidden="true">{icon}</span> ' if icon else ""
        who = [f'<span class="cc-role">{mark}{_text(role)}</span>'] if role else []
        source = self._source(ref.source_id)
        title = f" <cite>{_text(source.title)}</cite>" if source and source.title else ""
        who.append(f"{self.source_link(ref.source_id)}{title}")
        who.append(f"<strong>{_text(ref.value)}</strong>")
        who.append(f"as of {_text(_day(ref.as_of))}")
        if ref.attribution:
            who.append(_text(ref.attribution))
        target = self.claim_ids.get(ref.claim_id)
        if target:
            who.append(
                f'<a class="cc-back" href="#{_attr(target)}"><span aria-hidden="true">↓ </span>in {_text(ref.source_id)}’s text'
                f'<span class="cc-sr">, line {span.line}</span></a>'
            )
        return f'<li class="cc-quote cc-role-{ref.role}"><p class="cc-who">{" · ".join(who)}</p><blockquote>{marked}</blockquote></li>'

    def _source(self, source_id: str) -> Source | None:
        return next((s for s in self.report.sources if s.id == source_id), None)

    def timeline(self, index: int, d: Discrepancy) -> tuple[str, str]:
        """The chart of a timeline discrepancy (empty when nothing can be drawn), and the table of its figures."""
        conflicting = {
            c.claim_id
            for other in self.report.discrepancies
            if other.severity in (Severity.ERROR, Severity.WARNING) and (other.group_id == d.group_id or other.group_id is None)
            for c in other.subjects
        }
        points: list[TimelinePoint] = []
        rows = []
        for ref in d.claims:
            claim = self.claims.get(ref.claim_id)
            value = claim.value if claim else None
            flag = ref.claim_id in conflicting
            strict = newsroom = "—"
            if claim is not None and isinstance(value, Quantity) and claim.as_of is not None:
                strict, newsroom = value.strict.describe(), value.newsroom.describe()
                target = self.claim_ids.get(claim.id)
                points.append(
                    TimelinePoint(
                        as_of=claim.as_of,
                        value=value.value,
                        strict=value.strict,
                        newsroom=value.newsroom,
                        source_id=claim.source_id,
                        text=claim.describe(),
                        conflicting=flag,
                        href=f"#{target}" if target else None,
                    )
                )
            status = '<span class="cc-flag"><span aria-hidden="true">✖</span> conflicts</span>' if flag else ""
            rows.append(
                f'<tr><td class="cc-date">{_text(ref.as_of.isoformat() if ref.as_of else "—")}</td><td>{self.source_link(ref.source_id)}</td>'
                f"<td>{self.claim_link(ref.claim_id, ref.value)}</td><td>{_text(newsroom)}</td><td>{_text(strict)}</td><td>{status}</td></tr>"
            )
        table = (
            '<table class="cc-data"><caption>The figures behind the chart</caption><thead><tr><th scope="col">As of</th><th scope="col">Source</th>'
            '<th scope="col">Figure</th><th scope="col">Newsroom reading</th><th scope="col">Strict reading</th><th scope="col">Status</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>'
        )
        if not points:
            return "", table
        ident = f"{self.d_id(index)}-chart"
        group = next((g for g in self.report.groups if g.id == d.group_id), None)
        what = group.label if group else d.name
        steps = "; ".join(f"{p.source_id} as of {_day(p.as_of)}: {p.text}{' (conflicts)' if p.conflicting else ''}" for p in points)
        svg = timeline_svg(points, title=f"{what[:1].upper()}{what[1:]} over time", description=f"One point per source. {steps}.", ident=ident)
        legend = (
            '<span class="cc-swatch cc-ptdot" aria-hidden="true"></span>the figure as written · '
            '<span class="cc-swatch cc-band" aria-hidden="true"></span>newsroom reading · '
            '<span class="cc-swatch cc-whisker" aria-hidden="true"></span>strict reading (an arrow: open-ended) · '
            '<span class="cc-flag" aria-hidden="true">✖</span> conflicts with another source. '
            "Points link to the sentence in the source’s text."
        )
        return f'<figure class="cc-figure">{svg}<figcaption>{legend}</figcaption></figure>', table

    def rules_section(self) -> str:
        """The documentation of every rule the discrepancies name, each linking back to its entries."""
        if not self.rules:
            return ""
        parts = [
            f'<section class="cc-rules" aria-labelledby="{self.prefix}rules">',
            self.h(1, "Rules", cls="cc-section-title", ident=f"{self.prefix}rules"),
            "<p>What each rule above looks for, from claimcheck’s rule registry.</p>",
        ]
        entries: dict[str, list[int]] = {}
        for i, d in enumerate(self.report.discrepancies):
            entries.setdefault(d.rule, []).append(i)
        for code, doc in self.rules.items():
            ident = self.rule_anchor(code)
            meta = []
            if doc.severity is not None:
                icon, label, _ = _SEVERITY[doc.severity]
                meta.append(f'default severity <span class="cc-badge cc-{doc.severity.value}"><span aria-hidden="true">{icon}</span> {label}</span>')
            if doc.aliases:
                meta.append("also known as " + ", ".join(_text(a) for a in doc.aliases))
            found = ", ".join(f'<a href="#{_attr(self.d_id(i))}">{i + 1}</a>' for i in entries[code])
            meta.append(f"reported as {'discrepancy' if len(entries[code]) == 1 else 'discrepancies'} {found}")
            if self.rules_url:
                meta.append(f'<a href="{_attr(f"{self.rules_url}#{code.lower()}")}" rel="noopener noreferrer">the full reference</a>')
            body = [f'<p class="cc-rule-meta cc-muted">{" · ".join(meta)}</p>', f"<p><strong>{_text(doc.summary)}</strong></p>"]
            body += [f"<p>{self.linked_codes(p)}</p>" for p in doc.paragraphs]
            title = self.h(2, f"{_text(code)} {_text(doc.name)}", cls="cc-rule-title")
            parts.append(f'<section class="cc-rule-doc" id="{_attr(ident)}">{title}{"".join(body)}</section>')
        parts.append("</section>")
        return "\n".join(parts)

    def linked_codes(self, text: str) -> str:
        """`text` escaped, with the codes of rules documented on the page linked to their sections."""
        out, pos = [], 0
        for m in _RULE_CODE.finditer(text):
            if m.group() in self.rules:
                out += [_text(text[pos : m.start()]), f'<a href="#{_attr(self.rule_anchor(m.group()))}">{_text(m.group())}</a>']
                pos = m.end()
        out.append(_text(text[pos:]))
        return "".join(out)

    def full_view_note(self) -> str:
        """In the compact view, in place of the source texts: how to get the full page."""
        return "\n".join(
            [
                f'<section class="cc-full-view" aria-labelledby="{self.prefix}full-view">',
                self.h(1, "Source texts", cls="cc-section-title", ident=f"{self.prefix}full-view"),
                "<p>This view leaves out the sources’ texts. The full page marks every figure in its source’s text, "
                "each linked to its discrepancies: <code>report.to_html()</code> gives it as a string; "
                '<code>pathlib.Path("report.html").write_text(report.to_html(), encoding="utf-8")</code> saves it '
                "to open in a browser (from the command line: <code>claimcheck compare … -f html -o report.html</code>).</p>",
                "</section>",
            ]
        )

    def sources(self) -> str:
        parts = [
            f'<section class="cc-sources" aria-labelledby="{self.prefix}sources">',
            self.h(1, "Sources", cls="cc-section-title", ident=f"{self.prefix}sources"),
            "<p>Every figure claimcheck read is marked in its source’s text, by what became of it:</p>",
            '<ul class="cc-legend">',
        ]
        for o in Outcome:
            info = OUTCOME_INFO[o]
            parts.append(
                f'<li class="cc-{o.value}"><span class="cc-key"><mark class="cc-claim cc-{o.value}">{_text(info.label)}</mark>'
                f'<span class="cc-tags" aria-hidden="true">{info.icon}</span></span> {_text(info.description)}</li>'
            )
        parts.append("</ul>")
        parts.append("<p>The numbers beside a mark link to the discrepancies that cite it; each quoted sentence there links back here.</p>")
        by_source: dict[str, list[Claim]] = {}
        for c in self.report.claims:
            by_source.setdefault(c.source_id, []).append(c)
        for src in self.report.sources:
            parts.append(self.source(src, by_source.get(src.id, [])))
        parts.append("</section>")
        return "\n".join(parts)

    def source(self, src: Source, claims: list[Claim]) -> str:
        ident = self.source_ids[src.id]
        heading = _text(src.id) + (f" — {_text(src.title)}" if src.title else "")
        meta = []
        if src.outlet:
            meta.append(_text(src.outlet))
        if src.published:
            meta.append(f"published {_text(_day(src.published))}")
        meta.append(f"role: {_text(src.role.value)}")
        if src.path:
            # Offsets count in the file as written, so its markup stays as it is.
            markup = " (Markdown, shown as written)" if is_markdown(src.path) else ""
            meta.append(f"file: <code>{_text(src.path)}</code>{markup}")
        if src.url:
            url = src.url.strip()
            meta.append(f'<a href="{_attr(url)}" rel="noopener noreferrer">{_text(url)}</a>' if _WEB_URL.match(url) else f"url: {_text(url)}")
        tally = Counter(self.outcomes[c.id] for c in claims)
        meta.append(("claims — " + ", ".join(f"{OUTCOME_INFO[o].label}: {tally[o]}" for o in Outcome if tally[o])) if claims else "no claims")
        text, unplaced = self.highlighted(src.text, claims)
        body = [f'<p class="cc-meta">{" · ".join(meta)}</p>', f'<div class="cc-text">{text}</div>']
        if unplaced:
            items = "".join(f'<li id="{_attr(self.claim_ids[c.id])}">{_text(c.span.quote)} ({_text(c.describe())}){self.tags(c)}</li>' for c in unplaced)
            body.append(f'<p class="cc-flag">Claims whose offsets do not match this text:</p><ul>{items}</ul>')
        return f'<section class="cc-source" id="{_attr(ident)}">{self.h(2, heading, cls="cc-source-title")}{"".join(body)}</section>'

    def tags(self, claim: Claim) -> str:
        """The icon of what became of a claim, and links to the discrepancies that cite it."""
        outcome = self.outcomes[claim.id]
        info = OUTCOME_INFO[outcome]
        links = "".join(
            f'<a href="#{_attr(self.d_id(i))}"><span class="cc-sr">discrepancy </span>{i + 1}</a>' for i in self.cited.get(claim.id, [])
        )
        return f'<span class="cc-tags"><span aria-hidden="true">{info.icon}</span><span class="cc-sr"> ({_text(info.label)})</span>{links}</span>'

    def highlighted(self, text: str, claims: list[Claim]) -> tuple[str, list[Claim]]:
        """`text` escaped, each claim's quote in a mark; also the claims whose offsets do not fit the text.

        A claim inside another (a total over its parts) nests inside it; one that
        only overlaps another is cut at the other's end, since marks must nest.
        """
        out: list[str] = []
        stack: list[tuple[int, str]] = []  # (end, closing markup) of the open marks
        pos = 0
        unplaced = []

        def close_until(limit: int) -> None:
            nonlocal pos
            while stack and stack[-1][0] <= limit:
                end, closing = stack.pop()
                out.append(_text(text[pos:end]))
                pos = end
                out.append(closing)

        for c in sorted(claims, key=lambda c: (c.span.start, -c.span.end, c.id)):
            start, end = c.span.start, c.span.end
            if end > len(text) or text[start:end] != c.span.quote:
                unplaced.append(c)
                continue
            close_until(start)
            if stack and end > stack[-1][0]:
                end = stack[-1][0]
            out.append(_text(text[pos:start]))
            pos = start
            info = OUTCOME_INFO[self.outcomes[c.id]]
            tip = f"{c.describe()} — {info.label}"
            out.append(f'<mark class="cc-claim cc-{self.outcomes[c.id].value}" id="{_attr(self.claim_ids[c.id])}" title="{_attr(tip)}">')
            stack.append((end, "</mark>" + self.tags(c)))
        close_until(len(text))
        out.append(_text(text[pos:]))
        return "".join(out), unplaced
