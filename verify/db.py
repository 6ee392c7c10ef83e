"""Opening a verify database: WAL, foreign keys, migrations, and a clear error when it is broken."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .migrations import migrations


class DatabaseError(Exception):
    """The database file cannot be used; the message is one sentence for the user."""


def _check_header(path: Path) -> None:
    """Catch a truncated copy before SQLite reads garbage: the header records the page count."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(b"SQLite format 3\x00"):
        raise DatabaseError(f"{path} is not a usable SQLite database (no SQLite header)")
    if len(header) < 100:
        raise DatabaseError(f"{path} is damaged: truncated inside its header")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter = int.from_bytes(header[24:28], "big")
    pages = int.from_bytes(header[28:32], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    if pages and valid_for == change_counter and path.stat().st_size < pages * page_size:
        raise DatabaseError(
            f"{path} is damaged: {path.stat().st_size:,} bytes where its header promises "
            f"{pages * page_size:,} (a truncated copy?); restore it from a backup")


def open_db(path: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate a verify database.

    WAL lets Datasette read while ingest writes; foreign keys keep statements from outliving
    their report. A file that is not a database, or is truncated, raises DatabaseError with a
    sentence rather than a traceback.
    """
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    _check_header(path)
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
            # The bookkeeping table and its index in one transaction: a kill between the two
            # would leave the table without its unique index for good.
            with db.atomic():
                migrations.ensure_migrations_table(db)
            migrations.apply(db)
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} is not a usable SQLite database ({error})") from error
    return db
