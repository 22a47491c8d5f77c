"""`claimcheck compare PATH...`: line up the sources' claims and report what cannot all be true."""

from __future__ import annotations

import argparse

from ..compare import compare
from ..config import Config
from ..render import FORMATS, render
from ..report import Severity
from .output import write_output

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the subcommand."""
    parser = commands.add_parser("compare", help="report the discrepancies between sources", description=__doc__)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="source files or folders (.txt, .md, .json, .jsonl)")
    parser.add_argument("-f", "--format", choices=list(FORMATS), default="text", help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    parser.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default="error",
        help="exit 1 when a discrepancy is this serious or more (default: error)",
    )
    parser.add_argument("--vocabulary", action="append", default=[], metavar="FILE", help="an extra vocabulary file (repeatable)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compare the sources and print the report."""
    report = compare(args.paths, config=Config(vocabulary=args.vocabulary))
    write_output(render(report, args.format), args.output)
    if args.fail_on == "never":
        return 0
    return 1 if report.at_or_above(Severity(args.fail_on)) else 0
