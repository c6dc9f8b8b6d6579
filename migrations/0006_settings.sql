-- Settings (`lovefund config`): each change is a row of its own, never changed or
-- deleted; the value in force for a key is its latest row. Keys are those the
-- binary knows (src/ledger/settings.rs); a key never set has its default.

CREATE TABLE settings (
    id     INTEGER PRIMARY KEY,
    key    TEXT NOT NULL,
    value  TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
);
CREATE INDEX settings_key ON settings (key, id);

CREATE TRIGGER settings_no_update BEFORE UPDATE ON settings
BEGIN SELECT RAISE(ABORT, 'lovefund: a setting change is never edited; set the value again'); END;
CREATE TRIGGER settings_no_delete BEFORE DELETE ON settings
BEGIN SELECT RAISE(ABORT, 'lovefund: a setting change is never deleted; set the value again'); END;
