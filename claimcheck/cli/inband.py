"""Errors in the chosen format: a CI parser never meets an empty or half-written file.

When a command that writes a report in a machine format (json, sarif, junit,
github …) fails on bad input, `errors_in_format` still writes a report in
that format — one with no sources or findings and the problem in
`Report.input_errors` — to where the report would have gone, and lets the
error go on to the command line (one line on stderr, exit code 2). Human
formats (text, concise) get the stderr line only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .._version import __version__
from ..errors import ClaimcheckError
from ..render import FORMATS, render
from ..report import InputProblem, Report, Summary
from .output import write_output

__all__ = ["HUMAN_FORMATS", "error_report", "errors_in_format"]

#: Formats written for a person; an error there goes to stderr only.
HUMAN_FORMATS = frozenset({"text", "concise"})


def error_report(error: ClaimcheckError) -> Report:
    """A report that holds nothing but `error`, as an input problem."""
    return Report(
        tool_version=__version__,
        vocabulary="",
        sources=[],
        claims=[],
        events=[],
        groups=[],
        discrepancies=[],
        summary=Summary(sources=0, claims=0, groups=0, errors=0, warnings=0, infos=0),
        input_errors=[InputProblem(path=error.path, line=error.line, message=error.problem)],
    )


@contextmanager
def errors_in_format(format: str, output: str | None) -> Iterator[None]:
    """Run the body; on a `ClaimcheckError`, also write it as a report in `format` (machine formats), then re-raise."""
    try:
        yield
    except ClaimcheckError as error:
        if format not in HUMAN_FORMATS and format in FORMATS:
            try:
                write_output(render(error_report(error), format), output)
            except ClaimcheckError:
                pass  # cannot write there either; the original error is the one to report
        raise
