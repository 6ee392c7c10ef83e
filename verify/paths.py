"""Where the bundled data lives: ``data/`` beside the package, or ``VERIFY_DATA`` if set."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("VERIFY_DATA") or Path(__file__).resolve().parents[1] / "data")


def data_path(*parts: str) -> Path:
    """A file under the data folder (aliases, gazetteer, sample corpus)."""
    return DATA_DIR.joinpath(*parts)
