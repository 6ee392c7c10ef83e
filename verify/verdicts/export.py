"""``verify export-claimreview DB``: verdicts that hold for statements, as ClaimReview JSON-LD.

What the workbench adds to a fact-checker's verdict is where the claim went: every report of
the database whose statement carries the same words (a ``same_quote`` link) becomes an
``appearance`` of the ``Claim``, the earliest one its ``firstAppearance``, and the speaker
extraction found its ``author``. Paraphrase links are left out of the appearances: they are
published under the fact-checker's name, and a paraphrase match is the machine's judgement. The output is a JSON array of ClaimReview objects, each with its own
``@context`` (Google reads a root object whose ``@type`` it knows), with every property
Google's ClaimReview documentation requires or recommends when the data has it.
``tests/fixtures/claimreview_google_properties.json`` records those properties, and the tests
check the export against it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlite_utils import Database

from .ratings import label_for

__all__ = ["ExportResult", "export_claimreview", "SCALE"]

SCALE = (1, 5)  # worstRating, bestRating of the exported numbers: schema.org's default scale
_UNKNOWN_SPEAKER_KINDS = {"anonymous", "media"}


@dataclass
class ExportResult:
    """The ClaimReview objects, and a reason for each verdict that could not become one."""

    claimreviews: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def json(self) -> str:
        """The JSON-LD document (an array), UTF-8 text as written to a file."""
        return json.dumps(self.claimreviews, ensure_ascii=False, indent=2)

    def line(self) -> str:
        """The one-line summary."""
        return f"{len(self.claimreviews)} exported, {len(self.skipped)} skipped"


def _web(url: str | None) -> bool:
    return bool(url) and urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).hostname)


def _number(value: float) -> int | float:
    low, high = SCALE
    scaled = round(low + value * (high - low), 2)
    return int(scaled) if scaled == int(scaled) else scaled


def _rating(verdict: dict) -> dict:
    label = verdict["rating"] or label_for(verdict["rating_value"])
    rating = {"@type": "Rating", "alternateName": label, "name": label}
    if verdict["rating_value"] is not None:
        rating.update(ratingValue=_number(verdict["rating_value"]), bestRating=SCALE[1],
                      worstRating=SCALE[0])
    return rating


def _appearances(db: Database, verdict: dict) -> list[dict]:
    """The verdict's own appearances, then every report carrying the same words, oldest first."""
    rows = db.execute(
        """
        SELECT DISTINCT coalesce(r.final_url, r.url), r.title, r.published_at, o.name
        FROM verdict_links l JOIN statements s ON s.uid = l.statement_uid
        JOIN reports r ON r.id = s.report_id LEFT JOIN outlets o ON o.id = r.outlet_id
        WHERE l.verdict_id = ? AND l.relation = 'same_quote'
        ORDER BY r.published_at IS NULL, r.published_at, r.id
        """, [verdict["id"]]).fetchall()
    works: dict[str, dict] = {}
    for url in json.loads(verdict["appearance"] or "[]"):
        if _web(url):
            works.setdefault(url, {"@type": "CreativeWork", "url": url})
    for url, title, published, outlet in rows:
        if not _web(url):
            continue
        work = works.setdefault(url, {"@type": "CreativeWork", "url": url})
        if title:
            work["headline"] = title
        if published:
            work["datePublished"] = published
        if outlet:
            work["publisher"] = {"@type": "Organization", "name": outlet}
    return list(works.values())


def _claim(db: Database, verdict: dict, appearances: list[dict]) -> dict:
    claim: dict = {"@type": "Claim"}
    speaker = db.execute(
        "SELECT sp.name, sp.kind FROM statements s JOIN speakers sp ON sp.id = s.speaker_id "
        "WHERE s.id = ?", [verdict["statement_id"]]).fetchone()
    if verdict["claimant"]:
        claim["author"] = {"@type": "Person", "name": verdict["claimant"]}
    elif speaker and speaker[1] not in _UNKNOWN_SPEAKER_KINDS:
        kind = "Organization" if speaker[1] == "organisation" else "Person"
        claim["author"] = {"@type": kind, "name": speaker[0]}
    dated = sorted(w["datePublished"] for w in appearances if w.get("datePublished"))
    claim_date = verdict["claim_date"] or (dated[0] if dated else None)
    if claim_date:
        claim["datePublished"] = claim_date
    if appearances:
        first = min(appearances, key=lambda w: w.get("datePublished") or "9999")
        claim["firstAppearance"] = first
        claim["appearance"] = appearances
    return claim


def export_claimreview(db: Database) -> ExportResult:
    """One ClaimReview for every verdict that is about a statement of the database.

    A verdict without a web ``url`` is skipped with a reason: Google requires it, and it is
    the fact-checker's page that the ClaimReview points readers to.
    """
    result = ExportResult()
    columns = [c[0] for c in db.execute("SELECT * FROM verdicts LIMIT 0").description]
    for row in db.execute("SELECT * FROM verdicts WHERE statement_id IS NOT NULL ORDER BY id").fetchall():
        verdict = dict(zip(columns, row))
        if not _web(verdict["url"]):
            result.skipped.append(f"verdict {verdict['id']} ({verdict['reviewer'] or 'unknown reviewer'}): "
                                  "no http(s) url for the fact-check")
            continue
        if verdict["rating"] is None and verdict["rating_value"] is None:
            result.skipped.append(f"verdict {verdict['id']}: no rating")
            continue
        parts = urlsplit(verdict["url"])
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": verdict["url"],
            "claimReviewed": verdict["claim_text"],
            "author": {"@type": "Organization", "name": verdict["reviewer"] or parts.hostname,
                       "url": f"{parts.scheme}://{parts.netloc}/"},
            "reviewRating": _rating(verdict),
            "itemReviewed": _claim(db, verdict, _appearances(db, verdict)),
        }
        if verdict["published_at"]:
            review["datePublished"] = verdict["published_at"]
        if verdict["language"]:
            review["inLanguage"] = verdict["language"]
        result.claimreviews.append(review)
    return result
