"""The settings `compare` and `check` share: the configuration file, and the flags that override it.

Both commands read the same file (``--config FILE``, else the nearest
claimcheck.toml or pyproject.toml with ``[tool.claimcheck]``; see
`claimcheck.configfile`) and take the same flags over it: ``--select``,
``--ignore``, ``--fail-on`` and ``--vocabulary``. Severities and tolerances
come from the file only.
"""

from __future__ import annotations

import argparse

from ..config import Config
from ..configfile import discover_config, selector_problem
from ..errors import ConfigError
from ..report import Report, Severity

__all__ = ["add_settings_options", "settings", "exit_code"]


def add_settings_options(parser: argparse.ArgumentParser, *, findings: str = "discrepancy") -> None:
    """Add --fail-on, --config, --select, --ignore and --vocabulary to a subcommand."""
    parser.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default=None,
        help=f"exit 1 when a {findings} is this serious or more (default: fail_on in the configuration, else error)",
    )
    parser.add_argument("--config", metavar="FILE", help="read this configuration file instead of the nearest claimcheck.toml or pyproject.toml")
    parser.add_argument("--select", metavar="RULES", help="run only these rules (comma-separated codes, prefixes or names)")
    parser.add_argument("--ignore", metavar="RULES", help="do not run these rules (comma-separated codes, prefixes or names)")
    parser.add_argument("--vocabulary", action="append", metavar="FILE", help="an extra vocabulary file (repeatable; replaces the configuration's list)")


def settings(args: argparse.Namespace, **update: object) -> Config:
    """The configuration file's settings with the shared flags (and `update`, a command's own) on top."""
    found = discover_config(args.config)
    for flag in ("select", "ignore"):
        value = getattr(args, flag)
        if value is not None:
            selectors = [s.strip() for s in value.split(",") if s.strip()]
            for selector in selectors:
                problem = selector_problem(selector)
                if problem:
                    raise ConfigError(f"--{flag}: {problem}")
            update[flag] = selectors
    if args.fail_on is not None:
        update["fail_on"] = args.fail_on
    if args.vocabulary is not None:
        update["vocabulary"] = args.vocabulary
    return found.config.model_copy(update=update)


def exit_code(report: Report, threshold: str) -> int:
    """1 when `report` holds a finding at or above `threshold` (never: 0), else 0."""
    if threshold == "never":
        return 0
    return 1 if report.at_or_above(Severity(threshold)) else 0
