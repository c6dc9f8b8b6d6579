//! What was published (migration 0015): each version of a public report as it was
//! made public, with its 更正说明 from the second version on.

use super::records::Collector;
use crate::error::Result;
use rusqlite::{Connection, params};

/// One published version of a report.
#[derive(Clone, Debug)]
pub struct Publication {
    pub id: i64,
    pub report: String,
    pub year: i32,
    pub version: i64,
    pub sha256: String,
    pub content: String,
    pub correction: Option<String>,
    pub published_by: String,
    pub published_at: String,
}

/// Records a published version, as a chained row; returns its id.
pub(super) fn insert_publication(
    conn: &Connection,
    collector: &mut Collector,
    p: &Publication,
) -> Result<i64> {
    let id: i64 = conn.query_row(
        "SELECT COALESCE(MAX(id), 0) + 1 FROM publications",
        [],
        |r| r.get(0),
    )?;
    let values: [&dyn rusqlite::ToSql; 9] = [
        &id,
        &p.report,
        &p.year,
        &p.version,
        &p.sha256,
        &p.content,
        &p.correction,
        &p.published_by,
        &p.published_at,
    ];
    conn.execute(
        "INSERT INTO publications (id, report, year, version, sha256, content, correction,
                                   published_by, published_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        &values[..],
    )?;
    collector.add("publications", &values)?;
    Ok(id)
}

/// The published versions of `report` for `year`, oldest first.
pub(super) fn publications(conn: &Connection, report: &str, year: i32) -> Result<Vec<Publication>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, report, year, version, sha256, content, correction, published_by, published_at
         FROM publications WHERE report = ?1 AND year = ?2 ORDER BY version",
    )?;
    let rows = stmt.query_map(params![report, year], |r| {
        Ok(Publication {
            id: r.get(0)?,
            report: r.get(1)?,
            year: r.get(2)?,
            version: r.get(3)?,
            sha256: r.get(4)?,
            content: r.get(5)?,
            correction: r.get(6)?,
            published_by: r.get(7)?,
            published_at: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
