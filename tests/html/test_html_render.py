"""The HTML report's structure, parsed with the standard library's HTML parser."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from htmldom import assert_links_resolve, assert_safe_dom, parse, text_without

from claimcheck.cli import main
from claimcheck.render import FORMATS, render
from claimcheck.render.html import render_html, render_html_fragment
from claimcheck.rules import RULES
from claimcheck.render.outcomes import Outcome, claim_outcomes
from claimcheck.report import Report

ROOT = Path(__file__).resolve().parents[2]


def test_registered_as_a_format(seed_report: Report) -> None:
    assert FORMATS["html"] is render_html
    assert render(seed_report, "html") == seed_report.to_html()


def test_a_self_contained_page(seed_report: Report) -> None:
    page = seed_report.to_html()
    root = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert root.find("html").attrs["lang"] == "en"
    csp = next(m for m in root.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp.attrs["content"]
    # Nothing is fetched: no external stylesheet, script, image, font or frame.
    assert not root.find_all("link") and not root.find_all("script") and not root.find_all("img") and not root.find_all("iframe")
    assert "@import" not in page and "url(" not in page and "@font-face" not in page
    style = root.find("style").text
    assert "@media print" in style
    assert_links_resolve(root)
    assert_safe_dom(root)


def test_summary_counts_sources_claims_and_severities(seed_report: Report) -> None:
    root = parse(seed_report.to_html())
    summary = root.find("section", "cc-summary")
    counts = {n.attrs["class"].split()[1]: n.text for n in summary.find_all("li", "cc-count")}
    s = seed_report.summary
    assert f"{s.errors} error" in counts["cc-error"] and f"{s.infos} info" in counts["cc-info"]
    assert f"{s.warnings} warnings" in counts["cc-warning"]
    rows = summary.find("table").find("tbody").find_all("tr")
    assert [r.find("th").text for r in rows] == [src.id for src in seed_report.sources]
    assert f"{s.claims} claims from {s.sources} sources" in summary.text


def test_each_discrepancy_has_message_rule_link_and_quoted_sentences(seed_report: Report) -> None:
    root = parse(seed_report.to_html())
    entries = root.find("ol", "cc-list").find_all("li", "cc-entry")
    assert len(entries) == len(seed_report.discrepancies)
    for entry, d in zip(entries, seed_report.discrepancies):
        assert entry.attrs["id"].startswith("d")
        heading = entry.find("h3")
        assert d.message in heading.text
        assert d.severity.value.capitalize() in heading.find("span", "cc-badge").text  # a word, not colour alone
        rule = entry.find("p", "cc-rule").find("a")
        assert rule.attrs["href"] == f"#rule-{d.rule.lower()}"  # the rule's section in the page
        quotes = entry.find_all("li", "cc-quote")
        assert len(quotes) == len(d.claims)
        for quote, ref in zip(quotes, d.claims):
            block = quote.find("blockquote")
            assert block.text == ref.span.sentence
            assert block.find("mark").text == ref.span.quote
            back = quote.find("a", "cc-back")
            assert back.attrs["href"].startswith("#c")


def test_the_error_is_marked_in_the_sentence_and_in_the_text(seed_report: Report) -> None:
    root = parse(seed_report.to_html())
    error = next(e for e in root.find_all("li", "cc-entry") if "cc-error" in e.classes)
    subject = error.find("li", "cc-role-subject")
    assert "Flagged" in subject.text
    mark = subject.find("mark")
    assert mark.text == "October 7, 2022" and "cc-conflicts" in mark.classes
    target = subject.find("a", "cc-back").attrs["href"][1:]
    highlight = next(n for n in root.iter() if n.attrs.get("id") == target)
    assert highlight.tag == "mark" and "cc-conflicts" in highlight.classes
    assert highlight.text.startswith("October 7, 2022")
    # ...and the highlight links back to the discrepancy, with a label as well as a colour.
    tags = highlight.parent.children[highlight.parent.children.index(highlight) + 1]
    assert isinstance(tags, type(highlight)) and "cc-tags" in tags.classes
    assert "(conflicts)" in tags.text
    assert tags.find("a").attrs["href"] == f"#{error.attrs['id']}"


def test_every_claim_is_highlighted_once_in_its_source(seed_report: Report) -> None:
    root = parse(seed_report.to_html())
    marks = root.find("section", "cc-sources").find_all("mark", "cc-claim")
    by_id = {m.attrs["id"]: m for m in marks if "id" in m.attrs}
    assert len(by_id) == len(seed_report.claims)
    outcomes = claim_outcomes(seed_report)
    for n, claim in enumerate(seed_report.claims, 1):
        mark = by_id[f"c{n}"]
        assert f"cc-{outcomes[claim.id].value}" in mark.classes
        assert text_without(mark, "cc-tags") == claim.span.quote
        section = next(a for a in mark.ancestors() if a.tag == "section" and "cc-source" in a.classes)
        assert section.find("h3").text.startswith(claim.source_id)


def test_source_text_is_kept_whole(seed_report: Report) -> None:
    root = parse(seed_report.to_html())
    texts = root.find_all("div", "cc-text")
    assert len(texts) == len(seed_report.sources)
    for div, source in zip(texts, seed_report.sources):
        # The marks add only their tags (icon and discrepancy numbers): remove them and the text is the source's.
        assert text_without(div, "cc-tags") == source.text


def test_legend_names_every_outcome_with_icon_and_words(seed_report: Report) -> None:
    root = parse(seed_report.to_html())
    legend = root.find("ul", "cc-legend")
    items = legend.find_all("li")
    assert [next(iter(i.classes)) for i in items] == [f"cc-{o.value}" for o in Outcome]
    for item in items:
        assert item.find("mark").text and item.find("span", "cc-tags").text.strip()


def test_headings_are_in_order(seed_report: Report) -> None:
    root = parse(seed_report.to_html())
    levels = [int(n.tag[1]) for n in root.iter() if re.fullmatch(r"h[1-6]", n.tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_no_discrepancies_says_so(seed_report: Report) -> None:
    quiet = seed_report.model_copy(update={"discrepancies": []})
    root = parse(quiet.to_html())
    assert "No discrepancies" in root.find("section", "cc-discrepancies").text
    assert not root.find_all("svg")


def test_the_page_documents_the_rules_it_names(seed_report: Report) -> None:
    root = parse(seed_report.to_html())
    section = root.find("section", "cc-rules")
    docs = section.find_all("section", "cc-rule-doc")
    codes = sorted({d.rule for d in seed_report.discrepancies})
    assert [doc.attrs["id"] for doc in docs] == [f"rule-{c.lower()}" for c in codes]
    for doc, code in zip(docs, codes):
        cls = RULES[code]
        assert doc.find("h3").text == f"{code} {cls.name}"
        assert f"default severity {cls.severity.value.capitalize()}" in " ".join(doc.find("p", "cc-rule-meta").text.split()).replace("✖ ", "").replace("ℹ ", "")
        assert cls.summary() in doc.text
        assert " ".join(cls.doc().split()) in " ".join(doc.text.split())
        # ...and links back to every entry that cites the rule.
        backs = [a.attrs["href"] for a in doc.find("p", "cc-rule-meta").find_all("a")]
        assert backs == [f"#d{i + 1}" for i, d in enumerate(seed_report.discrepancies) if d.rule == code]
    # Nothing points outside the page: no link to a rules file beside it.
    assert not [a for a in root.find_all("a") if "rules.md" in a.attrs.get("href", "")]
    assert_links_resolve(root)


def test_a_rule_this_version_does_not_know_is_still_documented(seed_report: Report) -> None:
    first = seed_report.discrepancies[0].model_copy(update={"rule": "CC999", "name": "from-the-future"})
    root = parse(seed_report.model_copy(update={"discrepancies": [first]}).to_html())
    doc = root.find("section", "cc-rule-doc")
    assert doc.attrs["id"] == "rule-cc999" and doc.find("h3").text == "CC999 from-the-future"
    assert "Not a rule of claimcheck" in doc.text
    assert_links_resolve(root)


def test_rules_url_can_point_elsewhere(seed_report: Report) -> None:
    root = parse(seed_report.to_html(rules_url="https://example.org/claimcheck/rules.html"))
    hrefs = {a.attrs["href"] for a in root.find("p", "cc-rule").find_all("a")}
    assert hrefs == {"https://example.org/claimcheck/rules.html#cc102"}
    # The page still documents the rule, and its section links to the published reference.
    doc = next(n for n in root.iter() if n.attrs.get("id") == "rule-cc102")
    assert "https://example.org/claimcheck/rules.html#cc102" in {a.attrs["href"] for a in doc.find_all("a")}


def test_notebook_view_is_a_compact_scoped_fragment(seed_report: Report) -> None:
    fragment = seed_report._repr_html_()
    assert fragment == render_html_fragment(seed_report)
    root = parse(fragment)
    top = [c for c in root.children if not isinstance(c, str)]
    assert len(top) == 1 and "cc-report" in top[0].classes
    assert not root.find_all("html") and not root.find_all("head") and not root.find_all("h1") and not root.find_all("h2")
    # The styles touch nothing outside the fragment.
    css = re.sub(r"/\*.*?\*/", "", root.find("style").text, flags=re.S)
    for block in re.findall(r"([^{}]+)\{[^{}]*\}", css):
        for selector in block.split(","):
            selector = selector.strip()
            assert selector.startswith(".cc-report"), selector
    # Ids carry a prefix, so two reports can share a notebook.
    ids = [n.attrs["id"] for n in root.iter() if "id" in n.attrs]
    assert ids and all(re.fullmatch(r"cc[0-9a-f]{8}-.+", i) for i in ids)
    assert_links_resolve(root)
    # The source texts are left out, and the view says how to get them.
    assert not root.find_all(cls="cc-source") and not root.find_all("div", "cc-text")
    note = root.find("section", "cc-full-view")
    assert "report.to_html()" in note.text and "write_text(report.to_html()" in note.text
    # Much smaller than the page: the texts are the bulk of it.
    assert len(fragment.encode()) < len(seed_report.to_html().encode()) / 2
    # The rules are there too, linked from the entries.
    assert root.find("section", "cc-rule-doc").attrs["id"].endswith("-rule-cc102")
    # Each entry shows its message, its flagged sentences and its chart; the rest waits behind a fold.
    for entry, d in zip(root.find_all("li", "cc-entry"), seed_report.discrepancies):
        shown = [q for q in entry.find_all("li", "cc-quote") if not any(a.tag == "details" for a in q.ancestors())]
        assert len(shown) == len(d.subjects)
        folds = entry.find_all("details")
        assert folds and not any("open" in f.attrs for f in folds)
        if d.rule == "CC202":
            assert entry.find("svg", "cc-chart")


def test_rendering_is_deterministic(seed_report: Report) -> None:
    assert seed_report.to_html() == Report.from_json(seed_report.to_json()).to_html()
    assert seed_report._repr_html_() == Report.from_json(seed_report.to_json())._repr_html_()


def test_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code = main(["compare", str(ROOT / "fixtures" / "ceasefire"), "-f", "html", "-o", str(out), "--fail-on", "never"])
    assert code == 0
    root = parse(out.read_text(encoding="utf-8"))
    assert root.find("main", "cc-report")
    assert len(root.find_all("li", "cc-entry")) >= 1


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_colours_have_enough_contrast() -> None:
    """WCAG AA (4.5:1) for every text colour on every background it can sit on."""
    css = (ROOT / "claimcheck" / "render" / "html.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--cc-([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    backgrounds = ["bg", "panel", *(k for k in colours if k.endswith("-bg"))]
    texts = ["text", "muted", "link", "error", "warning", "info", *(o.value for o in Outcome)]
    for fg in texts:
        for bg in backgrounds:
            assert _contrast(colours[fg], colours[bg]) >= 4.5, (fg, bg)
    for badge in ("error", "warning", "info"):
        assert _contrast("#ffffff", colours[badge]) >= 4.5, badge
