"""Suppression rules: comments in a draft that suppress nothing, or name no rule.

These rules report on a draft's suppression comments (docs/ci.md), so they
need the other rules' findings: their scope is "suppression", the engine
skips them, and `claimcheck.suppress.apply_suppressions` calls `finding` for
each comment entry that needs reporting, after the report is built.
"""

from __future__ import annotations

from ..report import ClaimRef, Discrepancy, Severity, fingerprint
from .base import Rule

__all__ = ["UnusedSuppression", "InvalidSuppression"]


class _SuppressionRule(Rule):
    scope = "suppression"

    @classmethod
    def finding(cls, comment: ClaimRef, directive: str, selector: str, message: str, explanation: str) -> Discrepancy:
        """A finding at the comment `comment` cites, about one of its entries (`selector`)."""
        return Discrepancy(
            rule=cls.code,
            name=cls.name,
            severity=cls.severity,
            message=message,
            claims=[comment],
            explanation=explanation,
            readings=[],
            group_id=None,
            fingerprint=fingerprint(cls.code, (comment.source_id, directive, selector), [(comment.source_id, comment.value)]),
        )


class UnusedSuppression(_SuppressionRule):
    """A suppression comment, or one code in it, that suppresses nothing.

    ``<!-- claimcheck: ignore[CC101] … -->`` in a draft hides a CC101 finding on
    its line or in the paragraph after it; ``disable[…]``/``enable[…]`` hide
    findings between them; ``file-ignore[…]`` in the whole draft. When a code
    in such a comment hides no finding — the figure was fixed, the paragraph
    moved, or the rule is not enabled — the comment is stale, and this rule
    says so, naming the code, so that it gets cleaned up. An ``enable[…]``
    is not reported: it only closes a range.
    """

    code = "CC901"
    name = "unused-suppression"
    severity = Severity.WARNING


class InvalidSuppression(_SuppressionRule):
    """A suppression comment that names an unknown rule, or no rule at all.

    Codes are required (``ignore[CC101]``; a code prefix such as ``CC1`` or a
    rule name such as ``count-mismatch`` also works): a comment such as
    ``<!-- claimcheck: ignore -->``, one that names a code no rule has, an
    unknown directive (``ignroe[…]``) or an ``enable[…]`` with no
    ``disable[…]`` before it is reported here. The other codes of the comment
    still apply.
    """

    code = "CC902"
    name = "invalid-suppression"
    severity = Severity.WARNING
