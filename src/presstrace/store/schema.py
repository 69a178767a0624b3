"""The database schema, as an ordered list of migrations.

``PRAGMA user_version`` holds the number of migrations applied. Each migration runs in its own
transaction, so an interrupted upgrade leaves the previous version intact. Never edit a migration
that has shipped: append a new one.
"""

from __future__ import annotations

import sqlite3

from ..errors import StoreError

MIGRATIONS: list[str] = [
    # 1: articles, their raw inputs, every place each was read from, errors, runs; FTS5.
    """
    CREATE TABLE raw (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,          -- bytes before compression
        encoding TEXT NOT NULL,         -- 'zlib' or 'identity'
        data BLOB NOT NULL
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        finished TEXT,
        inputs TEXT NOT NULL,           -- JSON list of the paths given
        new INTEGER NOT NULL DEFAULT 0,
        present INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        raw_sha256 TEXT NOT NULL UNIQUE REFERENCES raw(sha256),
        source TEXT NOT NULL,           -- where it was first read from
        kind TEXT NOT NULL,             -- input kind: text, html, jsonl, warc, feed
        url TEXT,
        title TEXT,
        outlet TEXT,
        byline TEXT,
        published TEXT,                 -- ISO date or NULL: never guessed
        dateline TEXT,
        language TEXT,
        text TEXT NOT NULL,
        extractor TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]',  -- JSON [[line, reason, text], ...] from the cleaner
        run INTEGER REFERENCES runs(id),
        ingested TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE TABLE sources (
        source TEXT NOT NULL,
        article TEXT NOT NULL REFERENCES articles(id),
        first_seen TEXT NOT NULL,
        PRIMARY KEY (source, article)
    );
    CREATE INDEX sources_article ON sources(article);
    CREATE TABLE errors (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        raw_sha256 TEXT REFERENCES raw(sha256),  -- the bytes, when we had them
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        resolved TEXT,                  -- when a later run read this source after all
        UNIQUE (source, code, reason)
    );
    CREATE INDEX errors_open ON errors(resolved, source);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # 2: who said what. Per article: quotes and quoted terms. Per corpus (rebuilt by
    # presstrace.quotes.corpus after each ingest): speakers and statements.
    """
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY,            -- article id + ':' + position in the article
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,             -- what was said, without the outer quote marks
        start INTEGER NOT NULL,         -- offsets of text in the article's clean text
        end INTEGER NOT NULL,
        kind TEXT NOT NULL,             -- direct / indirect / mixed
        cue TEXT, cue_start INTEGER, cue_end INTEGER,
        mention TEXT, mention_start INTEGER, mention_end INTEGER,  -- the speaker as written
        speaker_name TEXT,              -- resolved within the article, NULL when unknown
        speaker_kind TEXT NOT NULL,
        role TEXT,
        continues TEXT,                 -- id of the quote this one continues
        speaker TEXT,                   -- speaker entity id (corpus stage)
        statement TEXT                  -- statement id (corpus stage)
    );
    CREATE INDEX quotes_article ON quotes(article);
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE INDEX quotes_statement ON quotes(statement);
    CREATE TABLE terms (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        user TEXT,                      -- who uses the term; NULL: the article's own voice
        PRIMARY KEY (article, start)
    );
    CREATE TABLE speakers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        aliases TEXT NOT NULL,          -- JSON list of names and mentions seen
        roles TEXT NOT NULL,            -- JSON list of {role, first_seen, last_seen}
        quotes INTEGER NOT NULL
    );
    CREATE TABLE statements (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,             -- the wording of the first report
        speaker TEXT,                   -- speaker entity id of the first report
        first_quote TEXT NOT NULL,
        first_article TEXT NOT NULL,
        first_published TEXT,
        reports INTEGER NOT NULL,
        outlets TEXT NOT NULL,          -- JSON list
        wordings INTEGER NOT NULL,      -- how many different wordings
        speakers INTEGER NOT NULL       -- how many different attributions (> 1 is flagged)
    );
    """,
    # 3: copies. Per article: its wire credits and the signatures the copies join reads (never
    # the text). Per corpus: copy pairs, updated incrementally.
    """
    ALTER TABLE articles ADD COLUMN wires TEXT NOT NULL DEFAULT '[]';  -- JSON list of agencies
    CREATE TABLE signatures (
        article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        words INTEGER NOT NULL,
        digest BLOB NOT NULL,           -- digest of the normalised words (duplicates)
        doc_bands BLOB NOT NULL,        -- int64 LSH band keys, document sketch
        passage_bands BLOB NOT NULL,    -- int64 LSH band keys, passage sketches
        compared INTEGER NOT NULL DEFAULT 0  -- copies joined for this article
    );
    CREATE TABLE copies (
        a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        relation TEXT NOT NULL,         -- duplicate / near_duplicate / shared_passages
        shared REAL NOT NULL,           -- fraction of the shorter text found in the other
        passages TEXT NOT NULL,         -- JSON [{a: [start, end], b: [start, end], words}]
        earlier TEXT,                   -- the article published first, when dates tell
        PRIMARY KEY (a, b)
    );
    CREATE INDEX copies_b ON copies(b);
    """,
    # 4: stories. Per article: its weighted terms (what the clustering reads, never the text).
    # Per corpus: stories, which story each article is in, and the document frequencies of
    # terms; all updated incrementally by presstrace.stories.corpus.
    """
    CREATE TABLE story_terms (
        article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        terms TEXT NOT NULL,            -- JSON {term: weight}
        latest_year INTEGER,            -- the latest year the text mentions (undated articles)
        counted INTEGER NOT NULL DEFAULT 0,  -- included in term_df
        storied INTEGER NOT NULL DEFAULT 0   -- placed in a story
    );
    CREATE TABLE term_df (
        term TEXT PRIMARY KEY,
        df INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,                     -- the headline of its most central article
        terms TEXT NOT NULL,            -- JSON list of key terms, heaviest first
        size INTEGER NOT NULL,
        first_seen TEXT,
        last_seen TEXT
    );
    CREATE TABLE story_articles (
        article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story TEXT NOT NULL
    );
    CREATE INDEX story_articles_story ON story_articles(story);
    """,
    # 5: time expressions, per article, resolved against its publication date. ``timed``
    # marks the articles they were looked for in (an article may have none), so that a
    # database made before this version is filled in by the next ingest or reanalyse.
    """
    CREATE TABLE dates (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,         -- offsets of text in the article's clean text
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,             -- DATE / TIME / DURATION / SET (TimeML)
        value TEXT NOT NULL,            -- TimeML value; X where the article's date was needed
        PRIMARY KEY (article, start)
    ) WITHOUT ROWID;
    ALTER TABLE articles ADD COLUMN timed INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX articles_untimed ON articles(timed) WHERE timed = 0;
    """,
    # 6: figures, per article, and the quantities they are grouped into across the corpus.
    # ``figured`` marks the articles figures were looked for in, as ``timed`` does for dates,
    # and those already grouped, so that an ingest with nothing new does not regroup.
    """
    CREATE TABLE figures (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,         -- offsets of text in the article's clean text
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL,                     -- NULL for a range
        low REAL,                       -- the interval the figure allows (NULL: unbounded)
        high REAL,
        operator TEXT NOT NULL,         -- = ~ > < >= <=
        unit TEXT,                      -- %, ISO 4217, km, degC, year ...; NULL for counts
        kind TEXT NOT NULL,             -- number / percent / money / dimension / ...
        counted TEXT,                   -- what is counted, as written
        predicate TEXT,                 -- the predicate as written ("detained")
        key TEXT,                       -- predicate group | counted class ("detain|people")
        claimed_by TEXT,                -- the speaker of the quote the figure stands in
        quantity TEXT,                  -- set by the corpus stage
        PRIMARY KEY (article, start)
    ) WITHOUT ROWID;
    CREATE INDEX figures_key ON figures(key) WHERE key IS NOT NULL;
    CREATE INDEX figures_quantity ON figures(quantity) WHERE quantity IS NOT NULL;
    CREATE TABLE quantities (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        figures INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        low REAL,                       -- the smallest and largest amount reported
        high REAL,
        disagree INTEGER NOT NULL,      -- 1 when no single amount fits every figure
        first_seen TEXT,
        last_seen TEXT
    );
    -- 0: figures not looked for; 1: figures stored; 2: also grouped into quantities.
    ALTER TABLE articles ADD COLUMN figured INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX articles_unfigured ON articles(figured) WHERE figured < 2;
    """,
    # 7: the web app's sort orders, one index each, on exactly the expressions the lists sort
    # by (web/lists.py), so a page reads its rows in order and stops: page 1,000 of the
    # articles costs what page 1 does.
    """
    CREATE INDEX web_stories_size ON stories(size, id);
    CREATE INDEX web_stories_newest ON stories(coalesce(last_seen, ''), id);
    CREATE INDEX web_stories_oldest ON stories(coalesce(first_seen, '9999'), id);
    CREATE INDEX web_stories_title ON stories(coalesce(title, ''), id);
    CREATE INDEX web_articles_newest ON articles(coalesce(published, ''), id);
    CREATE INDEX web_articles_oldest ON articles(coalesce(published, '9999'), id);
    CREATE INDEX web_articles_title ON articles(coalesce(title, ''), id);
    CREATE INDEX web_speakers_quotes ON speakers(quotes, id);
    CREATE INDEX web_speakers_name ON speakers(lower(name), id);
    CREATE INDEX web_statements_reports ON statements(reports, id);
    CREATE INDEX web_statements_oldest ON statements(coalesce(first_published, '9999'), id);
    CREATE INDEX web_statements_speaker ON statements(speaker);
    CREATE INDEX web_quantities_figures ON quantities(figures, id);
    CREATE INDEX web_quantities_newest ON quantities(coalesce(last_seen, ''), id);
    """,
    # 8: the outlets list counts articles and their first and last dates per outlet: from
    # this index alone, without reading the articles (170 ms → a few at 100,000 articles).
    """
    CREATE INDEX web_articles_outlet_published ON articles(outlet, published);
    """,
    # 9: shards of a sharded run already loaded (presstrace load), so loading again, or after
    # more shards finished, adds only the new ones.
    """
    CREATE TABLE shard_loads (
        work TEXT NOT NULL,             -- the work folder, resolved
        shard TEXT NOT NULL,            -- e.g. 00003-of-00016
        loaded TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (work, shard)
    );
    """,
    # 10: stories whose members changed and whose summary (title, terms, size, dates) is not
    # yet rewritten: summaries are written once per update, not once per chunk of articles.
    """
    CREATE TABLE stories_stale (story TEXT PRIMARY KEY) WITHOUT ROWID;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn`` up to ``SCHEMA_VERSION``; return the version it was at."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"this database has schema version {current}, newer than this presstrace knows "
            f"({SCHEMA_VERSION}); upgrade presstrace (pip install -U presstrace)"
        )
    if current == 0 and _has_foreign_tables(conn):
        raise StoreError(
            "this SQLite file was not made by presstrace (it has other tables); "
            "choose another --db file"
        )
    for number in range(current, SCHEMA_VERSION):
        # executescript commits first; the explicit BEGIN makes each migration all-or-nothing.
        conn.executescript(
            f"BEGIN;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;"
        )
    return int(current)


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone()
    return bool(row[0])
