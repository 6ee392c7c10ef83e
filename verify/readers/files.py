"""What every local-file reader does first: claim its suffixes, read the bytes, decode them.

A file that cannot be read, is over the size limit, or is not text becomes one ReadFailure
with the reason, so each reader only deals with the text it understands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..decode import DecodeError, decode_bytes
from ..model import ReadFailure, ReadOptions, ReportInput


class FileReader:
    """Base for readers of local files with given suffixes: ``read`` loads, ``parse`` reads."""

    name = "file"
    suffixes: tuple[str, ...] = ()
    # Files of many records (JSONL, CSV) apply the size limit to each record, not the file.
    limit_whole_file = True

    def read(self, source: str, options: ReadOptions) -> Iterator[ReportInput | ReadFailure]:
        loaded = self.load(source, options)
        if isinstance(loaded, ReadFailure):
            yield loaded
            return
        yield from self.parse(source, *loaded, options)

    def parse(self, source: str, data: bytes, text: str,
              options: ReadOptions) -> Iterator[ReportInput | ReadFailure]:
        """The reports in a file's decoded text; ``data`` is the bytes as read."""
        raise NotImplementedError

    def can_read(self, source: str) -> bool:
        return "://" not in source and Path(source).suffix.lower() in self.suffixes

    def load(self, source: str, options: ReadOptions) -> tuple[bytes, str] | ReadFailure:
        """The file's bytes and decoded text, or the reason they cannot be had."""
        try:
            size = Path(source).stat().st_size
            if self.limit_whole_file and size > options.max_bytes:
                return ReadFailure(source, f"too large: {size:,} bytes (limit {options.max_bytes:,})")
            data = Path(source).read_bytes()
        except OSError as error:
            return ReadFailure(source, f"cannot read: {error.strerror or error}")
        try:
            text, _ = decode_bytes(data)
        except DecodeError as error:
            return ReadFailure(source, str(error))
        return data, text
