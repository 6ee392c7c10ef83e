"""Numbered schema migrations, recorded in the database by sqlite-utils.

A user's database is never rebuilt: each change to the schema is a new ``mNNN_`` function
appended here, applied once and recorded in ``_sqlite_migrations``. Table names are the
contract of DESIGN.md; columns may be added by later migrations.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("verify")


@migrations()
def m001_initial(db: Database) -> None:
    """Every table of DESIGN.md, so later features only fill them."""
    db.executescript(
        """
        CREATE TABLE outlets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'outlet',
            domain TEXT,
            country TEXT,
            language TEXT,
            owner TEXT,
            prior REAL,
            prior_origin TEXT,
            reliability REAL,
            reliability_low REAL,
            reliability_high REAL,
            reliability_components TEXT
        );
        CREATE INDEX outlets_domain ON outlets(domain);
        CREATE INDEX outlets_owner ON outlets(owner);

        CREATE TABLE outlet_aliases (
            alias TEXT PRIMARY KEY,
            outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
            language TEXT,
            origin TEXT
        );
        CREATE INDEX outlet_aliases_outlet ON outlet_aliases(outlet_id);

        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            outlet_id INTEGER REFERENCES outlets(id),
            url TEXT,
            final_url TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            previous_id INTEGER REFERENCES reports(id),
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT,
            published_at TEXT,
            fetched_at TEXT,
            language TEXT,
            byline TEXT,
            text TEXT NOT NULL,
            cites TEXT NOT NULL DEFAULT '[]',
            raw BLOB,
            origin TEXT,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX reports_outlet ON reports(outlet_id);
        CREATE INDEX reports_url ON reports(url);
        CREATE INDEX reports_published ON reports(published_at);

        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'person',
            role TEXT,
            title TEXT,
            reliability REAL,
            reliability_low REAL,
            reliability_high REAL,
            reliability_components TEXT,
            UNIQUE(kind, key)
        );

        CREATE TABLE speaker_aliases (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            language TEXT,
            PRIMARY KEY (speaker_id, alias)
        );

        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            sentence INTEGER NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            norm TEXT NOT NULL,
            kind TEXT NOT NULL,
            quote TEXT,
            speaker_id INTEGER REFERENCES speakers(id),
            speaker_text TEXT,
            anonymous INTEGER NOT NULL DEFAULT 0,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            language TEXT,
            claim_id INTEGER,
            matched_at TEXT
        );
        CREATE INDEX statements_report ON statements(report_id);
        CREATE INDEX statements_speaker ON statements(speaker_id);
        CREATE INDEX statements_claim ON statements(claim_id);
        CREATE INDEX statements_unmatched ON statements(matched_at) WHERE matched_at IS NULL;

        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            key TEXT NOT NULL,
            UNIQUE(type, key)
        );
        CREATE INDEX entities_key ON entities(key);

        CREATE TABLE entity_aliases (
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            language TEXT,
            PRIMARY KEY (entity_id, alias)
        );

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            entity_id INTEGER REFERENCES entities(id),
            type TEXT NOT NULL,
            surface TEXT NOT NULL,
            value TEXT,
            key TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        );
        CREATE INDEX mentions_statement ON mentions(statement_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);

        CREATE TABLE matches (
            id INTEGER PRIMARY KEY,
            a_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            b_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            quote_score REAL,
            text_score REAL,
            entity_score REAL,
            score REAL NOT NULL,
            relation TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '{}',
            method TEXT,
            CHECK (a_id < b_id),
            UNIQUE(a_id, b_id)
        );
        CREATE INDEX matches_b ON matches(b_id);
        CREATE INDEX matches_relation ON matches(relation);

        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            size INTEGER NOT NULL,
            first_seen TEXT,
            first_report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL
        );

        CREATE TABLE report_links (
            id INTEGER PRIMARY KEY,
            a_report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            b_report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            relation TEXT NOT NULL,
            claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
            evidence TEXT
        );
        CREATE INDEX report_links_a ON report_links(a_report_id);
        CREATE INDEX report_links_b ON report_links(b_report_id);

        CREATE TABLE corroboration (
            statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
            reports INTEGER NOT NULL DEFAULT 0,
            outlets INTEGER NOT NULL DEFAULT 0,
            independent INTEGER NOT NULL DEFAULT 0,
            contradictions INTEGER NOT NULL DEFAULT 0,
            misattributions INTEGER NOT NULL DEFAULT 0,
            support REAL NOT NULL DEFAULT 0,
            first_seen TEXT,
            first_report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
            chain TEXT NOT NULL DEFAULT '[]'
        );

        CREATE TABLE verdicts (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER REFERENCES statements(id) ON DELETE SET NULL,
            claim_text TEXT NOT NULL,
            rating TEXT,
            rating_value REAL,
            reviewer TEXT,
            url TEXT,
            published_at TEXT,
            claimant TEXT,
            claim_date TEXT,
            appearance TEXT,
            language TEXT,
            origin TEXT,
            UNIQUE(url, claim_text)
        );

        CREATE TABLE verdict_links (
            verdict_id INTEGER NOT NULL REFERENCES verdicts(id) ON DELETE CASCADE,
            statement_uid TEXT NOT NULL,
            score REAL NOT NULL,
            relation TEXT,
            PRIMARY KEY (verdict_id, statement_uid)
        );
        CREATE INDEX verdict_links_statement ON verdict_links(statement_uid);

        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            target TEXT NOT NULL CHECK (target IN ('match', 'speaker', 'dependence', 'statement')),
            a_key TEXT NOT NULL,
            b_key TEXT,
            decision TEXT NOT NULL CHECK (decision IN
                ('accept', 'reject', 'merge', 'split', 'independent', 'dependent', 'note')),
            note TEXT,
            actor TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX reviews_keys ON reviews(target, a_key, b_key);

        CREATE TABLE flags (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            "check" TEXT NOT NULL,
            message TEXT NOT NULL
        );
        CREATE INDEX flags_statement ON flags(statement_id);

        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            command TEXT NOT NULL,
            version TEXT NOT NULL,
            parameters TEXT,
            counts TEXT,
            status TEXT,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );

        CREATE TABLE match_stats (
            token TEXT PRIMARY KEY,
            df INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE match_state (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        """
    )
    db.executescript(
        """
        CREATE VIRTUAL TABLE statements_fts USING fts5(
            norm, content='statements', content_rowid='id', tokenize='unicode61'
        );
        CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
            INSERT INTO statements_fts(rowid, norm) VALUES (new.id, new.norm);
        END;
        CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
            INSERT INTO statements_fts(statements_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
        END;
        CREATE TRIGGER statements_au AFTER UPDATE OF norm ON statements BEGIN
            INSERT INTO statements_fts(statements_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
            INSERT INTO statements_fts(rowid, norm) VALUES (new.id, new.norm);
        END;

        CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, tokenize='unicode61');
        CREATE TRIGGER reports_ad AFTER DELETE ON reports BEGIN
            DELETE FROM reports_fts WHERE rowid = old.id;
        END;
        """
    )


@migrations()
def m002_statement_overview(db: Database) -> None:
    """One row per statement with its outlet, speaker and counts, so they sort, facet and export."""
    db.executescript(
        """
        CREATE VIEW IF NOT EXISTS statement_overview AS
        SELECT s.id, s.uid, s.text, s.kind, s.language, s.anonymous,
               s.speaker_id, sp.name AS speaker, sp.reliability AS speaker_reliability,
               s.report_id, r.title AS report_title, r.published_at,
               r.outlet_id, o.name AS outlet, o.reliability AS outlet_reliability, s.claim_id,
               coalesce(c.independent, 0) AS independent, coalesce(c.reports, 0) AS reports,
               coalesce(c.outlets, 0) AS outlets, coalesce(c.contradictions, 0) AS contradictions,
               coalesce(c.misattributions, 0) AS misattributions,
               coalesce(c.support, 0) AS support, c.first_seen
        FROM statements s JOIN reports r ON r.id = s.report_id
        LEFT JOIN outlets o ON o.id = r.outlet_id LEFT JOIN speakers sp ON sp.id = s.speaker_id
        LEFT JOIN corroboration c ON c.statement_id = s.id;
        """
    )


@migrations()
def m003_report_links_claim_index(db: Database) -> None:
    """Deleting claims cascades to report_links by claim_id; without an index a rescore crawled."""
    db.execute("CREATE INDEX IF NOT EXISTS report_links_claim ON report_links(claim_id)")
