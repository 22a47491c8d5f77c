"""The HTML report in a real browser: headless Chromium renders it, and the DOM it ends with is checked.

Skipped, with a message saying how to get Chromium, only where no Chromium is
installed (.ci/run installs Debian's package where apt-get works).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from pathlib import Path

from headless import Browser
from htmldom import assert_links_resolve, assert_safe_dom, parse

from claimcheck.report import Report

Page = Callable[[str, str], Path]

# A page of our own around a notebook fragment: no Content-Security-Policy (a
# notebook has none of ours), and a script of its own that proves scripts do
# run here, and measures the fragment.
_NOTEBOOK = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>notebook</title></head>
<body><div id="cell">{fragment}</div>
<script>
document.body.dataset.ran = "yes";
document.body.dataset.height = Math.round(document.querySelector(".cc-report").getBoundingClientRect().height);
</script></body></html>"""


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_seed_report_in_chromium(seed_report: Report, browser: Browser, write_page: Page, tmp_path: Path) -> None:
    page = write_page("seed-report.html", seed_report.to_html())
    root = parse(browser.dump_dom(page))
    assert root.find("main", "cc-report")
    assert_safe_dom(root)
    assert_links_resolve(root)
    # Every claim highlighted in its source's text, each tag linking to a discrepancy entry.
    marks = [m for m in root.find_all("mark", "cc-claim") if m.attrs.get("id", "").startswith("c")]
    assert len(marks) == len(seed_report.claims)
    entries = {e.attrs["id"] for e in root.find_all("li", "cc-entry")}
    assert len(entries) == len(seed_report.discrepancies)
    tag_links = {a.attrs["href"][1:] for t in root.find_all("span", "cc-tags") for a in t.find_all("a")}
    assert tag_links == entries  # every discrepancy is reachable from the text, and back
    backs = {a.attrs["href"][1:] for a in root.find_all("a", "cc-back")}
    assert backs <= {m.attrs["id"] for m in marks}
    # Rule links go to the rules' sections in the page itself.
    rules = {a.attrs["href"] for p in root.find_all("p", "cc-rule") for a in p.find_all("a")}
    assert rules == {f"#rule-{d.rule.lower()}" for d in seed_report.discrepancies}
    documented = {n.attrs["id"] for n in root.find_all("section", "cc-rule-doc")}
    assert {r[1:] for r in rules} == documented
    # The hostages-held timeline: an SVG chart with one point per seed article.
    held = next(svg for svg in root.find_all("svg", "cc-chart") if "hostages held" in svg.find("title").text)
    assert len(held.find_all("g", "cc-point")) == 5
    assert len(held.find_all("rect", "cc-newsroom")) == 5

    # The size of docs/img/seed-report.png (docs/html-report.md says how it is made).
    shot = browser.screenshot(page, tmp_path / "seed-report.png", (1280, 3460))
    assert _png_size(shot) == (1280, 3460)
    assert shot.stat().st_size > 50_000  # a rendered page, not a blank one


def test_hostile_article_runs_nothing_in_chromium(hostile_report: Report, browser: Browser, write_page: Page) -> None:
    page = write_page("hostile.html", hostile_report.to_html())
    root = parse(browser.dump_dom(page))
    body = root.find("body")
    assert "data-pwned" not in body.attrs
    assert root.find("title").text.startswith("claimcheck report")
    assert_safe_dom(root)
    assert len(root.find_all("style")) == 1
    text = root.find("div", "cc-text").text
    assert "<script>document.body.dataset.pwned = 'script'</script>" in text and "</style><style>" in text


def test_hostile_fragment_runs_nothing_even_without_our_policy(hostile_report: Report, browser: Browser, write_page: Page) -> None:
    """In a notebook there is no Content-Security-Policy of ours: escaping alone must hold."""
    page = write_page("notebook.html", _NOTEBOOK.format(fragment=hostile_report._repr_html_()))
    root = parse(browser.dump_dom(page))
    body = root.find("body")
    assert body.attrs.get("data-ran") == "yes", "the page's own script did not run: the check below would prove nothing"
    assert "data-pwned" not in body.attrs
    assert len(root.find_all("script")) == 1  # ours
    cell = next(n for n in root.iter() if n.attrs.get("id") == "cell")
    assert_safe_dom(cell)


def test_notebook_view_is_compact(seed_report: Report, browser: Browser, write_page: Page) -> None:
    """The notebook view of the seed report is well under half the height of the full page."""
    fragment_page = write_page("fragment.html", _NOTEBOOK.format(fragment=seed_report._repr_html_()))
    full = seed_report.to_html()
    # The same measurement on the full page: its policy (which forbids all script) set aside for the test.
    measured = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", full).replace("</body>", _NOTEBOOK.split("</div>", 1)[1].split("</body>")[0] + "</body>")
    full_page = write_page("full.html", measured)
    fragment_height = int(parse(browser.dump_dom(fragment_page)).find("body").attrs["data-height"])
    full_height = int(parse(browser.dump_dom(full_page)).find("body").attrs["data-height"])
    print(f"rendered height: notebook view {fragment_height}px, full page {full_height}px")
    assert 0 < fragment_height < full_height / 2
