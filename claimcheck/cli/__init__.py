"""The command line: a thin shell over the Python API.

Each subcommand lives in its own module with two functions: `add_parser`
(its arguments) and `run` (parse → call the API → render → exit code). Exit
codes: 0 nothing at or above the failure threshold, 1 discrepancies at or
above it, 2 usage, configuration or input error. A `ClaimcheckError` becomes
one line on stderr and exit code 2 (with a machine format, also a report
holding the error: `formatting.emit_error`); anything else is a bug and is not
hidden.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from .._version import __version__
from ..errors import ClaimcheckError
from . import check as check_command
from . import compare as compare_command
from . import extract as extract_command
from . import render as render_command
from . import rule as rule_command
from . import rules as rules_command
from . import schema as schema_command
from .formatting import emit_error

__all__ = ["main", "build_parser", "COMMANDS"]

#: Subcommand modules, in the order `claimcheck --help` lists them.
COMMANDS = [compare_command, check_command, extract_command, render_command, rules_command, rule_command, schema_command]

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit 2 with one line (argparse's own convention)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `claimcheck`."""
    parser = _Parser(prog="claimcheck", description="Find factual discrepancies between news sources.")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    for module in COMMANDS:
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # A run builds tens of thousands of small objects that live until it ends; the cyclic
    # collector's default thresholds would walk them over and over (a third of a large
    # check's time). Collect far less often: this process is short-lived.
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ClaimcheckError as exc:
        unwritten = emit_error(exc, args)
        line = exc.message
        if unwritten is not None and unwritten.message != exc.message:
            line += f" (nor could the error be written in {args.format}: {unwritten.message})"
        print(f"claimcheck: {line}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader left early (`claimcheck rules | head`): not a failure to report.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
