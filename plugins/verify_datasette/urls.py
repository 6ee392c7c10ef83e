"""Links to the plugin's pages, always through ``datasette.urls`` so ``base_url`` is honoured."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode


class PageUrls:
    """URLs of the plugin's pages, built on ``datasette.urls`` so base_url is honoured."""

    def __init__(self, datasette: Any) -> None:
        self.datasette = datasette

    def page(self, *parts: Any, **query: Any) -> str:
        path = "-/verify/" + "/".join(quote(str(p), safe="") for p in parts)
        url = self.datasette.urls.path(path)
        query = {k: v for k, v in query.items() if v is not None}
        return f"{url}?{urlencode(query)}" if query else url

    def statement(self, key: Any) -> str:
        return self.page("statement", key)

    def report(self, key: Any) -> str:
        return self.page("report", key)

    def outlet(self, key: Any) -> str:
        return self.page("outlet", key)

    def speaker(self, key: Any) -> str:
        return self.page("speaker", key)

    def search(self, q: str | None = None) -> str:
        return self.page("search", q=q)
