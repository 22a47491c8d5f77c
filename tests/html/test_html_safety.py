"""Source text is untrusted: markup in an article or its metadata renders as text and runs nothing.

The planted articles (tests/html/data/hostile/) are made up, in our own words,
and carry <script>, </style>, an onerror= attribute and javascript: URLs in
their text, title, outlet and url. The browser half of this is in
test_html_browser.py.
"""

from __future__ import annotations

import datetime as dt

from htmldom import Node, assert_links_resolve, assert_safe_dom, parse, text_without
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.model import (
    Claim,
    ClaimKind,
    Interval,
    Quantity,
    Source,
    Span,
    TemporalClass,
)
from claimcheck.render.html import render_html, render_html_fragment
from claimcheck.report import ClaimRef, Discrepancy, Report, Severity, Summary


def _source_div(root: Node, source_id: str) -> Node:
    section = next(s for s in root.find_all(cls="cc-source") if s.find(cls="cc-source-title").text.startswith(source_id))
    return section.find("div", "cc-text")


def test_hostile_article_renders_as_text(hostile_report: Report) -> None:
    root = parse(hostile_report.to_html())
    assert_safe_dom(root)
    assert_links_resolve(root)
    assert not root.find_all("img") and not root.find_all("iframe")
    assert len(root.find_all("style")) == 1  # the planted </style><style> opened none
    source = next(s for s in hostile_report.sources if s.id == "river-a")
    div = _source_div(root, "river-a")
    assert text_without(div, "cc-tags") == source.text
    for planted in ("<script>document.body.dataset.pwned = 'script'</script>", "</style><style>", 'onerror="document', 'href="javascript:'):
        assert planted in div.text
    # Inside the text there is nothing but the claim marks and their tags.
    assert {n.tag for n in div.iter()} <= {"div", "mark", "span", "a"}


def test_hostile_article_in_the_notebook_view_is_text(hostile_report: Report) -> None:
    """The notebook view has no source texts, but it quotes sentences and shows titles: those are text too."""
    root = parse(hostile_report._repr_html_())
    assert_safe_dom(root)
    assert_links_resolve(root)
    assert not root.find_all("img") and not root.find_all("iframe")
    assert len(root.find_all("style")) == 1
    blocks = root.find_all("blockquote")
    assert any("<script>document.body.dataset.pwned = 'script'</script>" in b.text for b in blocks)
    assert all({n.tag for n in b.iter()} <= {"blockquote", "mark"} for b in blocks)
    titles = [row.find_all("td")[0].text for row in root.find("table", "cc-sources-table").find("tbody").find_all("tr")]
    assert any("</title><script>document.body.dataset.pwned = 'title'</script>" in t for t in titles)


def test_hostile_sentence_is_quoted_as_text(hostile_report: Report) -> None:
    root = parse(hostile_report.to_html())
    error = next(e for e in root.find_all("li", "cc-entry") if "cc-error" in e.classes)
    subject = error.find("li", "cc-role-subject")
    block = subject.find("blockquote")
    assert "<script>document.body.dataset.pwned = 'script'</script>" in block.text
    assert block.find("mark").text == "April 28, 2023"
    assert {n.tag for n in block.iter()} == {"blockquote", "mark"}


def test_hostile_metadata_is_text_and_the_javascript_url_is_no_link(hostile_report: Report) -> None:
    root = parse(hostile_report.to_html())
    assert root.find("title").text.startswith("claimcheck report")
    section = next(s for s in root.find_all("section", "cc-source") if s.find("h3").text.startswith("river-a"))
    assert "</title><script>document.body.dataset.pwned = 'title'</script>" in section.find("h3").text
    meta = section.find("p", "cc-meta")
    assert "<img src=x onerror=" in meta.text
    assert "url: javascript:document.body.dataset.pwned = 'url'" in meta.text
    assert not [a for a in meta.find_all("a")]
    summary_titles = [row.find_all("td")[0].text for row in root.find("table", "cc-sources-table").find("tbody").find_all("tr")]
    assert "</title><script>document.body.dataset.pwned = 'title'</script>" in summary_titles[0]


def test_web_urls_are_links() -> None:
    source = Source(id="a", text="No figures here.", url="https://example.org/story?a=1&b=2")
    root = parse(render_html(_report([source], [])))
    link = root.find("p", "cc-meta").find("a")
    assert link.attrs["href"] == "https://example.org/story?a=1&b=2"
    assert link.attrs["rel"] == "noopener noreferrer"


def test_hostile_source_id(falling_toll_report: Report) -> None:
    """A source id with a quote in it stays inside its attribute and its text."""
    root = parse(falling_toll_report.to_html())
    assert_safe_dom(root)
    assert_links_resolve(root)
    assert any(h.text.startswith('bad"id') for h in root.find_all("h3"))


def test_control_characters_do_not_reach_the_page() -> None:
    source = Source(id="a", text="Bell\x07 and null\x00 and escape\x1b.")
    page = render_html(_report([source], []))
    assert not any(ch in page for ch in "\x00\x07\x1b")
    assert "Bell\ufffd and null\ufffd and escape\ufffd." in parse(page).find("div", "cc-text").text


def _report(sources: list[Source], claims: list[Claim], discrepancies: list[Discrepancy] | None = None) -> Report:
    found = discrepancies or []
    return Report(
        tool_version="test", vocabulary="test", sources=sources, claims=claims, events=[], groups=[], discrepancies=found,
        summary=Summary(sources=len(sources), claims=len(claims), groups=0, errors=len(found), warnings=0, infos=0),
    )


_MARKUP = st.text(alphabet=st.sampled_from(list("<>&\"'/=;:!-? \n\tabcSCRIPTonerr5é💥")), max_size=120)


@settings(max_examples=60, deadline=None)
@given(text=_MARKUP, data=st.data())
def test_any_text_round_trips_through_the_page(text: str, data: st.DataObject) -> None:
    """Whatever the text and wherever its claim falls, the page shows exactly that text and no element from it."""
    text = text or "x"
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    span = Span(source_id="s", start=start, end=end, line=1, column=start + 1, end_line=1, end_column=end + 1, quote=quote, sentence=text, sentence_start=0)
    claim = Claim(
        id=f"s:{start}-{end}", source_id="s", kind=ClaimKind.COUNT, measure="count", measure_class=TemporalClass.UNKNOWN,
        as_of=dt.date(2024, 1, 1), value=Quantity(value=1, strict=Interval(low=1, high=1), newsroom=Interval(low=1, high=1)), span=span,
    )
    ref = ClaimRef(claim_id=claim.id, role="subject", source_id="s", value="1", as_of=claim.as_of, span=span)
    finding = Discrepancy(rule="CC101", name="count-mismatch", severity=Severity.ERROR, message=text, claims=[ref], explanation=text, fingerprint="f")
    report = _report([Source(id="s", text=text, title=text)], [claim], [finding])
    page = parse(render_html(report))
    div = page.find("div", "cc-text")
    assert text_without(div, "cc-tags") == text
    assert text_without(div.find("mark"), "cc-tags") == quote
    assert {n.tag for n in div.iter()} <= {"div", "mark", "span", "a"}
    for root in (page, parse(render_html_fragment(report))):
        assert_safe_dom(root)
        block = root.find("blockquote")
        assert block.text == text and block.find("mark").text == quote
        assert {n.tag for n in block.iter()} <= {"blockquote", "mark"}
