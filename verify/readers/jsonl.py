"""JSONL: one report per line, DESIGN.md's fields. A bad line is reported and skipped."""

from __future__ import annotations

import json
from typing import Iterator

from ..hookspecs import hookimpl
from ..model import ReadFailure, ReadOptions, ReportInput
from .files import FileReader
from .records import RecordError, report_from_record


class JsonlReader(FileReader):
    """Reads ``.jsonl``/``.ndjson`` files, one report per non-empty line."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")
    limit_whole_file = False

    def parse(self, source: str, data: bytes, text: str,
              options: ReadOptions) -> Iterator[ReportInput | ReadFailure]:
        # Only "\n" ends a record: str.splitlines() would also split inside a JSON string at
        # U+2028, U+0085 and friends, which json.dumps(ensure_ascii=False) leaves unescaped.
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            origin = f"{source}:{number}"
            if len(line.encode("utf-8")) > options.max_bytes:
                yield ReadFailure(origin, f"too large: line over {options.max_bytes:,} bytes")
                continue
            try:
                record = json.loads(line)
                report = report_from_record(record, origin)
            except json.JSONDecodeError as error:
                yield ReadFailure(origin, f"malformed JSON: {error.msg} at column {error.colno}")
                continue
            except RecordError as error:
                yield ReadFailure(origin, str(error))
                continue
            report.raw = line.encode("utf-8")
            yield report


@hookimpl
def register_readers(register):
    register(JsonlReader())
