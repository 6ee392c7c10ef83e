"""Fact-check verdicts in and out: ClaimReview import, rating scale, links to statements, export.

``import_verdicts`` reads a file (``claimreview``), puts each rating on 0…1 (``ratings``), stores
the verdicts and links them to statements (``linking``); ``export_claimreview`` publishes the
verdicts that hold for statements of the database as ClaimReview JSON-LD (``export``).
"""

from .export import ExportResult, export_claimreview
from .imports import VerdictImport, import_verdicts
from .linking import link_verdicts

__all__ = ["ExportResult", "VerdictImport", "export_claimreview", "import_verdicts",
           "link_verdicts"]
