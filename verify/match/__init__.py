"""Cross-matching: every statement against the others, by quote, words and entities.

``compare`` scores one pair; ``match_database`` finds candidates through the index and stores
matches; ``build_claims`` groups matched statements into claims for ``verify score``.
"""

from .compare import Comparison, compare

__all__ = ["Comparison", "compare"]
