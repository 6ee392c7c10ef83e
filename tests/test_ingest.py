import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.cli import cli
from verify.db import open_db
from verify.outlets import find_outlet

SEED = Path(__file__).parent / "fixtures" / "seed" / "kirkuk-ar-2017-12-02.txt"
SEED_TITLE = '"التحالف الدولي" يكشف عن سبب تواجد القوات الأميركية في كركوك !'


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result


def reports(db_path):
    db = open_db(db_path)
    rows = [dict(r) for r in db.query(
        "SELECT r.*, o.name AS outlet FROM reports r JOIN outlets o ON o.id = r.outlet_id")]
    db.close()
    return rows


def test_seed_report_ingests_with_title_outlet_time_language_and_credit(tmp_path):
    db_path = tmp_path / "seed.db"
    result = run("ingest", db_path, SEED)
    assert result.exit_code == 0, result.output
    assert "1 read, 1 stored, 0 duplicates" in result.output
    [report] = reports(db_path)
    assert report["title"] == SEED_TITLE
    db = open_db(db_path)
    assert report["outlet"] == find_outlet(db, "الكوثر")["name"]
    assert report["published_at"] == "2017-12-02T08:53:00Z"
    assert report["language"] == "ar"
    assert json.loads(report["cites"]) == [find_outlet(db, "NRT")["name"]]
    assert report["text"].startswith("العراق - الكوثر: أعلن")
    assert not report["text"].rstrip().endswith("NRT")
    assert report["raw"] == SEED.read_bytes()
    assert report["origin"] == str(SEED)


def test_windows_1256_copy_is_the_same_report(tmp_path):
    cp1256 = tmp_path / "seed-cp1256.txt"
    cp1256.write_bytes(SEED.read_text(encoding="utf-8").encode("cp1256"))
    db_path = tmp_path / "seed.db"
    first = run("ingest", db_path, cp1256)
    assert first.exit_code == 0, first.output
    [report] = reports(db_path)
    assert report["title"] == SEED_TITLE
    again = run("ingest", db_path, SEED, cp1256)
    assert again.exit_code == 0, again.output
    assert "2 read, 0 stored, 2 duplicates" in again.output
    assert len(reports(db_path)) == 1


def test_same_text_from_another_outlet_is_a_syndicated_copy(tmp_path):
    db_path = tmp_path / "t.db"
    line = {"outlet": "Levant Daily", "title": "Troops arrive",
            "text": "Hundreds of soldiers arrived in Kirkuk on Friday, officials said."}
    feed = tmp_path / "a.jsonl"
    feed.write_text(json.dumps(line) + "\n" + json.dumps({**line, "outlet": "Gulf Mirror"}) + "\n"
                    + json.dumps(line) + "\n")
    result = run("ingest", db_path, feed)
    assert "3 read, 2 stored, 1 duplicates" in result.output
    assert sorted(r["outlet"] for r in reports(db_path)) == ["Gulf Mirror", "Levant Daily"]


def test_wire_dateline_goes_into_cites_not_outlet(tmp_path):
    db_path = tmp_path / "t.db"
    text = tmp_path / "wire.txt"
    text.write_text("القوات تصل إلى كركوك\n\nبيروت - أ ف ب - وصلت قوات أميركية إلى كركوك.\n",
                    encoding="utf-8")
    result = run("ingest", db_path, text, "--outlet", "Levant Daily")
    assert result.exit_code == 0, result.output
    [report] = reports(db_path)
    db = open_db(db_path)
    assert report["outlet"] == "Levant Daily"
    assert json.loads(report["cites"]) == [find_outlet(db, "AFP")["name"]]
    assert find_outlet(db, "فرانس برس")["name"] == find_outlet(db, "أ.ف.ب")["name"]


def test_english_reuters_dateline_is_cited(tmp_path):
    db_path = tmp_path / "t.db"
    text = tmp_path / "r.txt"
    text.write_text("Troops arrive in Kirkuk\n\nKIRKUK, Iraq (Reuters) - U.S. troops arrived on "
                    "Friday, a spokesman said.\n")
    run("ingest", db_path, text, "--outlet", "Gulf Mirror")
    db = open_db(db_path)
    [report] = reports(db_path)
    assert json.loads(report["cites"]) == [find_outlet(db, "رويترز")["name"]]


