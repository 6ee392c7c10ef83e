"""Generate a large, realistic verify database for the matching, Datasette and publishing benchmarks.

Statements are real sentences (MRPC and PolNeAR English news, ANS headlines and Ahdath articles
in Arabic); most are unique background: real sentences keeping their function words, every
content word swapped for a corpus word drawn at its real frequency, so that a million of them
stay distinct and unrelated. Into that background go planted repeats, each recorded in
``bench_planted`` with the relation a matcher should find: syndicated copies (identical text
in another outlet), quotes shortened, retyped with typos or reworded near the thresholds,
the same words credited to another speaker, and contradictions (a changed figure, a negation).
The database is written directly with the schema of ``verify/migrations.py`` through
``verify.db.open_db``, in bulk, so a million statements take minutes, not hours.

    python benchmarks/generate.py OUT.db --statements 100000 [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys
import time
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verify.db import open_db  # noqa: E402
from verify.match.tokens import tokenize  # noqa: E402
from verify.normalize import normalize_text  # noqa: E402

CORPUS = Path(os.environ.get("VERIFY_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")
SPEAKERS_EN = ["Ryan Dillon", "Haider al-Abadi", "Masoud Barzani", "John Kerry", "Sergei Lavrov",
               "Salam al-Obeidi", "Karwan Aziz Mahmoud", "Hemin Rashid", "Nawzad Karim", "Faris al-Azzawi"]
SPEAKERS_AR = ["رايان ديلون", "حيدر العبادي", "مسعود بارزاني", "جون كيري", "سيرغي لافروف",
               "سلام العبيدي", "كاروان عزيز محمود", "هيمن رشيد", "نوزاد كريم", "فارس العزاوي"]
PLANTED = {  # kind: (share of planted clusters' copies, relation expected)
    "copy": "same_quote", "shortened": "same_quote", "typos": "same_quote",
    "reworded": "paraphrase", "speaker": "misattributed", "number": "contradicts",
    "negation": "contradicts",
}


def real_sentences() -> tuple[list[str], list[str]]:
    """English and Arabic sentences from the shared corpus, deduplicated, 8 to 60 words."""
    en: set[str] = set()
    with open(CORPUS / "mrpc" / "msr_paraphrase_train.txt", encoding="utf-8-sig") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                en.update(parts[3:5])
    for path in sorted((CORPUS / "polnear" / "train" / "text").rglob("*"))[:400]:
        if path.is_file():
            en.update(re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8", errors="replace")))
    ar: set[str] = set()
    for name in ("stance_train.csv", "stance_dev.csv"):
        with open(CORPUS / "ans" / name, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                ar.update((row["s1"], row["s2"]))
    with open(CORPUS / "arabic-news" / "ahdath-2019.jsonl", encoding="utf-8") as f:
        for line in f:
            ar.update(re.split(r"(?<=[.!؟])\s+|\n", json.loads(line).get("content", "")))

    def keep(s: str) -> bool:
        return 8 <= len(s.split()) <= 60

    return sorted(s.strip() for s in en if keep(s.strip())), sorted(s.strip() for s in ar if keep(s.strip()))


def _typos(text: str, rng: random.Random, n: int) -> str:
    chars = list(text)
    letters = [i for i, c in enumerate(chars) if c.isalpha()]
    for i in rng.sample(letters, min(n, len(letters))):
        chars[i] = chars[i - 1] if i else chars[i]
    return "".join(chars)


def _reword(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) < 6:
        return text
    cut = rng.randrange(1, len(words) // 2)
    words = words[cut:] + words[:cut]  # clauses reordered
    del words[rng.randrange(len(words))]
    return " ".join(words)


def _change_number(text: str, rng: random.Random) -> str | None:
    m = re.search(r"\d+", text)
    if not m:
        return None
    value = int(m.group())
    return text[:m.start()] + str(value * rng.choice((3, 5, 10)) + 1) + text[m.end():]


def _negate(text: str, arabic: bool) -> str | None:
    if arabic:
        for verb in ("أكد", "قال", "أعلن", "يؤكد", "تم"):
            if f" {verb} " in f" {text} ":
                return f" {text} ".replace(f" {verb} ", f" لم {verb} ", 1).strip()
        return "لم " + text
    for aux in (" is ", " was ", " will ", " would ", " has ", " are ", " were ", " can "):
        if aux in text:
            return text.replace(aux, aux.rstrip() + " not ", 1)
    return None


@lru_cache(maxsize=None)
def _is_function_word(word: str) -> bool:
    tokens = tokenize(normalize_text(word))
    return bool(tokens) and all(t.stop for t in tokens)


def _synthetic(rng: random.Random, sentences: list[str], words: list[str]) -> str:
    """A real sentence's shape: its function words kept, every content word swapped for a
    corpus content word drawn at its real frequency.

    Two statements built on one sentence then share its function words only, as two unrelated
    news sentences do. (Keeping 40% of the words, as this first did, made each sentence the
    template of ~30 near-copies at a million statements: a cluster structure real news does not
    have, which grew the candidate pairs quadratically with the corpus.)
    """
    return " ".join(w if _is_function_word(w) else rng.choice(words) for w in rng.choice(sentences).split())


def variant(kind: str, text: str, rng: random.Random, arabic: bool) -> str | None:
    """One planted edit of a quote; None when the sentence does not allow it."""
    words = text.split()
    if kind in ("copy", "speaker"):
        return text
    if kind == "shortened":
        return " ".join(words[: max(6, int(len(words) * 0.7))])
    if kind == "typos":
        return _typos(text, rng, max(1, len(text) // 60))
    if kind == "reworded":
        return _reword(text, rng)
    if kind == "number":
        return _change_number(text, rng)
    if kind == "negation":
        return _negate(text, arabic)
    raise ValueError(kind)


def generate(path: str | Path, statements: int, *, seed: int = 1, planted_share: float = 0.15,
             per_report: int = 10, outlets: int = 300) -> dict:
    """Write ``statements`` statements into a new database at ``path``; return counts."""
    rng = random.Random(seed)
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_db(path)
    conn = db.conn
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("CREATE TABLE bench_planted (a_uid TEXT, b_uid TEXT, kind TEXT, relation TEXT)")
    en, ar = real_sentences()
    conn.executemany("INSERT INTO outlets(id, name, domain, language) VALUES (?,?,?,?)",
                     [(i + 1, f"Outlet {i + 1}", f"outlet{i + 1}.example", "ar" if i % 2 else "en")
                      for i in range(outlets)])
    conn.executemany("INSERT INTO speakers(id, name, key, kind) VALUES (?,?,?,?)",
                     [(i + 1, name, f"k{i}", "person") for i, name in enumerate(SPEAKERS_EN + SPEAKERS_AR)])

    n_reports = max(2, statements // per_report)
    reports = []
    for r in range(n_reports):
        outlet = rng.randrange(1, outlets + 1)
        day = 1 + r * 28 // n_reports
        reports.append((r + 1, outlet, f"https://outlet{outlet}.example/{r + 1}", f"h{r + 1}",
                        f"2017-12-{day:02d}T10:00:00Z", "ar" if outlet % 2 == 0 else "en", "", "2017-12-31T00:00:00Z"))
    rows: list[tuple] = []
    planted: list[tuple] = []
    uid = 0

    def add(report: int, text: str, quote: str | None, speaker: int | None, arabic: bool) -> str:
        nonlocal uid
        uid += 1
        u = hashlib.blake2b(f"{seed}:{uid}".encode(), digest_size=10).hexdigest()
        rows.append((uid, u, report, 0, uid, text, normalize_text(text), "quote" if quote else "assertion",
                     quote, speaker, 0, 0, len(text), "ar" if arabic else "en"))
        return u

    n_planted = int(statements * planted_share)
    kinds = list(PLANTED)
    words = {arabic: [w for t in pool for w in t.split() if not _is_function_word(w)]
             for arabic, pool in ((False, en), (True, ar))}
    # Each real sentence is planted once: reusing it would merge clusters into cliques that grow
    # with the corpus. Past the pool, planted quotes are synthetic like the background.
    unused = {False: rng.sample(en, len(en)), True: rng.sample(ar, len(ar))}
    while uid < n_planted:
        arabic = rng.random() < 0.5
        base_text = unused[arabic].pop() if unused[arabic] else _synthetic(rng, ar if arabic else en, words[arabic])
        speaker = rng.randrange(10) + (11 if arabic else 1)
        wrap = (lambda q, s: f"قال {s} إن \"{q}\"") if arabic else (lambda q, s: f"\"{q}\", {s} said.")
        names = SPEAKERS_AR if arabic else SPEAKERS_EN
        base = add(rng.randrange(1, n_reports + 1), wrap(base_text, names[(speaker - 1) % 10]), base_text, speaker, arabic)
        for _ in range(rng.randint(1, 4)):
            kind = rng.choice(kinds)
            text = variant(kind, base_text, rng, arabic)
            if text is None or normalize_text(text) == normalize_text(base_text) and kind not in ("copy", "speaker"):
                continue
            who = speaker if kind != "speaker" else (speaker % 10) + (11 if arabic else 1)
            u = add(rng.randrange(1, n_reports + 1), wrap(text, names[(who - 1) % 10]), text, who, arabic)
            planted.append((base, u, kind, PLANTED[kind]))
    # Background: real sentences with most words swapped for words drawn from the corpus at
    # their real frequency, so a million statements keep the length, function words and word
    # distribution of news without repeating the few tens of thousands of real sentences
    # (which would make every fortieth statement a near-copy of another).
    while uid < statements:
        arabic = rng.random() < 0.5
        add(rng.randrange(1, n_reports + 1), _synthetic(rng, ar if arabic else en, words[arabic]), None, None, arabic)

    started = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO reports(id, outlet_id, url, content_hash, published_at, language, text, "
                         "ingested_at) VALUES (?,?,?,?,?,?,?,?)", reports)
        conn.executemany('INSERT INTO statements(id, uid, report_id, sentence, position, text, norm, kind, quote, '
                         'speaker_id, anonymous, start, "end", language) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)', rows)
        conn.executemany("INSERT INTO bench_planted VALUES (?,?,?,?)", planted)
    conn.execute("PRAGMA synchronous = NORMAL")
    return {"statements": len(rows), "reports": n_reports, "planted_pairs": len(planted),
            "insert_seconds": round(time.perf_counter() - started, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = generate(args.out, args.statements, seed=args.seed)
    print(json.dumps({**counts, "seconds": round(time.perf_counter() - started, 1)}))


if __name__ == "__main__":
    main()
