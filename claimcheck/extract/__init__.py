"""Extraction: figures in a source read as typed claims (see `extract`)."""

from .pipeline import extract, iter_claims

__all__ = ["extract", "iter_claims"]
