"""The workbench pages through Datasette's client, on the sample built through the library.

Each check reads the answer key (``data/sample/expected.json``): which statements share a
claim, how many independent sources each has, the citation chain, which reports copy which.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from datasette.app import Datasette

sys.path.insert(0, str(Path(__file__).parent))
from datasette_fixture import (EXPECTED, HOSTILE_URL, VERDICT_URL,  # noqa: E402
                               build_sample)

ROOT = Path(__file__).resolve().parents[1]
METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
REPORTS = {r["key"]: r for r in EXPECTED["reports"]}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    sample = build_sample(tmp_path_factory.mktemp("pages"))
    ds = Datasette([str(sample.path)], metadata=METADATA)
    asyncio.run(ds.invoke_startup())

    def get(path: str, status: int = 200) -> str:
        response = asyncio.run(ds.client.get(path))
        assert response.status_code == status, (path, response.text[:2000])
        return response.text

    return get, sample, ds


def _section(page: str, css_class: str) -> str:
    """The HTML of the first <section> with this class (enough for our own templates)."""
    start = page.find(f'<section class="{css_class}')
    return page[start:page.find("</section>", start)] if start >= 0 else ""


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


@pytest.mark.parametrize("row", EXPECTED["corroboration"], ids=lambda r: r["quote"])
def test_statement_page_shows_corroboration_of_the_answer_key(site, row):
    get, sample, _ = site
    statement = sample.statements[row["quote"]]
    page = get(f"/-/verify/statement/{statement['uid']}")
    badge = f"{row['independent']} independent · {row['reports']} report"
    assert badge in page
    claim = next(c for c in EXPECTED["claims"] if row["quote"] in c["members"])
    shown = set(re.findall(r'class="verify-pair" data-uid="([^"]+)"', _section(page, "verify-claim")))
    expected = {sample.statements[m]["uid"] for m in claim["members"] if m != row["quote"]}
    # The key lists quotes only; a claim may also hold an outlet's assertion of the same thing.
    other_quotes = {s["uid"] for s in sample.statements.values()} - expected
    assert expected <= shown and not shown & other_quotes
    assert page.count("<h3>Independent source") == row["independent"]
    assert ('class="verify-conflicts verify-contradicts"' in page) == bool(row["contradictions"])
    assert ('class="verify-conflicts verify-misattributed"' in page) == bool(row["misattributions"])


def _names(step: str) -> list[str]:
    """What a chain step may be shown as: an outlet's name, or any name the speaker goes by."""
    if step in REPORTS:
        return [REPORTS[step]["outlet"]]
    speaker = next((s for s in EXPECTED["speakers"] if s["name"] == step), None)
    if speaker is not None:
        names = [speaker["name"], *speaker["names_in_text"]]
        return names + [n[3:] for n in names if n.startswith("al-")]  # "Azzawi" for "al-Azzawi"
    return [step.split(": ", 1)[-1]]  # "anonymous: مصادر في المحافظة"


@pytest.mark.parametrize("row", EXPECTED["chain"], ids=lambda r: r["quote"])
def test_citation_chain_runs_back_to_the_speaker(site, row):
    get, sample, _ = site
    page = get(f"/-/verify/statement/{sample.statements[row['quote']]['uid']}")
    chain = _text(_section(page, "verify-chain"))
    positions = []
    for step in row["chain"]:
        found = [chain.find(name) for name in _names(step) if name in chain]
        assert found, (step, chain)
        positions.append(min(found))
    assert positions == sorted(positions), (row["chain"], chain)


def test_match_spans_are_highlighted_and_differences_marked(site):
    get, sample, _ = site
    page = get(f"/-/verify/statement/{sample.statements['rafd-mp#3']['uid']}")
    marked = re.findall(r'<mark class="verify-aligned">([^<]+)</mark>',
                        _section(page, "verify-claim"))
    texts = sample.statements["nour-k1#6"]["text"] + sample.statements["rafd-mp#3"]["text"]
    assert marked and all(html.unescape(m) in texts for m in marked)
    # "Several hundred" against "Several thousand": the figure is marked on both sides.
    page = get(f"/-/verify/statement/{sample.statements['rafen-mp#2']['uid']}")
    conflict = _section(page, "verify-conflicts verify-contradicts")
    differing = re.findall(r'<mark class="verify-difference" title="([^"]+)">([^<]+)</mark>',
                           conflict)
    assert {text for _, text in differing} == {"Several hundred", "Several thousand"}
    assert all(title.startswith("number:") for title, _ in differing)


def test_verdicts_on_the_statement_page_link_only_http(site):
    get, sample, _ = site
    page = get(f"/-/verify/statement/{sample.statements['ledger-k1#1']['uid']}")
    verdicts = _section(page, "verify-verdicts")
    assert "Mostly true" in verdicts and f'href="{VERDICT_URL}"' in verdicts
    assert "&lt;b&gt;False&lt;/b&gt;" in verdicts and "Hostile &lt;i&gt;Checker" in verdicts
    assert "javascript:" not in verdicts


