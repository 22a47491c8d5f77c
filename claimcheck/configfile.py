"""Finding and reading configuration files.

claimcheck reads its settings from, in this order of precedence:

1. the file named by ``--config FILE`` (a claimcheck.toml, or a pyproject.toml
   with a ``[tool.claimcheck]`` table);
2. else the nearest configuration file to the working directory: in the
   working directory and then each folder above it, ``claimcheck.toml`` and
   then ``pyproject.toml`` with a ``[tool.claimcheck]`` table; the first one
   found wins and no other is read (no merging).

Flags override what the file says. Keys are those of `Config` (snake_case, as
`claimcheck schema config` prints them); an unknown key, a bad value or an
unknown rule code is a `ConfigError` naming the file, the key and, where it
can be found, the line. Relative paths in the file are taken from the file's
folder.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .config import Config
from .errors import ConfigError, read_input_file
from .rules import RETIRED, RULES, resolve_selector
from .tomlfile import key_line, parse_toml

__all__ = ["ConfigFile", "find_config_file", "load_config_file", "discover_config", "check_selectors"]

_CLAIMCHECK_TOML = "claimcheck.toml"
_PYPROJECT = "pyproject.toml"
_PATH_KEYS = ("references", "vocabulary")


@dataclass(frozen=True)
class ConfigFile:
    """A configuration as read from a file: the settings, the file, and the folder paths count from."""

    config: Config
    path: Path | None

    @property
    def root(self) -> Path:
        """The folder relative paths and per-file patterns count from (the working directory when there is no file)."""
        return self.path.parent if self.path is not None else Path.cwd()


def find_config_file(start: str | Path | None = None) -> Path | None:
    """The nearest claimcheck.toml, or pyproject.toml with [tool.claimcheck], from `start` upward."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / _CLAIMCHECK_TOML
        if own.is_file():
            return own
        pyproject = candidate / _PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def discover_config(explicit: str | Path | None = None, start: str | Path | None = None) -> ConfigFile:
    """The configuration `--config` names, else the nearest file's, else the defaults."""
    if explicit is not None:
        return load_config_file(explicit)
    found = find_config_file(start)
    return load_config_file(found) if found is not None else ConfigFile(Config(), None)


def load_config_file(path: str | Path) -> ConfigFile:
    """Read and validate one configuration file (claimcheck.toml, or pyproject.toml's [tool.claimcheck])."""
    path = Path(path)
    text = _read(path)
    document = parse_toml(text, path, ConfigError)
    if path.name == _PYPROJECT:
        data = document.get("tool", {}).get("claimcheck")
        if data is None:
            raise ConfigError("no [tool.claimcheck] table", path=path)
        table = "[tool.claimcheck]"
    else:
        data = document
        table = path.name
    if not isinstance(data, dict):
        raise ConfigError(f"{table} must be a table", path=path)
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise _config_error(exc, path, text, table) from None
    config = _resolve_paths(config, path.parent)
    check_selectors(config, where=str(path))
    return ConfigFile(config, path.resolve())


def check_selectors(config: Config, *, where: str | None = None) -> None:
    """Raise `ConfigError` for a rule selector in `config` that names no rule."""
    lists: list[tuple[str, Iterable[str]]] = [("select", config.select), ("ignore", config.ignore), ("severity", config.severity)]
    lists += [(f"per_file_ignores.{pattern!r}", codes) for pattern, codes in config.per_file_ignores.items()]
    for key, selectors in lists:
        for selector in selectors:
            problem = selector_problem(selector)
            if problem:
                raise ConfigError(f"{key}: {problem}", path=where)


def selector_problem(selector: str) -> str | None:
    """Why `selector` names no rule, or `None` when it names at least one."""
    if resolve_selector(selector):
        return None
    if selector.upper() in RETIRED:
        return f'rule {selector} was retired: {RETIRED[selector.upper()]}'
    names = [c for c in RULES] + [cls.name for cls in RULES.values()]
    close = difflib.get_close_matches(selector, names, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f'unknown rule "{selector}"{hint}; `claimcheck rules` lists them'


def _read(path: Path) -> str:
    raw = read_input_file(path, "configuration file", error=ConfigError)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=path) from None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml is reported only if it is the one claimcheck reads.
        return "[tool.claimcheck" in pyproject.read_text(encoding="utf-8", errors="replace")
    return isinstance(document.get("tool"), dict) and "claimcheck" in document["tool"]


def _config_error(exc: ValidationError, path: Path, text: str, table: str) -> ConfigError:
    error = exc.errors()[0]
    location = [str(p) for p in error["loc"]]
    key = location[-1] if location else ""
    dotted = ".".join(location)
    line = key_line(text, key) if key else None
    if error["type"] == "extra_forbidden":
        parent = Config if len(location) == 1 else None
        known = list(parent.model_fields) if parent is not None else []
        close = difflib.get_close_matches(key.replace("-", "_"), known, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        return ConfigError(f'unknown key "{dotted}" in {table}{hint}', path=path, line=line)
    return ConfigError(f'{dotted}: {error["msg"]}', path=path, line=line)


def _resolve_paths(config: Config, folder: Path) -> Config:
    update: dict[str, Any] = {key: [_relative(p, folder) for p in getattr(config, key)] for key in _PATH_KEYS}
    if config.baseline is not None:
        update["baseline"] = _relative(config.baseline, folder)
    # A pattern with a folder in it counts from the configuration file's folder.
    update["per_file_ignores"] = {
        (pattern if "/" not in pattern or pattern.startswith("/") else (folder.resolve() / pattern).as_posix()): codes
        for pattern, codes in config.per_file_ignores.items()
    }
    return config.model_copy(update=update)


def _relative(path: str, folder: Path) -> str:
    p = Path(path)
    return str(p if p.is_absolute() else _shortest(folder / p))


def _shortest(path: Path) -> Path:
    """`path` relative to the working directory when it lies below it (shorter messages and output paths)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
