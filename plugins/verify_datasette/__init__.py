"""The verify Datasette plugin: badges, evidence pages, SQL functions, shared metadata.

Registered through the ``datasette`` entry point (``verify = "verify_datasette"``), so that
``verify serve`` and a plain ``datasette`` load it once and find its templates and static files.
Each hook only dispatches to the module that does the work.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl

from . import badges, metadata, pages, sql_functions
from .urls import PageUrls


@hookimpl
def prepare_connection(conn: Any) -> None:
    sql_functions.register(conn)


@hookimpl
def register_routes() -> list:
    return pages.ROUTES


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    return [metadata.static_url(datasette, "verify.css")]


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str,
                datasette: Any) -> Any:
    urls = PageUrls(datasette)
    badge = badges.cell_badge(row, column, table, urls)
    if badge is not None:
        return badge
    if isinstance(value, str) and column in badges.TEXT_COLUMNS:
        return badges.ingested_text(value)
    if table == "statements" and column == "uid" and value is not None:
        statement_id = badges.get_value(row, "id")

        async def lookup() -> Any:
            found = (await datasette.get_database(database).execute(
                badges.STATEMENT_BADGES_SQL, [statement_id])).first()
            return badges.statement_badges(dict(found), urls, value) if found else None

        return lookup
    return None


@hookimpl
def startup(datasette: Any) -> Any:
    async def inner() -> None:
        await metadata.find_verify_databases(datasette)

    return inner


@hookimpl
def get_metadata(datasette: Any, database: str | None) -> dict | None:
    return metadata.shared_metadata(datasette, database)


@hookimpl
def menu_links(datasette: Any) -> list[dict]:
    urls = PageUrls(datasette)
    return [{"href": urls.page(), "label": "Verify workbench"},
            {"href": urls.search(), "label": "Search statements"}]
