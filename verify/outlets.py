"""Outlets and wires: one row each, whatever language or abbreviation names them.

`AFP`, `أ ف ب` and `فرانس برس` must count as one source or every independence count is wrong.
Names resolve through ``outlet_aliases``, seeded from the shipped ``data/outlet_aliases.csv``
(users extend it with ``verify outlets``); an unknown name becomes a new outlet with itself as
its first alias, so a credited outlet that was never ingested still has a row to point at.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from .normalize import normalize_text
from .paths import data_path

_PUNCT = re.compile(r"[\s.\-_'\"()\[\]،,:;/]+")
_OUTLET_FIELDS = ("name", "domain", "owner", "country", "language", "kind")


def alias_key(name: str) -> str:
    """The form aliases are looked up by: normalised, punctuation and spacing folded.

    ``أ.ف.ب``, ``أ ف ب`` and ``ا ف ب`` all become ``ا ف ب``.
    """
    return _PUNCT.sub(" ", normalize_text(name)).strip()


def seed_aliases(db: Database, path: Path | None = None) -> int:
    """Load the shipped alias list once per database (and again when it grows)."""
    path = path or data_path("outlet_aliases.csv")
    if not path.exists():
        return 0
    stamp = f"{path.stat().st_size}:{int(path.stat().st_mtime)}"
    state = db["match_state"]
    try:
        if state.get("outlet_aliases_seeded")["value"] == stamp:
            return 0
    except NotFoundError:
        pass
    added = 0
    with path.open(encoding="utf-8", newline="") as handle, db.atomic():
        for row in csv.DictReader(handle):
            name = (row.get("name") or "").strip()
            alias = (row.get("alias") or "").strip()
            if not name or not alias:
                continue
            outlet_id = ensure_outlet(
                db, name, kind=row.get("kind") or None, domain=row.get("domain") or None,
                country=row.get("country") or None, resolve=False,
            )
            added += add_alias(db, outlet_id, alias, language=row.get("language") or None,
                               origin="shipped")
    state.upsert({"key": "outlet_aliases_seeded", "value": stamp}, pk="key")
    return added


def add_alias(db: Database, outlet_id: int, alias: str, *, language: str | None = None,
              origin: str | None = None) -> int:
    """Map ``alias`` to the outlet unless it already maps somewhere; 1 if added."""
    key = alias_key(alias)
    if not key:
        return 0
    cursor = db.execute(
        "INSERT OR IGNORE INTO outlet_aliases(alias, outlet_id, language, origin) VALUES (?,?,?,?)",
        [key, outlet_id, language, origin],
    )
    return cursor.rowcount


def find_outlet(db: Database, name: str) -> dict | None:
    """The outlet a name or alias refers to, or None."""
    key = alias_key(name)
    row = db.execute(
        "SELECT o.* FROM outlet_aliases a JOIN outlets o ON o.id = a.outlet_id WHERE a.alias = ?",
        [key],
    ).fetchone()
    if row is None:
        row = db.execute("SELECT * FROM outlets WHERE name = ?", [name.strip()]).fetchone()
    if row is None:
        return None
    columns = [c[0] for c in db.execute("SELECT * FROM outlets LIMIT 0").description]
    return dict(zip(columns, row))


def find_outlet_by_domain(db: Database, domain: str) -> dict | None:
    """The outlet whose domain is ``domain`` or a parent of it (``www.`` and subdomains)."""
    domain = domain.lower().strip(".")
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        rows = list(db["outlets"].rows_where("domain = ?", [candidate], limit=1))
        if rows:
            return rows[0]
    return None


def ensure_outlet(db: Database, name: str, *, kind: str | None = None, domain: str | None = None,
                  owner: str | None = None, country: str | None = None,
                  language: str | None = None, resolve: bool = True) -> int:
    """Find the outlet ``name`` refers to, or create it; fill facts it did not have yet.

    Facts already recorded are not overwritten here (``verify outlets`` does that on purpose),
    so one odd input row cannot change an outlet's owner.
    """
    existing = find_outlet(db, name) if resolve else None
    if existing is None:
        rows = list(db["outlets"].rows_where("name = ?", [name.strip()], limit=1))
        existing = rows[0] if rows else None
    facts = {"kind": kind, "domain": domain.lower() if domain else None, "owner": owner,
             "country": country, "language": language}
    if existing is None:
        record = {"name": name.strip(), **{k: v for k, v in facts.items() if v}}
        outlet_id = db["outlets"].insert(record).last_pk
        add_alias(db, outlet_id, name, origin="ingest")
        return outlet_id
    missing = {k: v for k, v in facts.items() if v and not existing.get(k)}
    if missing:
        db["outlets"].update(existing["id"], missing)
    return existing["id"]


@dataclass
class OutletImport:
    """What ``verify outlets`` did, for its summary line."""

    created: int = 0
    updated: int = 0
    failed: list[str] = field(default_factory=list)

    def counts(self) -> dict:
        """The counts a ``runs`` row records."""
        return {"created": self.created, "updated": self.updated, "failed": len(self.failed)}

    def line(self) -> str:
        """The one-line summary."""
        return f"{self.created} created, {self.updated} updated, {len(self.failed)} failed"


def import_outlets(db: Database, path: Path) -> OutletImport:
    """Import outlet facts (CSV: name, domain, owner, country, language[, kind, aliases]).

    These are deliberate facts from the user, so they overwrite what ingest guessed. An
    ``aliases`` column (``|``-separated) adds names the outlet is also credited by.
    """
    result = OutletImport()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise ValueError(f"{path}: the header must have a 'name' column")
        for line, row in enumerate(reader, start=2):
            name = (row.get("name") or "").strip()
            if not name:
                result.failed.append(f"{path}:{line}: no name")
                continue
            with db.atomic():
                existing = find_outlet(db, name)
                facts = {k: (row.get(k) or "").strip() or None for k in _OUTLET_FIELDS[1:]}
                if facts.get("domain"):
                    facts["domain"] = facts["domain"].lower()
                if existing is None:
                    outlet_id = ensure_outlet(db, name, **facts)
                    result.created += 1
                else:
                    outlet_id = existing["id"]
                    changes = {k: v for k, v in facts.items() if v and v != existing.get(k)}
                    if changes:
                        db["outlets"].update(outlet_id, changes)
                        result.updated += 1
                for alias in (row.get("aliases") or "").split("|"):
                    if alias.strip():
                        add_alias(db, outlet_id, alias.strip(), origin=str(path))
    return result
