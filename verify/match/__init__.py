"""Cross-matching: every statement against the others, by quote, words and entities.

``compare`` scores one pair; ``match_database`` finds candidates through the index and stores
matches; ``build_claims`` groups matched statements into claims for ``verify score``.
"""

from .claims import build_claims
from .compare import Comparison, compare
from .store import match_database, summary_line

__all__ = ["Comparison", "compare", "match_database", "build_claims", "summary_line"]
