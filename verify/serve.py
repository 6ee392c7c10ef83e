"""Serving a database in Datasette with the project's plugin and metadata.

The plugin (``plugins/verify_datasette``) is registered through the ``datasette`` entry point,
so a plain ``datasette`` finds it too; here we only add ``metadata.yml`` and pass every other
option through to Datasette unchanged.
"""

from __future__ import annotations

from pathlib import Path

METADATA = Path(__file__).resolve().parents[1] / "metadata.yml"


def datasette_args(databases: list[str], extra: list[str]) -> list[str]:
    """The ``datasette serve`` arguments for our databases and the user's own options."""
    args = ["serve", *databases]
    if METADATA.exists() and not any(a in ("-m", "--metadata") for a in extra):
        args += ["--metadata", str(METADATA)]
    return args + list(extra)


def serve(databases: list[str], extra: list[str]) -> None:
    """Run Datasette in this process (it blocks until interrupted)."""
    from datasette.cli import cli as datasette_cli

    datasette_cli.main(args=datasette_args(databases, extra), prog_name="verify serve")
