"""`claimcheck extract PATH...`: every figure in the sources, as typed claims.

``-f json`` writes a claims file (docs/ci.md, `claimcheck.claimsfile`): the
claims with the claimcheck version, the vocabulary fingerprint and the
sources' metadata, which ``claimcheck check --against FILE.claims.json``
reads instead of the articles. Ledgers (``*.ledger.yaml``) are read too.
The vocabulary is the one ``check`` would use: the ``vocabulary`` files of
the configuration (``--config FILE``, else the nearest claimcheck.toml or
pyproject.toml), or the ``--vocabulary`` files instead.
"""

from __future__ import annotations

import argparse

from ..claimsfile import dump_claims_file
from ..configfile import discover_config
from ..references import load_references
from ..render.claims import claims_table
from ..vocabulary import Vocabulary
from .output import check_output_path, write_output

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the subcommand."""
    parser = commands.add_parser(
        "extract",
        help="list every figure in the sources as a typed claim, or save them as a claims file",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="source files or folders (.txt, .md, .json, .jsonl), ledgers, claims files")
    parser.add_argument("-f", "--format", choices=["table", "json"], default="table", help="output format: table, or json for a claims file (default: table)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    parser.add_argument("--config", metavar="FILE", help="read this configuration file instead of the nearest claimcheck.toml or pyproject.toml")
    parser.add_argument("--vocabulary", action="append", metavar="FILE", help="an extra vocabulary file (repeatable; replaces the configuration's list)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Extract and print the claims."""
    check_output_path(args.output)
    # The same vocabulary `check` reads, or the claims file would be refused by the check it is made for.
    files = args.vocabulary if args.vocabulary is not None else discover_config(args.config).config.vocabulary
    vocabulary = Vocabulary.load(files)
    sources, claims = load_references(args.paths, vocabulary).everything()
    if args.format == "json":
        text = dump_claims_file(sources, claims, vocabulary)
    else:
        text = claims_table(claims)
    write_output(text, args.output)
    return 0
