"""Ingest throughput: the bundled sample and N generated reports, against a bare-insert baseline.

The generated reports are real article bodies from ../shared/corpus (Arabic news and PolNeAR
English articles), cut into report-sized pieces and spread over fictional outlets, with some
word-for-word syndicated copies. Each phase runs in a child process so its peak memory is
its own.

    python benchmarks/ingest_throughput.py [--reports 10000]

The baseline is sqlite-utils inserting the same rows with no normalisation, extraction,
outlet resolution or duplicate checks: the floor of what storing costs.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("VERIFY_CORPUS") or ROOT.parent / "shared" / "corpus")


def real_bodies() -> list[tuple[str, str]]:
    """(language, text) pieces of real articles, 3–8 paragraphs each."""
    pieces = []
    with (CORPUS / "arabic-news" / "ahdath-2019.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            paragraphs = [p for p in json.loads(line)["content"].split("\n") if p.strip()]
            for i in range(0, len(paragraphs), 5):
                if paragraphs[i:i + 5]:
                    pieces.append(("ar", "\n\n".join(paragraphs[i:i + 5])))
    for path in sorted((CORPUS / "polnear" / "train" / "text").glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
        for i in range(0, len(paragraphs), 6):
            if paragraphs[i:i + 6]:
                pieces.append(("en", "\n\n".join(paragraphs[i:i + 6])))
    return pieces


def write_reports(path: Path, count: int, seed: int = 7) -> None:
    """Write ``count`` JSONL reports; about one in ten is a syndicated copy of an earlier one."""
    rng = random.Random(seed)
    bodies = real_bodies()
    outlets = [f"Outlet {i:02d}" for i in range(40)]
    written = []
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            if written and rng.random() < 0.1:
                language, text = rng.choice(written)
            else:
                language, text = bodies[n % len(bodies)]
                text = f"{text}\n\n({n})"  # distinct text per report beyond the corpus size
                written.append((language, text))
            record = {"url": f"https://news{n % 40}.example/{n}", "outlet": rng.choice(outlets),
                      "title": text.split("\n")[0][:80], "language": language,
                      "published": f"2019-01-{1 + n % 28:02d}T{n % 24:02d}:00:00Z", "text": text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _baseline(source: str, db_path: str, out) -> None:
    import sqlite_utils

    start = time.perf_counter()
    db = sqlite_utils.Database(db_path)
    with open(source, encoding="utf-8") as handle:
        db["reports"].insert_all((json.loads(line) for line in handle), batch_size=500)
    out.put(("baseline", time.perf_counter() - start,
             resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def _verify(sources: list[str], db_path: str, out) -> None:
    from verify.db import open_db
    from verify.ingest import ingest

    start = time.perf_counter()
    summary = ingest(open_db(db_path), sources)
    out.put((summary.line(), time.perf_counter() - start,
             resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def run_child(target, *args) -> tuple[str, float, int]:
    queue: mp.Queue = mp.Queue()
    process = mp.get_context("fork").Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        from verify.demo import sample_inputs

        sample = sample_inputs()
        line, seconds, rss = run_child(_verify, sample, str(tmp / "sample.db"))
        print(f"sample ({len(sample)} files): {line}")
        print(f"  {seconds:.2f} s, peak RSS {rss / 1024:.0f} MiB")

        source = tmp / "generated.jsonl"
        write_reports(source, args.reports)
        size = source.stat().st_size / 1e6
        print(f"generated: {args.reports:,} reports, {size:.1f} MB of JSONL")
        _, base_seconds, base_rss = run_child(_baseline, str(source), str(tmp / "base.db"))
        print(f"baseline (sqlite-utils insert_all, no processing): {base_seconds:.2f} s, "
              f"{args.reports / base_seconds:,.0f} reports/s, peak RSS {base_rss / 1024:.0f} MiB")
        line, seconds, rss = run_child(_verify, [str(source)], str(tmp / "verify.db"))
        print(f"verify ingest: {line}")
        print(f"  {seconds:.2f} s, {args.reports / seconds:,.0f} reports/s, "
              f"peak RSS {rss / 1024:.0f} MiB, {seconds / base_seconds:.1f}x the baseline")


if __name__ == "__main__":
    sys.exit(main())
