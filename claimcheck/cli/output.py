"""Writing command output: to stdout, or atomically to a file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from ..errors import InputError

__all__ = ["write_output", "check_output_path"]


def check_output_path(path: str | None) -> None:
    """Raise `InputError` when `path` plainly cannot be written (checked before any work is done).

    Only what can be told without writing: the folder is missing, or `path`
    is itself a folder. Anything else (permissions, a read-only file system)
    shows when `write_output` tries.
    """
    if path is None or path == "-":
        return
    target = Path(path)
    if target.is_dir():
        raise InputError("cannot write the output here: it is a folder, not a file", path=path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("cannot write the output here: the folder does not exist", path=path)


def write_output(text: str, path: str | None) -> None:
    """Write `text` to `path` atomically (temporary file, then rename), or to stdout.

    A reader of `path` sees the old content or the new, never half of it, and
    no temporary file is left behind. A `path` that is a device or a pipe
    (``/dev/null``, a FIFO) is written into as it is. Any failure to write is an `InputError`
    naming `path` (exit 2 from the command line), never a traceback.
    """
    if path is None or path == "-":
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    check_output_path(path)
    target = Path(path)
    if target.exists() and not target.is_file():
        # A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO): written into, never
        # replaced by a rename, which would put a plain file where the device was.
        _write_in_place(text, path)
        return
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot_write(exc, path) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text if text.endswith("\n") else text + "\n")
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(exc, path) from None
        raise


def _write_in_place(text: str, path: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write(text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        raise _cannot_write(exc, path) from None


def _cannot_write(exc: OSError, path: str) -> InputError:
    if isinstance(exc, IsADirectoryError):
        return InputError("cannot write the output here: it is a folder, not a file", path=path)
    reason = exc.strerror or exc.__class__.__name__
    return InputError(f"cannot write the output: {reason}", path=path)


def _mode_for(target: Path) -> int:
    """The existing file's mode, else 0666 less the process's umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
