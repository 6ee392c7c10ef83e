"""Faults a real user meets: an ingest killed at any moment, Datasette reading while ingest writes,
and a database file that is damaged or is not a database at all.
"""

import asyncio
import multiprocessing
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from verify.cli import cli
from verify.db import open_db

VERIFY = [sys.executable, "-c", "from verify.cli import cli; cli()"]
REPORTS = 80  # per kill-test run
NAMES = ["Ryan Dillon", "Mohammed Haji Othman", "Lahur Sheikh Jangi", "Jamie Jarrard"]


def write_reports(folder: Path, count: int) -> Path:
    """Small distinct reports with quotes, numbers and names, so each has several statements."""
    folder.mkdir()
    for i in range(count):
        (folder / f"r{i:03d}.txt").write_text(
            f"Troops in Kirkuk, day {i}\nSaturday 2 December 2017 - 08:53 GMT\n\n"
            f'KIRKUK, Iraq (Reuters) - "The move to base K{i} was coordinated with Iraqi forces," '
            f"{NAMES[i % 4]} said on Friday, adding that {i * 7 + 3} soldiers had arrived.\n"
            f"Kurdish sources said the convoy of {i + 40} vehicles came from Qayyarah. "
            f'"We will redeploy across Iraq by week {i}," the spokesman told reporters.\n'
            f"Residents said the situation in district {i} was calm.\n", "utf-8")
    return folder


@pytest.fixture
def plugins(tmp_path):
    # The built-in extractors, through a plugins folder, so every report has statements to
    # lose (registering them twice, should verify.plugins list them too, changes nothing).
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "builtin_extractors.py").write_text(
        "from verify.extract.builtin import register_extractors  # noqa: F401\n")
    return folder


@pytest.fixture
def env(plugins):
    return {**os.environ, "VERIFY_PLUGINS_DIR": str(plugins)}


