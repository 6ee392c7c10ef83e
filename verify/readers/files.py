"""What every local-file reader does first: claim its suffixes, read the bytes, decode them.

A file that cannot be read, is over the size limit, or is not text becomes one ReadFailure
with the reason, so each reader only deals with the text it understands.
"""

from __future__ import annotations

from pathlib import Path

from ..decode import DecodeError, decode_bytes
from ..model import ReadFailure, ReadOptions


class FileReader:
    """Base for readers of local files with given suffixes."""

    name = "file"
    suffixes: tuple[str, ...] = ()

    def can_read(self, source: str) -> bool:
        return "://" not in source and Path(source).suffix.lower() in self.suffixes

    def load(self, source: str, options: ReadOptions) -> tuple[bytes, str] | ReadFailure:
        """The file's bytes and decoded text, or the reason they cannot be had."""
        try:
            size = Path(source).stat().st_size
            if size > options.max_bytes:
                return ReadFailure(source, f"too large: {size:,} bytes (limit {options.max_bytes:,})")
            data = Path(source).read_bytes()
        except OSError as error:
            return ReadFailure(source, f"cannot read: {error.strerror or error}")
        try:
            text, _ = decode_bytes(data)
        except DecodeError as error:
            return ReadFailure(source, str(error))
        return data, text
