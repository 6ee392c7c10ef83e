"""The shipped alias list is data users extend by hand: these checks catch the mistakes a hand edit makes."""

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

ALIASES = Path(__file__).parents[1] / "data" / "outlet_aliases.csv"
COLUMNS = ["name", "alias", "language", "kind", "domain", "country"]


def _rows() -> list[dict[str, str]]:
    with ALIASES.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def _fold(alias: str) -> str:
    """Fold the differences a credit line shows but a reader ignores (case, hamza, dots, spacing)."""
    text = unicodedata.normalize("NFKC", alias).casefold()
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("\u200c", " ")
    return " ".join(re.sub(r"[.\-]", " ", text).split())


def test_every_row_is_complete_and_well_formed():
    rows = _rows()
    assert len({r["name"] for r in rows}) >= 40
    for row in rows:
        assert row["name"].strip() and row["alias"].strip(), row
        assert row["kind"] in {"wire", "outlet", "broadcaster"}, row
        assert re.fullmatch(r"[a-z]{2,3}", row["language"]), row
        assert re.fullmatch(r"[A-Z]{2}", row["country"]), row
        assert row["domain"] == "" or re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", row["domain"]), row


def test_no_alias_resolves_to_two_outlets():
    owners: dict[str, set[str]] = defaultdict(set)
    for row in _rows():
        owners[_fold(row["alias"])].add(row["name"])
    clashes = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert clashes == {}


def test_facts_about_an_outlet_agree_on_every_row():
    facts: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for row in _rows():
        facts[row["name"]].add((row["kind"], row["domain"], row["country"]))
    assert {name: f for name, f in facts.items() if len(f) > 1} == {}


def test_every_outlet_is_named_in_arabic_and_english():
    languages: dict[str, set[str]] = defaultdict(set)
    for row in _rows():
        languages[row["name"]].add(row["language"])
    assert [name for name, langs in languages.items() if not {"ar"} <= langs] == []
    assert [name for name, langs in languages.items() if not langs & {"en", "fr", "es", "tr"}] == []


def test_design_examples_resolve_to_one_outlet():
    by_alias = {row["alias"]: row["name"] for row in _rows()}
    assert by_alias["AFP"] == by_alias["أ ف ب"] == by_alias["فرانس برس"] == by_alias["أ.ف.ب"]
    assert by_alias["Reuters"] == by_alias["رويترز"]
    assert by_alias["Associated Press"] == by_alias["أسوشيتد برس"] == by_alias["AP"]
    assert by_alias["NRT"] == by_alias["إن آر تي"]
    assert by_alias["الكوثر"] == by_alias["Al-Kawthar"]
    assert len({by_alias["AFP"], by_alias["Reuters"], by_alias["AP"], by_alias["NRT"]}) == 4