def test_statement_page_accepts_a_row_id(site):
    get, sample, _ = site
    statement = sample.statements["ledger-k1#1"]
    by_id = get(f"/-/verify/statement/{statement['id']}")
    assert f"<code>{statement['uid']}</code>" in by_id
    get("/-/verify/statement/no-such-statement", status=404)
    get("/-/verify/report/abc", status=404)
    get("/-/verify/outlet/999999", status=404)


def test_hostile_report_is_escaped_and_its_url_not_linked(site):
    get, sample, _ = site
    for path in (f"/-/verify/report/{sample.hostile_report}",
                 f"/-/verify/statement/{sample.hostile_uid}",
                 "/-/verify/search?q=crossing+reopened"):
        page = get(path)
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "javascript:" not in re.findall(r'href="([^"]*)"', page).__str__()
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
    report = get(f"/-/verify/report/{sample.hostile_report}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "Hostile &lt;b&gt;Outlet&lt;/b&gt;" in report
    assert html.escape(HOSTILE_URL) in report  # shown as text, struck out, not a link


def test_report_reading_view_links_every_statement(site):
    get, sample, _ = site
    page = get(f"/-/verify/report/{sample.reports['nour-k1']}")
    reading = page[page.find('class="verify-reading"'):]
    for quote in (q for q in EXPECTED["quotes"] if q["report"] == "nour-k1"):
        assert f'data-uid="{sample.statements[quote["id"]]["uid"]}"' in reading
    assert 'dir="auto"' in page[page.find("<h1"):page.find("</h1>")]
    credits = _text(_section(page, "verify-links"))
    for outlet in REPORTS["nour-k1"]["cites"]:
        assert outlet in credits


def test_report_page_lists_copies_from_the_answer_key(site):
    get, sample, _ = site
    for report in ("jisr-obeidi", "gulf-lpa-oil"):
        page = get(f"/-/verify/report/{sample.reports[report]}")
        links = _section(page, "verify-links")
        copies = {l["b"] if l["a"] == report else l["a"] for l in EXPECTED["report_links"]
                  if l["relation"] == "copy" and report in (l["a"], l["b"])}
        for other in copies:
            assert f'href="/-/verify/report/{sample.reports[other]}"' in links


def test_report_versions_show_what_changed(site):
    get, sample, _ = site
    page = get(f"/-/verify/report/{sample.versions[1]}")
    versions = _section(page, "verify-versions")
    assert f'href="/-/verify/report/{sample.versions[0]}"' in versions
    assert '<del class="verify-removed">12</del>' in versions
    assert '<ins class="verify-added">14</ins>' in versions


def test_outlet_page_shows_reliability_components_and_record(site):
    get, sample, ds = site
    db = ds.get_database()
    outlet = dict(asyncio.run(db.execute(
        "SELECT * FROM outlets WHERE name = 'Al-Rafidain Daily'")).first())
    page = get(f"/-/verify/outlet/{outlet['id']}")
    low, high = outlet["reliability_low"] * 100, outlet["reliability_high"] * 100
    assert f"{outlet['reliability'] * 100:.0f}% ({low:.0f}–{high:.0f})" in page
    for component in json.loads(outlet["reliability_components"]):
        assert html.escape(component["signal"]) in page
        for uid in component["uids"][:12]:
            assert f'href="/-/verify/statement/{uid}"' in page
    assert "<svg" in page and "verify-bar-" in page
    same_owner = {o["name"] for o in EXPECTED["outlets"]
                  if o["owner"] == "Rafidain Media Group" and o["name"] != "Al-Rafidain Daily"}
    for name in same_owner:
        assert name in page


def test_speaker_page_lists_their_quotes(site):
    get, sample, ds = site
    speaker = dict(asyncio.run(ds.get_database().execute(
        "SELECT sp.* FROM statements s JOIN speakers sp ON sp.id = s.speaker_id WHERE s.id = ?",
        [sample.statements["ledger-k1#1"]["id"]])).first())
    page = get(f"/-/verify/speaker/{speaker['id']}")
    low, high = speaker["reliability_low"] * 100, speaker["reliability_high"] * 100
    assert "Ryan Dillon" in page
    assert f"{speaker['reliability'] * 100:.0f}% ({low:.0f}–{high:.0f})" in page
    for quote in (q for q in EXPECTED["quotes"] if q["speaker"] == "Ryan Dillon"):
        assert sample.statements[quote["id"]]["uid"] in page


def test_search_normalises_the_query_like_the_index(site):
    get, sample, _ = site
    plain = get("/-/verify/search?q=" + "قوة أميركية")
    marked = get("/-/verify/search?q=" + "قُوَّةٌ اَمِيرْكِيَّة")
    uid = sample.statements["rafd-mp#1"]["uid"]
    assert uid in plain and uid in marked
    assert re.findall(r'data?-?uid|/statement/([^"]+)"', plain) == \
        re.findall(r'data?-?uid|/statement/([^"]+)"', marked)
    for hostile in ('"', 'NEAR(a b', "kirkuk*:", "AND OR NOT", "'; DROP TABLE statements; --"):
        get("/-/verify/search?q=" + hostile.replace(" ", "+"))


def test_badges_on_statement_tables_and_numbers_export(site):
    get, sample, _ = site
    table = get("/verify-demo/statements")
    row = next(c for c in EXPECTED["corroboration"] if c["quote"] == "rafd-mp#1")
    uid = sample.statements["rafd-mp#1"]["uid"]
    assert (f'href="/-/verify/statement/{uid}">{row["independent"]} independent · '
            f'{row["reports"]} reports</a>') in table
    overview = get("/verify-demo/statement_overview.json?_shape=array&_sort_desc=independent"
                   "&_size=max")
    assert '"independent"' in overview and '"contradictions"' in overview
    csv = get("/verify-demo/statement_overview.csv?_size=max")
    assert csv.splitlines()[0].count("independent") == 1
    outlets = get("/verify-demo/outlets")
    assert 'class="verify-badge verify-reliability verify-' in outlets


def test_canned_queries_answer_their_questions(site):
    get, sample, _ = site
    single = get("/verify-demo/single_source_claims.json?_shape=array")
    expected_single = {sample.statements[c["quote"]]["uid"] for c in EXPECTED["corroboration"]
                       if c["independent"] == 0}
    assert set(re.findall(r'"uid": "([^"]+)"', single)) >= expected_single
    copies = get(f"/verify-demo/report_copies.json?_shape=array"
                 f"&report_id={sample.reports['jisr-obeidi']}")
    assert {sample.reports["raftv-obeidi"], sample.reports["mirsad-obeidi"]} <= {
        int(n) for n in re.findall(r'"report_id": (\d+)', copies)}
    for name in METADATA["databases"]["verify-demo"]["queries"]:
        get(f"/verify-demo/{name}" + ("?report_id=1" if name == "report_copies" else ""))
    league = get("/verify-demo/outlet_league")
    assert "verify-badge verify-reliability" in league


def test_sql_functions(site):
    get, _, _ = site
    page = get("/verify-demo.json?_shape=array&sql=" + "select verify_normalize('أَحْمَد') as n, "
               "verify_key('رايان ديلون') = verify_key('Ryan Dillon') as k, "
               "verify_similarity('Kirkuk base', 'base Kirkuk') as s")
    assert '"n": "\\u0627\\u062d\\u0645\\u062f"' in page or '"n": "احمد"' in page
    assert '"k": 1' in page and '"s": 1.0' in page


def test_home_page_and_metadata_for_any_database_name(site, tmp_path):
    get, sample, _ = site
    home = get("/-/verify/")
    for name in METADATA["databases"]["verify-demo"]["queries"]:
        assert f'href="/verify-demo/{name}"' in home
    renamed = tmp_path / "reports.db"
    shutil.copy(sample.path, renamed)
    ds = Datasette([str(renamed)], metadata=METADATA)

    async def check():
        await ds.invoke_startup()
        return (await ds.client.get("/reports/contradicted")).status_code, \
            (await ds.client.get("/reports/statements")).text

    status, table = asyncio.run(check())
    assert status == 200
    assert "One attributed unit of a report" in table


def test_plugin_is_loaded_once_with_its_files(site):
    get, _, _ = site
    plugins = [p for p in json.loads(get("/-/plugins.json"))
               if "render_cell" in p["hooks"] and "register_routes" in p["hooks"]]
    assert len(plugins) == 1 and plugins[0]["static"] and plugins[0]["templates"]
    css = re.search(r'href="([^"]*verify\.css)"', get("/-/verify/")).group(1)
    assert "Noto Naskh Arabic" in get(css)


def test_related_statements_are_shown_apart_from_corroboration(site):
    """The English and Arabic reports of one quote are only related (words cannot align
    across scripts): the statement page still leads from one to the other, outside the counts."""
    get, sample, _ = site
    page = get(f"/-/verify/statement/{sample.statements['gulf-dam#1']['uid']}")
    related = _section(page, "verify-related")
    other = sample.statements["rafd-dam#1"]
    assert f'/-/verify/statement/{other["uid"]}' in related
    assert "مترين" in _text(related)
    assert f'/-/verify/statement/{other["uid"]}' not in _section(page, "verify-claim")
