"""``verify verdicts DB FILE``: store the verdicts of a file, then link them to statements."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from .claimreview import read_verdicts
from .linking import link_verdicts
from .ratings import RatingTable

__all__ = ["VerdictImport", "import_verdicts"]


@dataclass
class VerdictImport:
    """What ``verify verdicts`` did, for its summary line and exit status."""

    imported: int = 0
    updated: int = 0
    linked: int = 0
    unlinked: int = 0
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    links: dict = field(default_factory=dict)

    def counts(self) -> dict:
        """The counts a ``runs`` row records."""
        return {"imported": self.imported, "updated": self.updated, "linked": self.linked,
                "unlinked": self.unlinked, "failed": len(self.failed)}

    def line(self) -> str:
        """The one-line summary."""
        return (f"{self.imported} imported, {self.updated} updated, {self.linked} linked, "
                f"{self.unlinked} unlinked, {len(self.failed)} failed")


def import_verdicts(db: Database, path: str | Path, *, table: RatingTable | None = None,
                    link: bool = True) -> VerdictImport:
    """Import ClaimReview JSON-LD, a saved fact-check page, or CSV; link the verdicts.

    A verdict already stored (same ``url`` and claim text) is updated in place, so importing a
    fact-checker's feed again picks up changed ratings without duplicating anything. Bad
    ClaimReviews and rows are listed in ``failed`` with a reason; the rest are stored.
    ``linked``/``unlinked`` count every verdict in the database after linking.
    """
    parsed = read_verdicts(path, table=table)
    result = VerdictImport(failed=list(parsed.failures), warnings=list(parsed.warnings))
    with db.atomic():
        for record in parsed.records:
            row = record.as_row()
            existing = db.execute("SELECT id FROM verdicts WHERE url IS ? AND claim_text = ?",
                                  [row["url"], row["claim_text"]]).fetchone()
            if existing:
                db["verdicts"].update(existing[0], row)
                result.updated += 1
            else:
                db["verdicts"].insert(row)
                result.imported += 1
    if link:
        result.links = link_verdicts(db)
        result.linked, result.unlinked = result.links["linked"], result.links["unlinked"]
    return result
