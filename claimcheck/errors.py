"""Errors claimcheck raises for bad input, configuration or vocabulary.

The tree::

    ClaimcheckError            anything the user can fix; one line, names the file
    ├── InputError             a source, draft, report or claims file that cannot be read
    ├── ConfigError            a configuration file or option that is wrong
    ├── VocabularyError        a vocabulary (lexicon) file that is wrong
    └── ExpectationsError      a regression case's expectations file that is wrong

A discrepancy between sources is *not* an error: it is data (`Discrepancy`).
Anything raised that is not a `ClaimcheckError` is a bug in claimcheck.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ClaimcheckError", "InputError", "ConfigError", "VocabularyError", "ExpectationsError", "read_input_file"]


class ClaimcheckError(Exception):
    """A problem the user can fix, rendered as one line naming the file.

    `path` is the file (or `None` when the problem is not in a file), `line` a
    1-based line number where one applies, `problem` what is wrong.
    """

    def __init__(self, problem: str, *, path: str | Path | None = None, line: int | None = None) -> None:
        self.problem = problem
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The one-line form: ``path:line: problem``."""
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.problem}" if where else self.problem

    def __str__(self) -> str:
        return self.message


class InputError(ClaimcheckError):
    """A source, draft, saved report or claims file that cannot be read."""


class ConfigError(ClaimcheckError):
    """A configuration file, option or rule selector that is wrong."""


class VocabularyError(ClaimcheckError):
    """A vocabulary file (measures, qualifiers, events …) that is malformed."""


class ExpectationsError(ClaimcheckError):
    """A regression case's expectations file (expected.yaml) that is malformed or names unknown rules or sources."""


def read_input_file(path: Path, what: str, *, missing: str | None = None, error: type[ClaimcheckError] = InputError) -> bytes:
    """The bytes of `path`, or `error` naming it: missing, a folder, or unreadable.

    `what` names the kind of file in the message ("baseline file": "cannot read
    the baseline file: Permission denied"); `missing` replaces the message for a
    file that is not there.
    """
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(missing or f"no such {what}", path=path) from None
    except IsADirectoryError:
        raise error(f"a folder, not a {what}", path=path) from None
    except OSError as exc:
        raise error(f"cannot read the {what}: {exc.strerror}", path=path) from None
