-- Entries by date (issue 18): what one year's reports read — the annual summary's
-- counts and cash moves, the web page's dashboard, the cash flow statement — is that
-- year's entries, found here instead of by reading every entry of every year. An
-- index is derived from the rows it covers, so no chained byte changes. IF NOT
-- EXISTS: an upgrade test replays this step on a ledger that has it.
CREATE INDEX IF NOT EXISTS entries_date ON entries (date, id);
