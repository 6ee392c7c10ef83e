"""Every command leaves a ``runs`` row: what ran, with which version, what it counted, how long.

Parameters are private (they can hold file paths and URLs) and are dropped on publish.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

from sqlite_utils import Database

from . import __version__


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class Run:
    """The open run; set ``counts`` before the block ends."""

    def __init__(self, run_id: int) -> None:
        self.id = run_id
        self.counts: dict = {}


@contextmanager
def record_run(db: Database, command: str, parameters: dict | None = None) -> Iterator[Run]:
    """Record a run around a block; a failure is recorded as ``failed`` and re-raised."""
    run_id = db["runs"].insert({
        "command": command, "version": __version__,
        "parameters": json.dumps(parameters or {}, ensure_ascii=False, default=str),
        "started_at": _now(), "status": "running",
    }).last_pk
    run = Run(run_id)
    status = "failed"
    try:
        yield run
        status = "ok"
    finally:
        db["runs"].update(run_id, {"counts": json.dumps(run.counts, ensure_ascii=False),
                                   "status": status, "finished_at": _now()})
