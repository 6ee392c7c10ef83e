"""CSV and TSV with a header row; ``--column field=header`` maps other column names."""

from __future__ import annotations

import csv
import io
from typing import Iterator

from ..hookspecs import hookimpl
from ..model import ReadFailure, ReadOptions, ReportInput
from .files import FileReader
from .records import RecordError, report_from_record

csv.field_size_limit(50_000_000)


class CsvReader(FileReader):
    """Reads ``.csv`` and ``.tsv`` files, one report per row."""

    name = "csv"
    suffixes = (".csv", ".tsv")
    limit_whole_file = False

    def parse(self, source: str, data: bytes, text: str,
              options: ReadOptions) -> Iterator[ReportInput | ReadFailure]:
        delimiter = "\t" if source.lower().endswith(".tsv") else ","
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        headers = reader.fieldnames or []
        missing = [h for h in options.csv_columns.values() if h not in headers]
        if missing:
            yield ReadFailure(source, f"no column named {', '.join(map(repr, missing))} in the header")
            return
        rename = {header: field for field, header in options.csv_columns.items()}
        try:
            for row in reader:
                origin = f"{source}:{reader.line_num}"
                if None in row:
                    yield ReadFailure(origin, "more cells than header columns")
                    continue
                record = {rename.get(k, k): v for k, v in row.items()}
                try:
                    report = report_from_record(record, origin)
                except RecordError as error:
                    yield ReadFailure(origin, str(error))
                    continue
                report.raw = "\t".join(v or "" for v in row.values()).encode("utf-8")
                yield report
        except csv.Error as error:
            yield ReadFailure(f"{source}:{reader.line_num}", f"malformed CSV: {error}")


@hookimpl
def register_readers(register):
    register(CsvReader())
