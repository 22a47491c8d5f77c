"""The report as SARIF 2.1.0, the shape GitHub code scanning accepts.

One run. ``tool.driver`` lists every enabled rule (``Report.rules``; every
registered rule when the report does not say) plus any rule a result cites,
each with a short and a full description, help text and its default level.
Each discrepancy is one result: ``ruleId``, ``ruleIndex``, ``level``
(error → ``error``, warning → ``warning``, info → ``note``), a message whose
first sentence is the verdict and which links the other claims as
``[text](id)``, exactly one location (the primary claim, all four region
fields), the other claims as ``relatedLocations``, and our own fingerprint
under ``partialFingerprints["claimcheck/v1"]``. We never write
``primaryLocationLineHash``: GitHub's upload action computes it from the
file when it is absent, and a made-up one would be trusted.

Columns are 1-based Unicode code points, ``endColumn`` exclusive, as SARIF
defines it; ``run.columnKind`` says ``unicodeCodePoints``. Unreadable inputs
become ``toolExecutionNotifications`` and ``executionSuccessful: false``.
docs/formats.md has the full mapping.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from ..report import ClaimRef, Discrepancy, InputProblem, Report, Severity
from ..rules import RULES, Rule
from .locate import Place, others, place, primary

__all__ = ["render_sarif", "sarif_log", "FINGERPRINT_KEY", "SARIF_SCHEMA"]

#: Where our fingerprint goes in `result.partialFingerprints`.
FINGERPRINT_KEY = "claimcheck/v1"
#: The `$schema` GitHub's documentation uses for SARIF 2.1.0.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_DESCRIPTION_LIMIT = 1024  # GitHub's cap on shortDescription and fullDescription
_ROLE_WORDS = {"subject": "Also", "consensus": "Against", "related": "With"}


def render_sarif(report: Report) -> str:
    """The report as a SARIF 2.1.0 log (indented JSON)."""
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False) + "\n"


def sarif_log(report: Report) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log, as a JSON-ready dict."""
    codes = _rule_codes(report)
    index = {code: i for i, code in enumerate(codes)}
    names = {d.rule: d.name for d in report.discrepancies}
    driver: dict[str, Any] = {
        "name": report.tool,
        "version": report.tool_version,
        "semanticVersion": report.tool_version,
        "rules": [_descriptor(code, names.get(code, code)) for code in codes],
        "properties": {"vocabulary": report.vocabulary, "reportSchemaVersion": report.schema_version},
    }
    invocation: dict[str, Any] = {"executionSuccessful": not report.input_errors}
    if report.input_errors:
        invocation["toolExecutionNotifications"] = [_notification(p) for p in report.input_errors]
    run = {
        "tool": {"driver": driver},
        "automationDetails": {"id": "claimcheck/"},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "results": [_result(report, d, index[d.rule]) for d in report.discrepancies],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule_codes(report: Report) -> list[str]:
    enabled = report.rules if report.rules is not None else list(RULES)
    cited = {d.rule for d in report.discrepancies}
    return sorted(set(enabled) | cited)


def _descriptor(code: str, name: str) -> dict[str, Any]:
    rule: type[Rule] | None = RULES.get(code)
    if rule is None:
        text = f"{name} (not a rule of claimcheck: the report was made by another version)"
        return {
            "id": code,
            "name": name,
            "shortDescription": {"text": _clip(name)},
            "fullDescription": {"text": _clip(text)},
            "help": {"text": text},
        }
    summary, doc = rule.summary(), rule.doc()
    first_paragraph = " ".join(doc.split("\n\n")[0].split()) if doc else summary
    descriptor: dict[str, Any] = {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": _clip(summary)},
        "fullDescription": {"text": _clip(first_paragraph)},
        "help": {"text": f"{summary}\n\n{doc}".strip()},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
    }
    if rule.aliases:
        descriptor["properties"] = {"aliases": list(rule.aliases)}
    return descriptor


def _clip(text: str, limit: int = _DESCRIPTION_LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _result(report: Report, d: Discrepancy, rule_index: int) -> dict[str, Any]:
    first = primary(d)
    related = others(d)
    result: dict[str, Any] = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[d.severity],
        "message": {"text": _message(d, related)},
    }
    if first is not None:
        result["locations"] = [{"physicalLocation": _physical(place(report, first))}]
    if related:
        result["relatedLocations"] = [_related(report, c, i) for i, c in enumerate(related, start=1)]
    result["partialFingerprints"] = {FINGERPRINT_KEY: d.fingerprint}
    result["properties"] = {
        "severity": d.severity.value,
        "name": d.name,
        "explanation": d.explanation,
        "claims": [_claim_properties(report, c) for c in d.claims],
    }
    return result


def _message(d: Discrepancy, related: list[ClaimRef]) -> str:
    if not related:
        return d.message
    text = d.message.rstrip(".")
    role = None
    for i, claim in enumerate(related, start=1):
        if claim.role != role:
            role = claim.role
            text += f". {_ROLE_WORDS[role]}: "
        else:
            text += ", "
        text += f"[{_escape(claim.source_id)}: {_escape(claim.value)}]({i})"
    return text + "."


def _escape(text: str) -> str:
    """The text of an embedded link: ``\\``, ``[`` and ``]`` escaped (SARIF §3.11.6; elsewhere they stay as they are)."""
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def _related(report: Report, claim: ClaimRef, number: int) -> dict[str, Any]:
    quoted = " ".join(claim.span.quote.split())
    return {
        "id": number,
        "physicalLocation": _physical(place(report, claim)),
        "message": {"text": f"{claim.source_id} ({claim.role}): {claim.value} — “{quoted}”"},
    }


def _physical(where: Place) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(where.file or where.label)}}
    if where.in_file:
        location["region"] = {
            "startLine": where.line,
            "startColumn": where.column,
            "endLine": where.end_line,
            "endColumn": where.end_column,
        }
    return location


def _uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative, with ``/`` and percent-escapes.

    >>> _uri("drafts/my story.md"), _uri("/srv/a.md"), _uri("C:\\\\news\\\\a.md")
    ('drafts/my%20story.md', 'file:///srv/a.md', 'file:///C:/news/a.md')
    """
    path = path.replace("\\", "/")
    if re.match(r"^[A-Za-z]:/", path):
        return "file:///" + quote(path, safe="/:")
    if path.startswith("/"):
        return "file://" + quote(path, safe="/")
    return quote(path, safe="/")


def _claim_properties(report: Report, claim: ClaimRef) -> dict[str, Any]:
    where = place(report, claim)
    return {
        "claimId": claim.claim_id,
        "role": claim.role,
        "sourceId": claim.source_id,
        "path": where.file,
        "line": where.line,
        "column": where.column,
        "quote": claim.span.quote,
        "value": claim.value,
        "asOf": claim.as_of.isoformat() if claim.as_of else None,
        "attribution": claim.attribution,
    }


def _notification(problem: InputProblem) -> dict[str, Any]:
    notification: dict[str, Any] = {"level": "error", "message": {"text": problem.message}}
    if problem.path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(problem.path)}}
        if problem.line is not None:
            physical["region"] = {"startLine": problem.line}
        notification["locations"] = [{"physicalLocation": physical}]
    return notification
