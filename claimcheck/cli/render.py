"""`claimcheck render REPORT.json -f FORMAT`: a saved JSON report in another format, without recomputing.

One CI run can then give annotations, a SARIF file and a JUnit report from
one `--format json` result. REPORT may be ``-`` (standard input).
"""

from __future__ import annotations

import argparse

from ..render.saved import read_report
from .formatting import add_report_output, check_report_output, emit_report

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the subcommand."""
    parser = commands.add_parser(
        "render",
        help="convert a saved JSON report to another format",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("report", metavar="REPORT", help="a report written by --format json (- for standard input)")
    add_report_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the report and print it in the chosen format (exit 0; the run that made it decided pass or fail)."""
    check_report_output(args)
    emit_report(read_report(args.report), args)
    return 0
