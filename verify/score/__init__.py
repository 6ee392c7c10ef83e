"""``verify score``: claims, report links, corroboration and reliability (see ``pipeline``)."""

from .pipeline import score_database, score_from_claims, summary_line

__all__ = ["score_database", "score_from_claims", "summary_line"]
