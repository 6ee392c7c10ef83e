"""The one plugin manager: built-in plugins, entry points of group ``verify``, and a plugins folder.

Third-party plugins and verify's own behaviour go through the same hooks. Entry points load
once per process; ``VERIFY_PLUGINS`` (comma-separated names, empty for none) restricts which
entry-point plugins load, and ``VERIFY_PLUGINS_DIR`` (or ``--plugins-dir``) names a folder
whose ``*.py`` files are loaded as plugins.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pluggy

from . import hookspecs

DEFAULT_PLUGINS = (
    "verify.readers.text",
    "verify.readers.jsonl",
    "verify.readers.csvfile",
    "verify.readers.htmlfile",
    "verify.readers.feed",
    "verify.readers.web",
    "verify.extract.builtin",
    "verify.match.scorers",
    "verify.reliability.signals",
)

pm = pluggy.PluginManager("verify")
pm.add_hookspecs(hookspecs)

_loaded = False


def _load_entry_points() -> None:
    wanted = os.environ.get("VERIFY_PLUGINS")
    allowed = None if wanted is None else {n.strip() for n in wanted.split(",") if n.strip()}
    for ep in entry_points(group="verify"):
        if allowed is not None and ep.name not in allowed:
            continue
        if pm.get_plugin(ep.name) is None:
            pm.register(ep.load(), name=ep.name)


def load_plugins_dir(folder: str | Path) -> list[str]:
    """Register every ``*.py`` in ``folder`` as a plugin named after its file."""
    names = []
    for path in sorted(Path(folder).glob("*.py")):
        name = f"verify_plugin_{path.stem}"
        if pm.get_plugin(name) is not None:
            continue
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        pm.register(module, name=name)
        names.append(name)
    return names


def load_plugins() -> pluggy.PluginManager:
    """Load built-in, entry-point and folder plugins once; return the manager."""
    global _loaded
    if _loaded:
        return pm
    _loaded = True
    for name in DEFAULT_PLUGINS:
        module = importlib.import_module(name)
        if pm.get_plugin(name) is None:
            pm.register(module, name=name)
    _load_entry_points()
    folder = os.environ.get("VERIFY_PLUGINS_DIR")
    if folder:
        load_plugins_dir(folder)
    return pm


def collect(hook_name: str) -> list:
    """Call a ``register_*`` hook and return what the plugins registered, newest plugin first."""
    load_plugins()
    items: list = []
    getattr(pm.hook, hook_name)(register=items.append)
    return items


def describe() -> list[dict]:
    """What is loaded: each plugin with the hooks it implements, for ``verify plugins``."""
    load_plugins()
    out = []
    for plugin in pm.get_plugins():
        name = pm.get_name(plugin)
        hooks = sorted(h.name for h in pm.get_hookcallers(plugin) or [])
        out.append({"name": name, "hooks": hooks, "builtin": name in DEFAULT_PLUGINS})
    return sorted(out, key=lambda p: (not p["builtin"], p["name"]))
