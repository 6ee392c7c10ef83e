"""How far sources can be trusted: truth discovery over conflicting claims (``truth``)."""

from verify.reliability.truth import (
    Copying,
    DiscoveryResult,
    Explanation,
    Trust,
    ValueSupport,
    Vote,
    discover,
)

__all__ = [
    "Copying",
    "DiscoveryResult",
    "Explanation",
    "Trust",
    "ValueSupport",
    "Vote",
    "discover",
]
