"""Every hook of verify's plugin API, one docstring each (documented in docs/plugins.md).

Hooks follow the ``register_*`` pattern: a plugin receives a ``register`` callback and adds
things; the core decides how to use them. The built-in behaviour registers through the same
hooks (``verify/readers/`` ...), which keeps the API honest.
"""

from pluggy import HookimplMarker, HookspecMarker

hookspec = HookspecMarker("verify")
hookimpl = HookimplMarker("verify")


@hookspec
def register_readers(register):
    """Register input readers: ``register(reader)`` with an object that has ``name``, ``can_read(source)`` and ``read(source, options)`` yielding ``ReportInput`` or ``ReadFailure`` (optionally ``read_many(sources, options)`` for batches)."""


@hookspec
def register_extractors(register):
    """Register statement extractors: ``register(extractor)`` with ``languages`` (codes, or ``("*",)``) and ``extract(text, *, language, published)`` returning ``ExtractedStatement`` objects."""


@hookspec
def register_scorers(register):
    """Register pair scorers: ``register(scorer)`` with ``name`` and ``score(a, b, *, language)`` returning a similarity in [0, 1] or None; the built-ins (``characters``, ``sorted_words``) feed compare's combined score, any other name can raise it."""


@hookspec
def register_signals(register):
    """Register reliability signals: ``register(signal)`` with ``name``, ``target`` (``"outlet"`` or ``"speaker"``), ``order`` and ``evidence(context)`` yielding ``verify.reliability.signals.Evidence`` pseudo-counts; the built-in prior, verdict, agreement and attribution signals come this way."""