def run_ingest(db: Path, folder: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([*VERIFY, "ingest", str(db), str(folder), "-q"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _quiet_cli(args: list[str]) -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    cli.main(args)


def forked_ingest(db: Path, folder: Path, plugins: Path) -> multiprocessing.Process:
    """``verify ingest`` in a forked child: the same code in its own process, without paying
    Python's start-up for every kill."""
    child = multiprocessing.get_context("fork").Process(
        target=_quiet_cli, args=(["--plugins-dir", str(plugins), "ingest", str(db), str(folder), "-q"],))
    child.start()
    return child


def stored_reports(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def snapshot(db: Path) -> dict[str, tuple[set[str], int]]:
    """Per report (by content hash): its statement uids and its number of mentions."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT r.content_hash, s.uid, (SELECT count(*) FROM mentions m WHERE m.statement_id = s.id) "
            "FROM reports r LEFT JOIN statements s ON s.report_id = r.id").fetchall()
    finally:
        conn.close()
    found: dict[str, tuple[set[str], int]] = {}
    for digest, uid, mentions in rows:
        uids, count = found.get(digest, (set(), 0))
        found[digest] = (uids | ({uid} if uid else set()), count + (mentions or 0))
    return found


def assert_consistent(db: Path, clean: dict, context: str) -> int:
    """The database is sound and holds whole reports only; returns how many."""
    if not db.exists():  # killed before it was created
        return 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", context
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], context
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "reports" not in tables:  # killed before the first migration committed
            bookkeeping = {"_sqlite_migrations", "idx__sqlite_migrations_migration_set_name"}
            assert tables <= bookkeeping, f"{context}: half a schema: {sorted(tables)}"
            assert len(tables) != 1, f"{context}: migrations table without its index"
            return 0
        reports = {row[0] for row in conn.execute("SELECT id FROM reports")}
        indexed = {row[0] for row in conn.execute("SELECT rowid FROM reports_fts")}
        assert reports == indexed, f"{context}: reports and their full-text rows differ"
        conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
    finally:
        conn.close()
    for digest, stored in snapshot(db).items():
        assert stored == clean[digest], f"{context}: a report without all its statements/mentions"
    return len(reports)


def test_ingest_killed_at_random_moments_leaves_whole_reports_and_resumes_exactly(
        tmp_path, env, plugins):
    folder = write_reports(tmp_path / "reports", REPORTS)
    clean_db = tmp_path / "clean.db"
    process = run_ingest(clean_db, folder, env)
    assert process.wait() == 0, process.stderr.read().decode()
    clean = snapshot(clean_db)
    assert len(clean) == REPORTS and all(uids for uids, _ in clean.values())

    # Children fork from a process that has already loaded what every ingest loads (the
    # extractors, the language model), as a long-running worker would have.
    import verify.extract.builtin  # noqa: F401
    from verify.language import detect_language
    detect_language("warm up the model")

    seed = random.randrange(10**6)
    rng = random.Random(seed)
    db = tmp_path / "killed.db"
    kills, stored, stored_at_kill = 0, 0, []
    budget = time.monotonic() + 12  # a shared, loaded machine gets fewer kills, never a hang
    while kills < 30 and time.monotonic() < budget:
        child = forked_ingest(db, folder, plugins)
        if stored == 0 and rng.random() < 0.3:
            time.sleep(rng.uniform(0, 0.05))  # while it creates and migrates the file
        else:
            # Once it has stored a random number of new reports, somewhere inside the next one.
            target = rng.randint(stored + 1, REPORTS - 1) if stored < REPORTS - 1 else REPORTS
            while child.is_alive() and stored_reports(db) < target and time.monotonic() < budget:
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.02))
        if child.is_alive():
            child.kill()  # SIGKILL
            kills += 1
        child.join()
        stored = assert_consistent(db, clean, f"seed {seed}, after kill {kills}")
        stored_at_kill.append(stored)
        if stored == REPORTS:  # finished: start again so later kills land mid-run too
            for path in tmp_path.glob("killed.db*"):
                path.unlink()
            stored = 0
    print(f"seed {seed}: {kills} kills, reports stored at each: {stored_at_kill}")
    assert kills >= 5, f"only {kills} kills landed mid-run (seed {seed})"
    assert len(set(stored_at_kill)) >= 4, f"kills all landed at the same point: {stored_at_kill}"

    final = run_ingest(db, folder, env)
    assert final.wait() == 0, f"seed {seed}: {final.stderr.read().decode()}"
    assert assert_consistent(db, clean, f"seed {seed}, final run") == REPORTS
    assert snapshot(db) == clean, f"seed {seed}: the resumed database differs from a clean run"


def test_datasette_reads_while_ingest_writes(tmp_path, env):
    folder = write_reports(tmp_path / "reports", REPORTS)
    db = tmp_path / "live.db"
    open_db(db).close()  # created and migrated, as `verify serve` would find it
    seen = []

    async def watch(process):
        datasette = Datasette([str(db)])
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        sql = ("select (select count(*) from reports) as reports, "
               "(select count(*) from reports_fts) as fts, "
               "(select count(distinct report_id) from statements) as with_statements")
        while process.poll() is None:
            response = await datasette.client.get(f"/live.json?sql={sql}&_shape=array")
            assert response.status_code == 200, response.text
            row = response.json()[0]
            direct = conn.execute(sql).fetchone()
            seen.append((row["reports"], row["fts"], row["with_statements"]))
            seen.append(direct)
            await asyncio.sleep(0.01)
        conn.close()

    process = run_ingest(db, folder, env)
    asyncio.run(watch(process))
    assert process.wait() == 0, process.stderr.read().decode()
    assert all(reports == fts == with_statements for reports, fts, with_statements in seen), \
        "a reader saw a report without its full-text row or statements"
    counts = [reports for reports, _, _ in seen]
    assert len({c for c in counts if 0 < c < REPORTS}) >= 2, "no read happened during the ingest"
    assert counts == sorted(counts)


@pytest.mark.parametrize("damage", ["truncated", "text", "empty-header"])
def test_a_damaged_database_gets_a_sentence_not_a_traceback(tmp_path, damage):
    path = tmp_path / "reports.db"
    if damage == "text":
        path.write_text("id,title\n1,not a database\n", "utf-8")
    else:
        database = open_db(path)
        database["reports_fts"].insert({"title": "x", "text": "y" * 50_000})
        database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
        data = path.read_bytes()
        path.write_bytes(data[:len(data) // 2] if damage == "truncated" else b"\0" * 100 + data[100:])
    report = tmp_path / "r.txt"
    report.write_text("Title\n\nSome text that would be stored.\n", "utf-8")
    for args in (["ingest", str(path), str(report), "--outlet", "X"], ["stats", str(path)]):
        result = CliRunner().invoke(cli, args)
        assert isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: {path}")
        assert "Traceback" not in result.output
    if damage == "text":
        assert path.read_text("utf-8") == "id,title\n1,not a database\n"  # left as it was
