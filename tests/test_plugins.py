import re
from pathlib import Path

from click.testing import CliRunner

from verify import hookspecs
from verify.cli import cli
from verify.plugins import pm

DOCS = Path(__file__).resolve().parents[1] / "docs" / "plugins.md"


def hook_names():
    return sorted(name for name in dir(hookspecs)
                  if name.startswith("register_") and callable(getattr(hookspecs, name)))


def test_every_hook_is_documented():
    documented = set(re.findall(r"^### (\w+)\(", DOCS.read_text(encoding="utf-8"), re.M))
    missing = [name for name in hook_names() if name not in documented]
    assert not missing, f"hooks without an entry in docs/plugins.md: {missing}"
    assert hook_names(), "no hooks found"


def test_every_hook_has_a_docstring():
    for name in hook_names():
        assert (getattr(hookspecs, name).__doc__ or "").strip(), name


def test_plugins_command_lists_builtin_readers():
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 0, result.output
    assert "verify.readers.text (built-in): register_readers" in result.output
    assert re.search(r"plugins: \d+ loaded", result.output)


def test_plugins_dir_registers_a_reader(tmp_path):
    (tmp_path / "md_reader.py").write_text(
        "from verify.hookspecs import hookimpl\n"
        "from verify.model import ReportInput\n"
        "class R:\n"
        "    name = 'markdown'\n"
        "    def can_read(self, source): return source.endswith('.md')\n"
        "    def read(self, source, options):\n"
        "        yield ReportInput(text=open(source).read(), title='md', outlet='Test Outlet',\n"
        "                          origin=source)\n"
        "@hookimpl\n"
        "def register_readers(register):\n"
        "    register(R())\n"
    )
    (tmp_path / "a.md").write_text("The minister said the bridge will open in May.")
    db = tmp_path / "t.db"
    try:
        result = CliRunner().invoke(
            cli, ["--plugins-dir", str(tmp_path), "ingest", str(db), str(tmp_path / "a.md")])
        assert result.exit_code == 0, result.output
        assert "1 stored" in result.output
    finally:
        plugin = pm.get_plugin("verify_plugin_md_reader")
        if plugin is not None:
            pm.unregister(plugin)
