"""The ``verify`` command: open the database, call one library function, print a summary.

Every command records a ``runs`` row, ends with a one-line summary, and exits non-zero when
anything failed, so scripts and CI can trust the exit status.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import click

from . import __version__
from .db import DatabaseError, open_db
from .model import ReadOptions
from .progress import Progress
from .runs import record_run


def _open(path: str):
    try:
        return open_db(path)
    except DatabaseError as error:
        raise click.ClickException(str(error)) from error


def _finish(command: str, line: str, failures: list[str], *, warnings: list[str] = ()) -> None:
    """Print each failure as one line, then the summary; exit 1 when anything failed."""
    for reason in warnings:
        click.echo(f"warning: {reason}", err=True)
    for reason in failures:
        click.echo(f"failed: {reason}", err=True)
    click.echo(f"{command}: {line}")
    if failures:
        sys.exit(1)


def _column_map(values: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for value in values:
        field, sep, header = value.partition("=")
        if not sep or not field or not header:
            raise click.BadParameter(f"{value!r}: use FIELD=HEADER, e.g. text=body")
        mapping[field.strip()] = header.strip()
    return mapping


class _Group(click.Group):
    """Turns a database that breaks mid-command (a damaged page) into one sentence."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except sqlite3.DatabaseError as error:
            raise click.ClickException(
                f"the database is damaged or unreadable ({error}); restore it from a copy"
            ) from error


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="verify")
@click.option("--plugins-dir", type=click.Path(exists=True, file_okay=False),
              envvar="VERIFY_PLUGINS_DIR", help="Load every *.py in this folder as a plugin.")
def cli(plugins_dir):
    """verify: cross-check news reports and count independent corroboration.

    \b
    Example:
        verify ingest reports.db data/sample
        verify serve reports.db
    """
    if plugins_dir:
        from .plugins import load_plugins_dir

        load_plugins_dir(plugins_dir)


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--outlet", help="Outlet of inputs that do not name one.")
@click.option("--owner", help="Owner (group or state) of that outlet.")
@click.option("--language", help="Language code of inputs, instead of detecting it.")
@click.option("--published", help="Publication time of inputs that carry none (ISO 8601).")
@click.option("--column", "columns", multiple=True, metavar="FIELD=HEADER",
              help="CSV: read FIELD (text, title, outlet, url, published ...) from column HEADER.")
@click.option("--allow-private", is_flag=True,
              help="Allow URLs that resolve to loopback or private addresses.")
@click.option("-q", "--quiet", is_flag=True, help="No progress, only the summary line.")
def ingest(db, inputs, outlet, owner, language, published, columns, allow_private, quiet):
    """Store reports and extract their statements.

    INPUTS are files, folders (read recursively), URLs or feeds: plain text, JSONL, CSV, HTML.

    \b
    Example:
        verify ingest reports.db data/sample/reports.jsonl article.txt
        verify ingest reports.db export.csv --column text=body --column title=headline
    """
    from .ingest import ingest as run_ingest
    from .readers.records import RecordError, iso_utc

    try:
        published_at = iso_utc(published) if published else None
    except RecordError as error:
        raise click.BadParameter(str(error), param_hint="--published") from error
    options = ReadOptions(outlet=outlet, owner=owner, language=language,
                          published_at=published_at, csv_columns=_column_map(columns),
                          allow_private=allow_private)
    database = _open(db)
    progress = Progress("ingest", enabled=not quiet)
    with record_run(database, "ingest", {"inputs": list(inputs), "options": vars(options)}) as run:
        summary = run_ingest(database, inputs, options, progress=progress)
        run.counts = summary.counts()
    progress.close()
    _finish("ingest", summary.line(), [f"{origin}: {reason}" for origin, reason in summary.failures])


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("-q", "--quiet", is_flag=True, help="No progress, only the summary line.")
def extract(db, quiet):
    """Re-run extraction over stored reports, keeping statements whose uid is unchanged.

    \b
    Example:
        verify extract reports.db
    """
    from .statements import reextract

    database = _open(db)
    progress = Progress("extract", enabled=not quiet)
    with record_run(database, "extract") as run:
        run.counts = reextract(database, progress=progress)
    progress.close()
    c = run.counts
    click.echo(f"extract: {c['reports']} reports, {c['kept']} statements kept, "
               f"{c['added']} added, {c['removed']} removed")


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--rebuild", is_flag=True, help="Re-derive every match from the frozen statistics.")
@click.option("--refresh-stats", is_flag=True,
              help="Recompute the vocabulary statistics first (changes the candidate index).")
