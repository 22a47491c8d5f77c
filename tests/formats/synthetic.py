"""Small hand-made reports for format tests: exact places, awkward names, no extraction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from claimcheck import Role, Source
from claimcheck.report import ClaimRef, Discrepancy, InputProblem, Report, Severity, Summary
from claimcheck.text import LineIndex


def source(id: str, text: str, *, path: str | None = None, role: Role = Role.REFERENCE) -> Source:
    """A source with `text`, read from `path`."""
    return Source(id=id, text=text, path=path, role=role)


def ref(src: Source, quote: str, role: str = "subject", *, value: str | None = None, occurrence: int = 0) -> ClaimRef:
    """A claim on the `occurrence`-th `quote` in `src`; its sentence is the quote's line."""
    start = -1
    for _ in range(occurrence + 1):
        start = src.text.index(quote, start + 1)
    end = start + len(quote)
    index = LineIndex(src.text, src.line_offset)
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    sentence_start = src.text.rfind("\n", 0, start) + 1
    sentence_end = src.text.find("\n", end)
    sentence = src.text[sentence_start : sentence_end if sentence_end != -1 else len(src.text)]
    return ClaimRef.model_validate(
        {
            "claim_id": f"{src.id}:{start}-{end}",
            "role": role,
            "source_id": src.id,
            "value": value or quote,
            "span": {
                "source_id": src.id,
                "start": start,
                "end": end,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "quote": quote,
                "sentence": sentence,
                "sentence_start": sentence_start,
            },
        }
    )


def discrepancy(
    rule: str,
    claims: Sequence[ClaimRef],
    *,
    severity: Severity | str = Severity.ERROR,
    message: str | None = None,
    name: str = "count-mismatch",
    fingerprint: str | None = None,
) -> Discrepancy:
    """A discrepancy of `rule` over `claims`."""
    return Discrepancy(
        rule=rule,
        name=name,
        severity=Severity(severity),
        message=message or f"{claims[0].value} disagrees",
        claims=list(claims),
        explanation="made up for a test",
        fingerprint=fingerprint or f"{rule}-{claims[0].claim_id}",
    )


def report(
    sources: Sequence[Source],
    discrepancies: Sequence[Discrepancy] = (),
    *,
    input_errors: Sequence[InputProblem] = (),
    rules: list[str] | None = None,
) -> Report:
    """A report holding exactly these sources and discrepancies."""
    counts = Counter(d.severity for d in discrepancies)
    return Report(
        tool_version="0.0.0",
        vocabulary="test",
        sources=list(sources),
        claims=[],
        events=[],
        groups=[],
        discrepancies=list(discrepancies),
        summary=Summary(
            sources=len(sources),
            claims=sum(len(d.claims) for d in discrepancies),
            groups=0,
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
            infos=counts[Severity.INFO],
            by_rule=dict(Counter(d.rule for d in discrepancies)),
        ),
        input_errors=list(input_errors),
        rules=rules,
    )
