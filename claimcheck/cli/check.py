"""`claimcheck check DRAFT... --against PATH...`: check drafts against the reference coverage, as a CI step.

Reports only what concerns the drafts, located on the drafts' lines. Exit
codes: 0 nothing at or above the failure threshold (default: error), 1
findings at or above it, 2 a usage, configuration or input error (with a
machine format, the error is also written in that format). docs/ci.md has
the whole story: configuration, suppression comments, baselines, ledgers
and claims files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..baseline import apply_baseline, baseline_text, load_baseline
from ..check import check
from ..errors import ConfigError
from ..model import Source
from ..sources import read_source_bytes
from .formatting import add_report_output, check_report_output, emit_report
from .output import check_output_path, write_output
from .settings import add_settings_options, exit_code, settings

__all__ = ["add_parser", "run"]

_DEFAULT_STDIN_NAME = "stdin.md"


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the subcommand."""
    parser = commands.add_parser(
        "check",
        help="check drafts against reference coverage (the CI step)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("drafts", nargs="+", metavar="DRAFT", help="draft files or folders (.md or .txt); - reads standard input")
    parser.add_argument(
        "--against",
        nargs="+",
        action="extend",
        default=[],
        metavar="PATH",
        help="references: folders or files of articles, ledgers (*.ledger.yaml), claims files (*.claims.json); default: references in the configuration",
    )
    add_report_output(parser)
    add_settings_options(parser, findings="finding")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings (still 2 on bad input)")
    parser.add_argument("--baseline", metavar="FILE", help="report only findings this baseline file does not record")
    parser.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE (atomically)")
    parser.add_argument("--as-of", metavar="DATE", type=_date, help="the date a draft speaks for when its front matter gives none (YYYY-MM-DD)")
    parser.add_argument("--stdin-filename", metavar="NAME", help=f"the name of the draft read from standard input (default: {_DEFAULT_STDIN_NAME})")
    parser.set_defaults(run=run)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2025-07-07: {text!r}") from None


def run(args: argparse.Namespace) -> int:
    """Check the drafts, write the report, and return the exit code."""
    if args.stdin_filename is not None and "-" not in args.drafts:
        raise ConfigError("--stdin-filename names the draft read from standard input, but no draft is - (standard input)")
    check_report_output(args)
    check_output_path(args.write_baseline)
    config = settings(args, **_own_flags(args))
    references: list[str] = args.against or config.references
    if not references:
        raise ConfigError("no references to check against: give --against PATH, or references in the configuration")
    drafts = _drafts(args)
    report = check(drafts, references, config=config.model_copy(update={"baseline": None}))
    if args.write_baseline:
        write_output(baseline_text(report), args.write_baseline)
    if config.baseline and not (config.baseline == args.write_baseline and not Path(config.baseline).exists()):
        report = apply_baseline(report, load_baseline(config.baseline))
    emit_report(report, args)
    return exit_code(report, "never" if args.exit_zero else config.fail_on)


def _own_flags(args: argparse.Namespace) -> dict[str, object]:
    """The settings of check's own flags (beside those it shares with compare), where given."""
    update: dict[str, object] = {}
    if args.baseline is not None:
        update["baseline"] = args.baseline
    if args.as_of is not None:
        update["as_of"] = args.as_of
    return update


def _drafts(args: argparse.Namespace) -> list[Source | str]:
    drafts: list[Source | str] = []
    for item in args.drafts:
        if item != "-":
            drafts.append(item)
            continue
        name = args.stdin_filename or _DEFAULT_STDIN_NAME
        drafts.extend(read_source_bytes(sys.stdin.buffer.read(), name))
    return drafts
