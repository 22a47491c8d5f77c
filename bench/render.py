"""Time every output format on the seed report and on a large synthetic one.

    python -m bench.render [--discrepancies 10000] [--repeat 3]

The synthetic report has 50 drafts, each discrepancy a subject claim in a
draft and four consensus claims in four reference files, so every format has
related locations to write. Prints, per format: the best time over the repeats
and the output size. Renderers should stay linear in the number of
discrepancies; the job summary is capped at 1 MiB by design.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from claimcheck import Role, Source
from claimcheck.compare import compare
from claimcheck.render import FORMATS
from claimcheck.render.github import step_summary
from claimcheck.report import ClaimRef, Discrepancy, Report, Severity, Summary

_LINE = "On the {n}th day officials said {v} people had died, and “about {w}” were missing.\n"


def synthetic(count: int, drafts: int = 50, references: int = 4) -> Report:
    """A report of `count` discrepancies spread over `drafts` drafts, each against `references` files."""
    per_draft = -(-count // drafts)
    texts = {f"draft-{i}": "".join(_LINE.format(n=n, v=n + 10, w=n + 20) for n in range(per_draft)) for i in range(drafts)}
    texts.update({f"ref-{i}": "".join(_LINE.format(n=n, v=n + 11, w=n + 21) for n in range(per_draft)) for i in range(references)})
    sources = [
        Source(id=sid, text=text, path=f"{'drafts' if sid.startswith('draft') else 'refs'}/{sid}.md",
               role=Role.DRAFT if sid.startswith("draft") else Role.REFERENCE)
        for sid, text in texts.items()
    ]
    line_starts = {sid: _starts(text) for sid, text in texts.items()}
    discrepancies = []
    for k in range(count):
        draft, row = f"draft-{k % drafts}", k // drafts
        claims = [_claim(draft, texts[draft], line_starts[draft], row, "subject")]
        claims += [_claim(f"ref-{r}", texts[f"ref-{r}"], line_starts[f"ref-{r}"], row, "consensus") for r in range(references)]
        severity = (Severity.ERROR, Severity.WARNING, Severity.INFO)[k % 3]
        discrepancies.append(
            Discrepancy(rule="CC101", name="count-mismatch", severity=severity, message=f"{draft} says {claims[0].value}; the references say otherwise",
                        claims=claims, explanation="synthetic", fingerprint=f"fp{k}")
        )
    return Report(
        tool_version="bench", vocabulary="bench", sources=sources, claims=[], events=[], groups=[],
        discrepancies=discrepancies,
        summary=Summary(sources=len(sources), claims=count * (references + 1), groups=0,
                        errors=sum(d.severity is Severity.ERROR for d in discrepancies),
                        warnings=sum(d.severity is Severity.WARNING for d in discrepancies),
                        infos=sum(d.severity is Severity.INFO for d in discrepancies)),
        rules=["CC101"],
    )


def _starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts


def _claim(source_id: str, text: str, starts: list[int], row: int, role: str) -> ClaimRef:
    line_start = starts[row]
    line_end = text.index("\n", line_start)
    sentence = text[line_start:line_end]
    offset = sentence.index(" said ") + len(" said ")
    value = sentence[offset:].split(" ", 1)[0]
    start = line_start + offset
    span = {"source_id": source_id, "start": start, "end": start + len(value), "line": row + 1, "column": offset + 1,
            "end_line": row + 1, "end_column": offset + 1 + len(value), "quote": value, "sentence": sentence, "sentence_start": line_start}
    return ClaimRef.model_validate({"claim_id": f"{source_id}:{start}", "role": role, "source_id": source_id, "value": value, "span": span})


def _time(render: Callable[[Report], str], report: Report, repeat: int) -> tuple[float, int]:
    best, size = float("inf"), 0
    for _ in range(repeat):
        began = time.perf_counter()
        text = render(report)
        best = min(best, time.perf_counter() - began)
        size = len(text.encode("utf-8"))
    return best, size


def main() -> None:
    """Print a table of render times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--discrepancies", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    reports = {"seed (fixtures/ceasefire)": compare(["fixtures/ceasefire"]), f"synthetic ({args.discrepancies})": synthetic(args.discrepancies)}
    renderers: dict[str, Callable[[Report], str]] = {**FORMATS, "github step summary": step_summary}
    for label, report in reports.items():
        print(f"{label}: {len(report.discrepancies)} discrepancies, {len(report.sources)} sources")
        print(f"  {'format':<20} {'best of ' + str(args.repeat):>12} {'output':>12}")
        for name, render in renderers.items():
            seconds, size = _time(render, report, args.repeat)
            print(f"  {name:<20} {seconds * 1000:>9.1f} ms {size / 1024:>9.0f} KiB")


if __name__ == "__main__":
    main()
