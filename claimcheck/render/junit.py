"""The report as JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

``<testsuites name="claimcheck">`` holds one ``<testsuite>`` per file under
check (the drafts when the report has any, else every source), named by its
path as given (or its id). Each discrepancy located in the file is one
``<testcase>`` with a ``<failure type="CODE" message="…">`` whose body gives
the claims and the reasoning; a file with none gets one passing testcase,
``no discrepancies``. Test case names (``CC102 date-mismatch @ 9:190``) are
unique, because GitLab keeps only the first of two cases with one name. An
input that could not be read is a testcase with an ``<error>``.

Every discrepancy is a failure, whatever its severity; the severity is the
``severity`` property of the testcase and the first word of the failure text.
A JUnit report never decides whether a job passes: the exit code does.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from ..model import Role
from ..report import Discrepancy, InputProblem, Report
from .locate import Place, ordered, others, place, primary, source_label

__all__ = ["render_junit"]

_CLEAN = "no discrepancies"
# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def render_junit(report: Report) -> str:
    """The report as a JUnit XML document (UTF-8, with an XML declaration)."""
    suites: dict[str, list[ET.Element]] = {label: [] for label in _files_under_check(report)}
    seen: Counter[tuple[str, str]] = Counter()
    for d, where in ordered(report):
        label = where.label if where else "claimcheck"
        suites.setdefault(label, []).append(_failed_case(report, d, where, label, seen))
    for problem in report.input_errors:
        label = problem.path or "claimcheck"
        suites.setdefault(label, []).append(_error_case(problem, label, seen))

    root = ET.Element("testsuites", name="claimcheck")
    totals: Counter[str] = Counter()
    for label, cases in suites.items():
        if not cases:
            cases = [_element("testcase", name=_CLEAN, classname=label)]
        counts = Counter(child.tag for case in cases for child in case if child.tag in ("failure", "error"))
        suite = _element(
            "testsuite",
            name=label,
            tests=str(len(cases)),
            failures=str(counts["failure"]),
            errors=str(counts["error"]),
            skipped="0",
        )
        suite.extend(cases)
        root.append(suite)
        totals.update(tests=len(cases), failures=counts["failure"], errors=counts["error"])
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", str(totals["errors"]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _files_under_check(report: Report) -> list[str]:
    drafts = [s for s in report.sources if s.role is Role.DRAFT]
    chosen = drafts or report.sources
    labels: list[str] = []
    for source in chosen:
        label = source_label(source)
        if label not in labels:
            labels.append(label)
    return labels


def _failed_case(report: Report, d: Discrepancy, where: Place | None, label: str, seen: Counter[tuple[str, str]]) -> ET.Element:
    at = f" @ {where.line}:{where.column}" if where else ""
    attributes = {"name": _unique(f"{d.rule} {d.name}{at}", label, seen), "classname": label}
    if where is not None and where.file is not None:
        attributes["file"] = where.file
        if where.in_file:
            attributes["line"] = str(where.line)
    case = _element("testcase", **attributes)
    properties = ET.SubElement(case, "properties")
    for name, value in (("severity", d.severity.value), ("rule", d.rule), ("fingerprint", d.fingerprint)):
        _sub(properties, "property", name=name, value=value)
    failure = _sub(case, "failure", message=" ".join(d.message.split()), type=d.rule)
    failure.text = _clean(_details(report, d, where))
    return case


def _details(report: Report, d: Discrepancy, where: Place | None) -> str:
    lines = [f"{d.severity.value} {d.rule} {d.name}: {d.message}"]
    first = primary(d)
    for claim in ([first] if first else []) + others(d):
        at = place(report, claim).where
        quoted = " ".join(claim.span.quote.split())
        lines.append(f"  {claim.role} {at}: {claim.value} (“{quoted}”)")
        lines.append(f"      {' '.join(claim.span.sentence.split())}")
    if d.explanation:
        lines.append(f"why: {d.explanation}")
    return "\n".join(lines)


def _error_case(problem: InputProblem, label: str, seen: Counter[tuple[str, str]]) -> ET.Element:
    at = f" @ line {problem.line}" if problem.line is not None else ""
    case = _element("testcase", name=_unique(f"input error{at}", label, seen), classname=label)
    if problem.path:
        case.set("file", _clean(problem.path))
        if problem.line is not None:
            case.set("line", str(problem.line))
    error = _sub(case, "error", message=" ".join(problem.message.split()), type="input-error")
    error.text = _clean(problem.message)
    return case


def _unique(name: str, label: str, seen: Counter[tuple[str, str]]) -> str:
    seen[(label, name)] += 1
    count = seen[(label, name)]
    if count == 1:
        return name
    candidate = f"{name} #{count}"
    while seen[(label, candidate)]:
        count += 1
        candidate = f"{name} #{count}"
    seen[(label, candidate)] += 1
    return candidate


def _element(tag: str, **attributes: str) -> ET.Element:
    return ET.Element(tag, {k: _clean(v) for k, v in attributes.items()})


def _sub(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, tag, {k: _clean(v) for k, v in attributes.items()})


def _clean(text: str) -> str:
    """Text XML can carry: characters XML 1.0 forbids become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
