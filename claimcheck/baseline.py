"""Baselines: the discrepancies a project has accepted, so that only new ones are reported.

``claimcheck check … --write-baseline FILE`` records the current findings by
fingerprint; ``--baseline FILE`` (or ``baseline =`` in the configuration)
reports only findings the baseline does not hold. A fingerprint depends on
the rule, the quantity and the draft's own figure — never on offsets or line
numbers — so an edit elsewhere in the draft leaves the baseline valid, while
a changed figure is a new finding. A baseline counts each fingerprint: two
identical findings recorded once let one through.

The file is JSON::

    {
      "format": "claimcheck-baseline",
      "format_version": 1,
      "claimcheck_version": "0.1.0",
      "findings": [
        {"fingerprint": "3f2a…", "rule": "CC101", "count": 1,
         "path": "drafts/story.md", "line": 12, "message": "story puts …"}
      ]
    }

Only ``fingerprint`` and ``count`` decide anything; ``rule``, ``path``,
``line`` and ``message`` are there for the person reviewing the file.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ._version import __version__
from .errors import InputError, read_input_file
from .findings import with_discrepancies
from .report import Discrepancy, Report

__all__ = ["FORMAT", "baseline_text", "load_baseline", "apply_baseline"]

FORMAT = "claimcheck-baseline"
FORMAT_VERSION = 1


def baseline_text(report: Report) -> str:
    """The baseline recording every finding of `report`, as JSON text."""
    counts = Counter(d.fingerprint for d in report.discrepancies)
    first: dict[str, Discrepancy] = {}
    for d in report.discrepancies:
        first.setdefault(d.fingerprint, d)
    findings = []
    for fp in sorted(counts):
        d = first[fp]
        primary = d.claims[0] if d.claims else None
        source = _source(report, primary.source_id) if primary else None
        findings.append(
            {
                "fingerprint": fp,
                "rule": d.rule,
                "count": counts[fp],
                "path": (source.path if source and source.path else primary.source_id) if primary else None,
                "line": primary.span.line if primary else None,
                "message": d.message,
            }
        )
    document = {"format": FORMAT, "format_version": FORMAT_VERSION, "claimcheck_version": __version__, "findings": findings}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _source(report: Report, source_id: str) -> Any:
    try:
        return report.source(source_id)
    except KeyError:
        return None


def load_baseline(path: str | Path) -> Counter[str]:
    """The fingerprints a baseline file records, with their counts. Raises `InputError` for a bad file."""
    path = Path(path)
    raw = read_input_file(path, "baseline file", missing="no such baseline file (write one with --write-baseline)")
    try:
        document = json.loads(raw)
    except UnicodeDecodeError:
        raise InputError("not a baseline file: not UTF-8 text", path=path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not a baseline file: malformed JSON ({exc.msg})", path=path, line=exc.lineno) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputError(f'not a baseline file: expected "format": "{FORMAT}"', path=path)
    if document.get("format_version") != FORMAT_VERSION:
        raise InputError(f"baseline format {document.get('format_version')!r}, this claimcheck reads format {FORMAT_VERSION}", path=path)
    findings = document.get("findings")
    if not isinstance(findings, list):
        raise InputError('damaged baseline file: "findings" must be a list', path=path)
    counts: Counter[str] = Counter()
    for number, entry in enumerate(findings, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise InputError(f"damaged baseline file: finding {number} has no fingerprint", path=path)
        count = entry.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise InputError(f"damaged baseline file: finding {number} has count {count!r} (expected a whole number from 1)", path=path)
        counts[entry["fingerprint"]] += count
    return counts


def apply_baseline(report: Report, baseline: Counter[str]) -> Report:
    """`report` without the findings `baseline` accounts for (each recorded fingerprint hides as many findings as its count)."""
    remaining = Counter(baseline)
    kept = []
    for d in report.discrepancies:
        if remaining[d.fingerprint] > 0:
            remaining[d.fingerprint] -= 1
            continue
        kept.append(d)
    return with_discrepancies(report, kept)
