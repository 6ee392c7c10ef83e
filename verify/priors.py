"""Outlet priors: what is known of an outlet's reliability before its reports are compared.

Reliability starts from the prior and moves with evidence, so an outlet with a long record of
quality ratings should not start level with an anonymous site. Two sources, the user's first:

- ``verify priors DB FILE``: a CSV of ``domain,score`` (0–1; optional ``source`` or
  ``rating_source`` naming who rated it), for the ratings a newsroom trusts;
- the default: Lin et al. 2023's aggregate quality ratings of 11,520 news domains
  (``data/domain_ratings.csv``), applied to outlets that have no prior from the user.

An outlet matches the most specific rated name of its domain: ``news.sky.com`` its own rating,
``www.bbc.co.uk`` and ``arabic.bbc.co.uk`` that of ``bbc.co.uk`` (``www.`` and subdomains fall
back to the registered domain, found with the Public Suffix List that ``publicsuffixlist``
ships: it never downloads). A rating of a page path (``rfi.fr/en``) or of a whole public suffix
(``blogspot.com``) says nothing about one outlet and is not applied. Outlets nobody rated keep
``prior`` NULL, read as a neutral 0.5 with ``prior_origin`` NULL.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList
from sqlite_utils import Database

from .paths import data_path

__all__ = ["PriorImport", "import_priors", "apply_default_priors", "registered_domain",
           "DEFAULT_ORIGIN"]

DEFAULT_ORIGIN = "Lin et al. 2023, PNAS Nexus (domain quality pc1)"
_SCORE_COLUMNS = ("score", "pc1")
_SOURCE_COLUMNS = ("source", "rating_source")


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


def _host(value: str) -> tuple[str | None, str | None]:
    """The host a domain or URL names (lowercase, no ``www.``), or None and the reason."""
    text = value.strip().lower()
    if not text:
        return None, "no domain"
    parts = urlsplit(text if "//" in text else f"//{text}")
    if parts.path not in ("", "/") or parts.query:
        return None, f"{value.strip()!r} names a page path, not a domain: priors rate whole domains"
    try:
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        host = ""
    if not host or " " in host:
        return None, f"{value.strip()!r} is not a domain"
    host = host.removeprefix("www.")
    if _psl().privatesuffix(host) is None:
        return None, f"{value.strip()!r} is a public suffix or not a registrable domain"
    return host, None


def registered_domain(domain: str) -> str | None:
    """``arabic.bbc.co.uk`` → ``bbc.co.uk``; None for a public suffix, an IP or garbage."""
    host, _ = _host(domain)
    return _psl().privatesuffix(host) if host else None


def _lookup_chain(host: str) -> list[str]:
    """The host, then each parent down to the registered domain: most specific first."""
    top = _psl().privatesuffix(host)
    chain = [host]
    while top and chain[-1] != top and "." in chain[-1]:
        chain.append(chain[-1].split(".", 1)[1])
    return chain


def _match(db: Database, ratings: dict[str, tuple[float, str]], *, only_without_user_prior: bool
           ) -> dict[int, tuple[str, float, str]]:
    """Outlet id → (rated host, score, origin) for outlets whose domain has a rating."""
    found = {}
    for outlet_id, domain, origin in db.execute(
            "SELECT id, domain, prior_origin FROM outlets WHERE domain IS NOT NULL").fetchall():
        if only_without_user_prior and origin not in (None, DEFAULT_ORIGIN):
            continue
        host, _ = _host(domain)
        if not host:
            continue
        for candidate in _lookup_chain(host):
            if candidate in ratings:
                found[outlet_id] = (candidate, *ratings[candidate])
                break
    return found


@lru_cache(maxsize=2)
def _default_ratings(path: Path) -> dict[str, tuple[float, str]]:
    ratings = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            host, _ = _host(row.get("domain") or "")
            try:
                score = float(row.get("pc1") or row.get("score") or "")
            except ValueError:
                continue
            if host and 0.0 <= score <= 1.0:
                ratings[host] = (score, DEFAULT_ORIGIN)
    return ratings


def apply_default_priors(db: Database, path: Path | None = None) -> int:
    """Give outlets without a user prior the Lin et al. 2023 rating of their domain.

    Run it whenever outlets may have been added (``verify priors`` and before scoring): it only
    fills or refreshes default priors, never a user's. Returns how many outlets have one.
    """
    ratings = _default_ratings(path or data_path("domain_ratings.csv"))
    found = _match(db, ratings, only_without_user_prior=True)
    with db.atomic():
        for outlet_id, (_, score, origin) in found.items():
            db.execute("UPDATE outlets SET prior = ?, prior_origin = ? WHERE id = ?",
                       [score, origin, outlet_id])
    return len(found)


@dataclass
class PriorImport:
    """What ``verify priors`` did, for its summary line and exit status."""

    rows: int = 0
    matched: int = 0
    unmatched: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    defaults: int = 0

    def counts(self) -> dict:
        """The counts a ``runs`` row records."""
        return {"rows": self.rows, "matched": self.matched, "unmatched": len(self.unmatched),
                "failed": len(self.failed), "defaults": self.defaults}

    def line(self) -> str:
        """The one-line summary."""
        return (f"{self.rows} ratings read: {self.matched} outlets matched, {len(self.unmatched)} "
                f"unmatched, {len(self.failed)} failed; {self.defaults} outlets on the default "
                "prior (Lin et al. 2023)")


def import_priors(db: Database, path: str | Path, *, source: str | None = None) -> PriorImport:
    """Import outlet ratings (CSV: ``domain``, ``score`` 0–1, optional ``source``) as priors.

    ``source`` names the rating set when the file has no source column (default: the file
    name); it is stored in ``prior_origin`` so every reliability score can say where it started.
    Bad rows are reported with their line and reason; domains that match no outlet are listed
    in ``unmatched`` (import again after ingesting their reports).
    """
    path = Path(path)
    result = PriorImport()
    ratings: dict[str, tuple[float, str]] = {}
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [(h or "").strip().lower() for h in reader.fieldnames or []]
        score_column = next((c for c in _SCORE_COLUMNS if c in header), None)
        if "domain" not in header or score_column is None:
            raise ValueError(f"{path}: the header needs 'domain' and 'score' columns")
        for line, raw in enumerate(reader, start=2):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()
                   if isinstance(v, str)}
            host, reason = _host(row.get("domain", ""))
            if host is None:
                result.failed.append(f"{path}:{line}: {reason}")
                continue
            text = row.get(score_column, "")
            try:
                score = float(text)
            except ValueError:
                result.failed.append(f"{path}:{line}: score {text!r} is not a number")
                continue
            if not 0.0 <= score <= 1.0:
                result.failed.append(f"{path}:{line}: score {score:g} outside 0…1")
                continue
            if host in seen:
                result.failed.append(f"{path}:{line}: {host} already rated on line {seen[host]}")
                continue
            seen[host] = line
            origin = next((row[c] for c in _SOURCE_COLUMNS if row.get(c)), None) or source or path.name
            ratings[host] = (score, origin)
    result.rows = len(ratings)
    found = _match(db, ratings, only_without_user_prior=False)
    with db.atomic():
        for outlet_id, (_, score, origin) in found.items():
            db.execute("UPDATE outlets SET prior = ?, prior_origin = ? WHERE id = ?",
                       [score, origin, outlet_id])
    used = {host for host, _, _ in found.values()}
    result.matched = len(found)
    result.unmatched = sorted(set(ratings) - used)
    result.defaults = apply_default_priors(db)
    return result
