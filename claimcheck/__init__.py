"""claimcheck: find factual discrepancies between news sources."""

from ._version import __version__
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
