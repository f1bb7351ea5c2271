-- newsprism store: one SQLite file per case. Offsets are Python string indices into articles.text.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id          TEXT PRIMARY KEY,          -- 'A' + first 12 hex digits of sha256
    sha256      TEXT NOT NULL UNIQUE,      -- of the normalised text: duplicates are refused
    source      TEXT NOT NULL,             -- the file (and line, for .jsonl) it came from
    outlet      TEXT,
    author      TEXT,
    published   TEXT,                      -- ISO date, or NULL when unknown
    title       TEXT,
    language    TEXT,
    genre       TEXT NOT NULL DEFAULT 'unknown',
    url         TEXT,
    extra       TEXT NOT NULL DEFAULT '{}',-- other metadata, JSON object
    text        TEXT NOT NULL,
    pipeline    TEXT,                      -- the spaCy pipeline that analysed it
    analyzed_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS entities (
    id      TEXT PRIMARY KEY,
    key     TEXT NOT NULL UNIQUE,          -- the folded name entities are matched on
    name    TEXT NOT NULL,                 -- canonical name
    type    TEXT NOT NULL,                 -- PERSON, ORG, GPE, NORP, FAC, EVENT, SOURCE, AUTHOR...
    aliases TEXT NOT NULL DEFAULT '[]',    -- JSON array of other names seen
    part_of TEXT REFERENCES entities(id)   -- the state or group this one is an organ of
);

CREATE TABLE IF NOT EXISTS mentions (
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, start_char, end_char)
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);

CREATE TABLE IF NOT EXISTS claims (
    id              TEXT PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char      INTEGER NOT NULL,      -- the sentence or clause
    end_char        INTEGER NOT NULL,
    slot            TEXT NOT NULL,         -- killed, injured, perpetrators, arrested, quantity, ...
    op              TEXT,                  -- for numbers: =, >=, >, <=, <, approx, range
    value           REAL,
    high            REAL,
    unit            TEXT,
    value_json      TEXT NOT NULL,         -- the contract's value object, whatever its kind
    value_start     INTEGER NOT NULL,
    value_end       INTEGER NOT NULL,
    value_text      TEXT NOT NULL,         -- the words that state the value
    subject         TEXT REFERENCES entities(id),
    hedged          INTEGER NOT NULL DEFAULT 0,
    hedge_cue       TEXT,
    attributed_to   TEXT REFERENCES entities(id),
    attribution_cue TEXT,
    sourced         INTEGER NOT NULL DEFAULT 0,
    checkworthy     REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id);
CREATE INDEX IF NOT EXISTS claims_slot ON claims(slot);

CREATE TABLE IF NOT EXISTS techniques (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    technique  TEXT NOT NULL,
    score      REAL NOT NULL
);

-- A view to read claims with their outlet, for people browsing the file in any SQLite tool.
CREATE VIEW IF NOT EXISTS claims_by_outlet AS
    SELECT a.outlet, a.published, c.slot, c.op, c.value, c.high, c.unit, c.value_text,
           substr(a.text, c.start_char + 1, c.end_char - c.start_char) AS sentence,
           c.id AS claim_id, a.id AS article_id
    FROM claims c JOIN articles a ON a.id = c.article_id;

-- Human corrections, kept apart from machine output so re-analysis never overwrites them.
CREATE TABLE IF NOT EXISTS corrections (
    id         INTEGER PRIMARY KEY,
    claim_id   TEXT NOT NULL,              -- claim ids are stable: article id + running number
    action     TEXT NOT NULL CHECK (action IN ('wrong', 'value', 'slot')),
    slot       TEXT,                       -- the corrected slot, for action 'slot'
    value_json TEXT,                       -- the corrected value, for action 'value'
    note       TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_merges (
    from_id    TEXT PRIMARY KEY,           -- this entity is read as ...
    into_id    TEXT NOT NULL,              -- ... this one
    created_at TEXT NOT NULL
);

-- Full-text search over article texts and claim sentences (SQLite FTS5).
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    kind UNINDEXED, ref_id UNINDEXED, article_id UNINDEXED, body
);

