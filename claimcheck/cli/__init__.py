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
from ..errors import ClaimcheckError, ConfigError
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


class _UsageError(ConfigError):
    """A command line argparse refuses: `main` reports it like any bad option (exit 2, in-band too)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit 2 with one line (argparse's own convention)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: error: {message}")


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
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        # argparse's own form ("claimcheck check: error: …", after the usage line), and, with a
        # machine format, the same in that format, as for any other bad option.
        unwritten = emit_error(exc, _output_options(parser, sys.argv[1:] if argv is None else list(argv)))
        print(f"{exc.message}{_not_written(exc, unwritten)}", file=sys.stderr)
        return EXIT_ERROR
    try:
        return int(args.run(args))
    except ClaimcheckError as exc:
        unwritten = emit_error(exc, args)
        print(f"claimcheck: {exc.message}{_not_written(exc, unwritten)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader left early (`claimcheck rules | head`): not a failure to report.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _not_written(error: ClaimcheckError, unwritten: ClaimcheckError | None) -> str:
    if unwritten is None or unwritten.message == error.message:
        return ""
    return f" (nor could the error be written as the report: {unwritten.message})"


def _output_options(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """What a command line that argparse refused says of the report's format and file, as far as it can be read."""
    found = argparse.Namespace(format=None, output=None, writes_report=False)
    commands = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    command = next((a for a in argv if commands is not None and a in commands.choices), None)
    if commands is None or command is None or not commands.choices[command].get_default("writes_report"):
        return found
    lenient = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    lenient.add_argument("-f", "--format", "--output-format", dest="format")
    lenient.add_argument("-o", "--output")
    try:
        known, _ = lenient.parse_known_args(argv)
    except (argparse.ArgumentError, SystemExit):
        return found
    return argparse.Namespace(format=known.format, output=known.output, writes_report=True)


if __name__ == "__main__":
    sys.exit(main())
