"""`claimcheck compare PATH...`: line up the sources' claims and report what cannot all be true.

Reads the same configuration as ``check`` (``--config FILE``, else the
nearest claimcheck.toml or pyproject.toml with ``[tool.claimcheck]``): the
rules selected and ignored, their severities, the tolerances, the extra
vocabulary files and the failure threshold. ``--select``, ``--ignore``,
``--fail-on`` and ``--vocabulary`` override the file; the settings that only
concern drafts (references, baseline, per-file ignores, as_of) are not used.
"""

from __future__ import annotations

import argparse

from ..compare import compare
from .formatting import add_report_output, check_report_output, emit_report
from .settings import add_settings_options, exit_code, settings

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the subcommand."""
    parser = commands.add_parser(
        "compare",
        help="report the discrepancies between sources",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="source files or folders (.txt, .md, .json, .jsonl)")
    add_report_output(parser)
    add_settings_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compare the sources and print the report."""
    check_report_output(args)
    config = settings(args)
    report = compare(args.paths, config=config)
    emit_report(report, args)
    return exit_code(report, config.fail_on)