def test_bad_inputs_get_one_line_reasons_and_lose_nothing(tmp_path):
    db_path = tmp_path / "t.db"
    assert run("ingest", db_path, SEED).exit_code == 0
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (folder / "rows.jsonl").write_text('{"outlet": "A", "text": "fine words here."}\n'
                                       '{not json\n'
                                       '{"outlet": "A"}\n'
                                       '[1, 2]\n')
    (folder / "table.csv").write_text("headline,body\nT,Some text in a row.\n")
    (folder / "image.png").write_bytes(b"\x89PNG")
    result = run("ingest", db_path, folder, tmp_path / "missing.txt", "--column", "text=body",
                 "--column", "title=headline", "--outlet", "Levant Daily")
    assert result.exit_code == 1
    lines = [l for l in result.output.splitlines() if l.startswith("failed:")]
    reasons = "\n".join(lines)
    assert "empty.txt: empty" in reasons
    assert "binary.txt: binary file" in reasons
    assert "rows.jsonl:2: malformed JSON" in reasons
    assert "rows.jsonl:3: no text or html" in reasons
    assert "rows.jsonl:4: not an object" in reasons
    assert "image.png: unsupported" in reasons
    assert "missing.txt: not found" in reasons
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("ingest: 2 read, 2 stored, 0 duplicates")
    assert "7 failed" in summary
    titles = {r["title"] for r in reports(db_path)}
    assert titles == {SEED_TITLE, None, "T"}


def test_csv_column_option_must_name_real_headers(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("headline,body\nT,Text.\n")
    result = run("ingest", tmp_path / "t.db", table, "--column", "text=content", "--outlet", "X")
    assert result.exit_code == 1
    assert "no column named 'content'" in result.output


def test_every_command_records_a_run(tmp_path):
    db_path = tmp_path / "t.db"
    run("ingest", db_path, SEED)
    run("stats", db_path)
    db = open_db(db_path)
    runs = [(r["command"], r["status"]) for r in db.query("SELECT * FROM runs ORDER BY id")]
    assert runs == [("ingest", "ok"), ("stats", "ok")]
    counts = json.loads(db.execute("SELECT counts FROM runs WHERE command='ingest'").fetchone()[0])
    assert counts["stored"] == 1


def test_stats_json_counts(tmp_path):
    db_path = tmp_path / "t.db"
    run("ingest", db_path, SEED)
    result = run("stats", db_path, "--json")
    stats = json.loads(result.output)
    assert stats["tables"]["reports"] == 1
    assert stats["report_languages"] == {"ar": 1}
    assert stats["last_runs"]["ingest"]["counts"]["stored"] == 1


def test_outlets_import_sets_owner_and_aliases(tmp_path):
    facts = tmp_path / "outlets.csv"
    facts.write_text("name,domain,owner,country,language,aliases\n"
                     "Levant Daily,levantdaily.example,Cedar Media Group,LB,ar,ليفانت ديلي\n"
                     ",nodomain.example,,,,\n")
    db_path = tmp_path / "t.db"
    result = run("outlets", db_path, facts)
    assert result.exit_code == 1
    assert "1 created, 0 updated, 1 failed" in result.output
    db = open_db(db_path)
    outlet = find_outlet(db, "ليفانت ديلي")
    assert outlet["owner"] == "Cedar Media Group"
    assert outlet["domain"] == "levantdaily.example"


def test_corrupt_database_gets_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("this is not a database at all" * 100)
    result = run("ingest", bad, SEED)
    assert result.exit_code == 1
    assert "is not a usable SQLite database" in result.output
    assert "Traceback" not in result.output


def test_truncated_database_gets_a_clear_error(tmp_path):
    good = tmp_path / "good.db"
    run("ingest", good, SEED)
    data = good.read_bytes()
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(data[: len(data) // 3])
    result = run("stats", truncated)
    assert result.exit_code == 1
    assert "database" in result.output.lower()
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("batch", [1, 2])
def test_migrations_are_recorded_and_reopening_is_harmless(tmp_path, batch):
    db_path = tmp_path / "t.db"
    for _ in range(batch):
        open_db(db_path).close()
    db = open_db(db_path)
    names = [r["name"] for r in db.query("SELECT name FROM _sqlite_migrations")]
    assert names[0] == "m001_initial"
    assert len(names) == len(set(names))
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_jsonl_text_with_unicode_line_separators_is_one_record(tmp_path):
    feed = tmp_path / "a.jsonl"
    record = {"outlet": "Levant Daily", "text": "First part\u2028second part\u0085third."}
    feed.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run("ingest", tmp_path / "t.db", feed)
    assert result.exit_code == 0, result.output
    assert "1 read, 1 stored" in result.output


def test_page_damaged_in_the_middle_gets_a_sentence_not_a_traceback(tmp_path):
    db_path = tmp_path / "t.db"
    lines = [json.dumps({"outlet": f"Outlet {i % 7}", "title": f"Report {i}",
                         "text": f"Report number {i} says the bridge reopened. " * 40})
             for i in range(300)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    assert run("ingest", db_path, tmp_path / "many.jsonl").exit_code == 0
    data = bytearray(db_path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle:middle + 4096] = b"\xff" * 4096
    db_path.write_bytes(bytes(data))
    result = run("extract", db_path)  # reads every report's text, so it meets the bad page
    assert result.exit_code == 1
    assert "damaged" in result.output or "not a usable" in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
