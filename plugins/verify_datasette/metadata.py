"""Sharing ``metadata.yml``'s database block with every verify database, whatever its file name.

Table descriptions, facets and canned queries are written once in ``metadata.yml`` under the
demo database (``verify-demo``); a user's ``reports.db`` has the same tables and deserves the
same queries. At startup we note which served databases have a ``statements`` table, and the
``get_metadata`` hook hands them the demo's block (Datasette's own metadata wins where both
say something).
"""

from __future__ import annotations

import threading
from typing import Any
from weakref import WeakKeyDictionary

TEMPLATE_DATABASE = "verify-demo"

_verify_databases: "WeakKeyDictionary[Any, set[str]]" = WeakKeyDictionary()
_static_names: "WeakKeyDictionary[Any, str]" = WeakKeyDictionary()
_reading = threading.local()


async def find_verify_databases(datasette: Any) -> set[str]:
    """Names of the served databases that hold a verify schema."""
    names = {name for name, db in datasette.databases.items()
             if name != "_internal" and await db.table_exists("statements")}
    _verify_databases[datasette] = names
    return names


def shared_metadata(datasette: Any, database: str | None) -> dict | None:
    """The demo's database block for every other verify database, or None.

    Datasette asks for table metadata through ``metadata("databases")`` (database None), so the
    blocks are offered at that level too. Reading the configured block calls this hook again;
    the guard makes that inner call a no-op.
    """
    if getattr(_reading, "active", False):
        return None
    names = _verify_databases.get(datasette, set()) - {TEMPLATE_DATABASE}
    if database is not None:
        names &= {database}
    if not names:
        return None
    _reading.active = True
    try:
        configured = datasette.metadata("databases") or {}
    finally:
        _reading.active = False
    block = configured.get(TEMPLATE_DATABASE)
    if not block:
        return None
    return {"databases": {name: block for name in names if name not in configured}}


def static_url(datasette: Any, path: str) -> str:
    """URL of a file in our ``static/``; Datasette names the folder after the distribution."""
    name = _static_names.get(datasette)
    if name is None:
        from datasette.plugins import get_plugins

        name = next((p["name"] for p in get_plugins()
                     if (p.get("static_path") or "").rstrip("/").endswith("verify_datasette/static")),
                    "verify_datasette")
        _static_names[datasette] = name
    return datasette.urls.static_plugins(name, path)
