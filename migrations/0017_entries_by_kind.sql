-- Entries by kind and date (issue 18): the people a year aided and the donors it
-- counted are read from one year's disbursements (and donations) alone, party by
-- party, in this index, without reading each entry's row: at a million entries the
-- dashboard's count of people aided reads 43,000 index entries, not 143,000 rows.
-- An index is derived from the rows it covers, so no chained byte changes. IF NOT
-- EXISTS, as 0016.
CREATE INDEX IF NOT EXISTS entries_kind_date ON entries (kind, date, party_id);