-- The case as compared: events, verdicts, accusation graph, timeline, outlet profiles and
-- whose words each technique span is. `case_state` says which state of the store and which
-- comparison setup (alias tables, code) they were computed for. Each event keeps the
-- fingerprint of what its verdicts are made from, so an update judges again only the events
-- whose fingerprint changed, and writes only the verdicts that changed; in one transaction.
CREATE TABLE IF NOT EXISTS case_state (
    key   TEXT PRIMARY KEY,                -- 'store_state', 'setup'
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_entities (
    entity_id TEXT PRIMARY KEY,            -- an entity found to be one actor with ...
    into_id   TEXT NOT NULL                -- ... this one, across the case's articles
);
CREATE TABLE IF NOT EXISTS case_wire (
    article_id TEXT PRIMARY KEY,           -- a copy of a wire story (or its origin) ...
    origin_id  TEXT NOT NULL               -- ... and the article the story first appeared in
);
CREATE TABLE IF NOT EXISTS case_events (
    id          TEXT PRIMARY KEY,          -- 'V1', 'V2'... largest first
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    date        TEXT,
    fingerprint TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS case_event_articles (
    event_id   TEXT NOT NULL REFERENCES case_events(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (event_id, article_id)
);
CREATE TABLE IF NOT EXISTS case_comparisons (
    claim_a     TEXT NOT NULL,
    claim_b     TEXT NOT NULL,
    article_a   TEXT NOT NULL,             -- claim_a's article: its event is the pair's
    slot        TEXT NOT NULL,
    verdict     TEXT NOT NULL,             -- consistent, contradictory, not_comparable
    reason      TEXT NOT NULL,
    is_update   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (claim_a, claim_b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS case_comparisons_article ON case_comparisons(article_a);
CREATE TABLE IF NOT EXISTS case_accusations (
    position INTEGER PRIMARY KEY,
    accuser  TEXT NOT NULL,
    accused  TEXT NOT NULL,
    claims   TEXT NOT NULL,                -- JSON array of claim ids
    articles TEXT NOT NULL,                -- JSON array of article ids
    hedged   INTEGER NOT NULL,
    quoted   INTEGER NOT NULL,
    denial   INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS case_timeline (
    position INTEGER PRIMARY KEY,
    date     TEXT NOT NULL,
    claims   TEXT NOT NULL,                -- JSON array of claim ids
    articles TEXT NOT NULL                 -- JSON array of article ids
);
CREATE TABLE IF NOT EXISTS case_outlets (
    position INTEGER PRIMARY KEY,
    outlet   TEXT NOT NULL,
    profile  TEXT NOT NULL                 -- JSON object: the contract's outlet profile
);
CREATE TABLE IF NOT EXISTS case_voices (
    position   INTEGER PRIMARY KEY,        -- the technique span's place in the loaded case
    article_id TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    quoted     INTEGER NOT NULL,
    speaker    TEXT
);

-- Addresses fetched from `.urls` files: when, what came back, and the web archive that keeps
-- the response. A run fetches only the addresses without a page here (`ok` = 1).
CREATE TABLE IF NOT EXISTS fetched_urls (
    url        TEXT PRIMARY KEY,
    ok         INTEGER NOT NULL,           -- 1: a page was fetched and archived
    detail     TEXT,                       -- why not, when not
    archive    TEXT,                       -- the WARC file holding the response
    fetched_at TEXT NOT NULL
);

-- Each article's MinHash signature (compare/wire.py), made once: wire copies are found among
-- new articles without reading every text again. `scheme` says how it was made.
CREATE TABLE IF NOT EXISTS wire_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    scheme     TEXT NOT NULL,
    shingles   INTEGER NOT NULL,           -- how many word 5-grams the text has
    hashvalues BLOB NOT NULL               -- the signature, uint64 values
);

-- The texts embedded to group articles into events (compare/signatures.py), by a hash of the
-- text: an update embeds only the texts it has not seen. `scheme` says by which model.
CREATE TABLE IF NOT EXISTS grouping_vectors (
    text_key TEXT PRIMARY KEY,
    scheme   TEXT NOT NULL,
    vector   BLOB NOT NULL                 -- float32 values
);
