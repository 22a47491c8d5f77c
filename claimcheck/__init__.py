"""claimcheck: find factual discrepancies between news sources."""

from .check import check
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
from .sources import load_sources
from .vocabulary import Vocabulary

__all__ = [
    "Attribution",
    "Claim",
    "ClaimKind",
    "ClaimcheckError",
    "ConfigError",
    "DatePrecision",
    "DateRole",
    "DateValue",
    "Duration",
    "DurationUnit",
    "EventMention",
    "InputError",
    "Interval",
    "Qualifier",
    "Quantity",
    "Role",
    "Source",
    "Span",
    "TemporalClass",
    "Vocabulary",
    "VocabularyError",
    "check",
    "extract",
    "load_sources",
]
