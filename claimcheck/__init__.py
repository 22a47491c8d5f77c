"""claimcheck: find factual discrepancies between news sources.

The names below are imported from their modules when first used (PEP 562):
pytest imports ``claimcheck.pytest_plugin`` in every run of any project that
has claimcheck installed, and that must not load the pipeline (pydantic,
YAML, the rules and extractors) until a case or fixture needs it.
"""

from __future__ import annotations

import importlib as _importlib
import sys as _sys
import types as _types
from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:
    from .check import check
    from .compare import build_report, compare
    from .config import Config, Tolerances
    from .errors import ClaimcheckError, ConfigError, InputError, VocabularyError
    from .extract import extract
    from .model import (
        Attribution,
        Claim,
        ClaimKind,
        DatePrecision,
        DateRole,
        DateValue,
        Duration,
        DurationUnit,
        EventMention,
        Interval,
        Qualifier,
        Quantity,
        Role,
        Source,
        Span,
        TemporalClass,
    )
    from .report import ClaimGroup, Discrepancy, Report, Severity
    from .sources import load_sources
    from .vocabulary import Vocabulary

#: Where each public name lives.
_EXPORTS: dict[str, str] = {
    name: module
    for module, names in {
        "check": ("check",),
        "compare": ("build_report", "compare"),
        "config": ("Config", "Tolerances"),
        "errors": ("ClaimcheckError", "ConfigError", "InputError", "VocabularyError"),
        "extract": ("extract",),
        "model": (
            "Attribution", "Claim", "ClaimKind", "DatePrecision", "DateRole", "DateValue", "Duration", "DurationUnit",
            "EventMention", "Interval", "Qualifier", "Quantity", "Role", "Source", "Span", "TemporalClass",
        ),
        "report": ("ClaimGroup", "Discrepancy", "Report", "Severity"),
        "sources": ("load_sources",),
        "vocabulary": ("Vocabulary",),
    }.items()
    for name in names
}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


class _Package(_types.ModuleType):
    """The package's module type: `check`, `compare` and `extract` stay the functions.

    They share their names with submodules, and importing a submodule sets the
    package's attribute of that name to the module; without these properties,
    the first ``import claimcheck.compare`` (by the pipeline itself) would
    leave ``claimcheck.compare`` the module instead of the function.
    """


def _shadowed(name: str) -> property:
    submodule = f"{__name__}.{name}"

    def get(module: _types.ModuleType) -> object:
        if name in module.__dict__:
            return module.__dict__[name]
        return __getattr__(name)

    def set_(module: _types.ModuleType, value: object) -> None:
        if isinstance(value, _types.ModuleType) and value.__name__ == submodule:
            return  # the import system binding the submodule: the function keeps the name
        module.__dict__[name] = value

    def delete(module: _types.ModuleType) -> None:
        module.__dict__.pop(name, None)

    return property(get, set_, delete, doc=f"claimcheck.{name}, the function")


for _name in ("check", "compare", "extract"):
    setattr(_Package, _name, _shadowed(_name))
del _name
_sys.modules[__name__].__class__ = _Package

__all__ = [
    "__version__",
    "Attribution",
    "Claim",
    "ClaimGroup",
    "ClaimKind",
    "ClaimcheckError",
    "Config",
    "ConfigError",
    "DatePrecision",
    "DateRole",
    "DateValue",
    "Discrepancy",
    "Duration",
    "DurationUnit",
    "EventMention",
    "InputError",
    "Interval",
    "Qualifier",
    "Quantity",
    "Report",
    "Role",
    "Severity",
    "Source",
    "Span",
    "TemporalClass",
    "Tolerances",
    "Vocabulary",
    "VocabularyError",
    "build_report",
    "check",
    "compare",
    "extract",
    "load_sources",
]