@click.option("-q", "--quiet", is_flag=True, help="No progress, only the summary line.")
def match(db, rebuild, refresh_stats, quiet):
    """Match statements not matched yet against every other report; refresh verdict links.

    \b
    Example:
        verify match reports.db
        verify match reports.db --rebuild
    """
    from .match import match_database, summary_line
    from .verdicts import link_verdicts

    database = _open(db)
    progress = Progress("match", enabled=not quiet)
    with record_run(database, "match", {"rebuild": rebuild, "refresh_stats": refresh_stats}) as run:
        counts = match_database(database, rebuild=rebuild, refresh_stats=refresh_stats,
                                progress=lambda done, total: progress.update(f"{done:,}/{total:,} chunks scored"),
                                stage=lambda text: progress.update(text, force=True))
        counts["verdict_links"] = link_verdicts(database, rebuild=rebuild)
        run.counts = counts
    progress.close()
    click.echo(f"match: {summary_line(counts)}")


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("-q", "--quiet", is_flag=True, help="No progress, only the summary line.")
def score(db, quiet):
    """Recompute claims, report links, corroboration and outlet and speaker reliability.

    \b
    Example:
        verify score reports.db
    """
    from .score import score_database, summary_line

    database = _open(db)
    progress = Progress("score", enabled=not quiet)
    with record_run(database, "score") as run:
        summary = score_database(database, progress=lambda step: progress.update(step, force=True))
        run.counts = summary
    progress.close()
    click.echo(summary_line(summary))


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def verdicts(db, file):
    """Import fact-check verdicts (ClaimReview JSON-LD, a saved fact-check page, or CSV).

    Each verdict is linked to the statements it is about; unlinked verdicts are kept and
    linked later by ``verify match``.

    \b
    Example:
        verify verdicts reports.db data/sample/verdicts.jsonld
    """
    from .verdicts import import_verdicts

    database = _open(db)
    with record_run(database, "verdicts", {"file": file}) as run:
        try:
            result = import_verdicts(database, file)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
        run.counts = result.counts()
    _finish("verdicts", result.line(), result.failed, warnings=result.warnings)


@cli.command("export-claimreview")
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write the JSON-LD here instead of standard output.")
def export_claimreview_command(db, output):
    """ClaimReview JSON-LD for the statements that carry a verdict.

    \b
    Example:
        verify export-claimreview reports.db -o claimreview.json
    """
    from .verdicts import export_claimreview

    database = _open(db)
    with record_run(database, "export-claimreview") as run:
        result = export_claimreview(database)
        run.counts = {"exported": len(result.claimreviews), "skipped": len(result.skipped)}
    output.write(result.json() + "\n")
    for reason in result.skipped:
        click.echo(f"skipped: {reason}", err=True)
    click.echo(f"export-claimreview: {result.line()}", err=True)


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--source", help="Name of the rating set when the file has no source column.")
def priors(db, file, source):
    """Import outlet ratings as reliability priors (CSV: domain, score 0–1[, source]).

    Outlets are matched by registered domain; outlets with no rating of yours keep the
    shipped default (Lin et al. 2023 domain quality ratings), unknown ones start neutral.

    \b
    Example:
        verify priors reports.db data/sample/priors.csv
    """
    from .priors import import_priors

    database = _open(db)
    with record_run(database, "priors", {"file": file}) as run:
        try:
            result = import_priors(database, file, source=source)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
        run.counts = result.counts()
    _finish("priors", result.line(), result.failed)


@cli.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def outlets(db, file):
    """Import outlet facts from CSV: name, domain, owner, country, language[, kind, aliases].

    \b
    Example:
        verify outlets reports.db data/sample/outlets.csv
    """
    from .outlets import import_outlets, seed_aliases

    database = _open(db)
    with record_run(database, "outlets", {"file": file}) as run:
        seed_aliases(database)
        try:
            result = import_outlets(database, Path(file))
        except ValueError as error:
            raise click.ClickException(str(error)) from error
        run.counts = result.counts()
    _finish("outlets", result.line(), result.failed)


@cli.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def stats(db, as_json):
    """Counts per table and the timings of the last runs.

    \b
    Example:
        verify stats reports.db --json
    """
    from .stats import database_stats, format_stats

    database = _open(db)
    with record_run(database, "stats") as run:
        result = database_stats(database)
        run.counts = {"reports": result["tables"]["reports"]}
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(format_stats(result))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def plugins(as_json):
    """List the loaded verification plugins and the hooks each implements.

    \b
    Example:
        verify plugins
    """
    from .plugins import describe

    loaded = describe()
    if as_json:
        click.echo(json.dumps(loaded, indent=2))
        return
    for plugin in loaded:
        origin = "built-in" if plugin["builtin"] else "plugin"
        click.echo(f"{plugin['name']} ({origin}): {', '.join(plugin['hooks'])}")
    click.echo(f"plugins: {len(loaded)} loaded")


@cli.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def serve(ctx, db):
    """Serve a database in Datasette with the verify plugin and metadata.yml.

    Every other option goes to Datasette unchanged (--port, --host, -i, --setting ...).

    \b
    Example:
        verify serve reports.db --port 8001
    """
    from .serve import serve as run_serve

    database = _open(db)
    with record_run(database, "serve", {"options": ctx.args}):
        pass
    database.close()
    run_serve([db], ctx.args)


@cli.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.option("--db", "db_path", default="verify-demo.db", show_default=True,
              type=click.Path(dir_okay=False), help="Where to build the sample database.")
@click.option("--no-serve", is_flag=True, help="Build the database and stop.")
@click.pass_context
def demo(ctx, db_path, no_serve):
    """Build the bundled sample end to end, then serve it in Datasette.

    The database is rebuilt from scratch each time. Datasette options pass through.

    \b
    Example:
        verify demo --port 8001
    """
    from .demo import build_demo
    from .serve import serve as run_serve

    path = Path(db_path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    database = _open(db_path)
    lines = build_demo(database, progress=Progress("demo"))
    database.close()
    for line in lines:
        click.echo(line)
    click.echo(f"demo: built {path}")
    if not no_serve:
        run_serve([str(path)], ctx.args)
