-- What was published (issue 17 §3): `report disclosure --year Y --publish` records the
-- disclosure as it was made public, so that a later change is a new version with its
-- 更正说明 (`--correction`), never a silent one. A row per version, never changed or
-- deleted; `content` is the report as published (JSON), `sha256` its hash.
CREATE TABLE publications (
    id           INTEGER PRIMARY KEY,
    report       TEXT NOT NULL CHECK (report IN ('disclosure')),
    year         INTEGER NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    content      TEXT NOT NULL,
    correction   TEXT,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    UNIQUE (report, year, version),
    CHECK ((version = 1) = (correction IS NULL))
);
CREATE TRIGGER publications_no_update BEFORE UPDATE ON publications
BEGIN SELECT RAISE(ABORT, 'lovefund: what was published is never changed; publish a correction instead'); END;
CREATE TRIGGER publications_no_delete BEFORE DELETE ON publications
BEGIN SELECT RAISE(ABORT, 'lovefund: what was published is never deleted'); END;
