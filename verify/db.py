"""Opening a verify database: WAL, foreign keys, migrations, and a clear error when it is broken."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .migrations import migrations


class DatabaseError(Exception):
    """The database file cannot be used; the message is one sentence for the user."""


def open_db(path: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate a verify database.

    WAL lets Datasette read while ingest writes; foreign keys keep statements from outliving
    their report. A file that is not a database, or is truncated, raises DatabaseError with a
    sentence rather than a traceback.
    """
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    try:
        conn = sqlite3.connect(str(path), timeout=30)
        db = Database(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        if db.journal_mode != "wal":
            db.enable_wal()
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if migrate:
            migrations.apply(db)
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} is not a usable SQLite database ({error})") from error
    return db
