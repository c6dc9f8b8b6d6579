//! `close --year Y`.

use super::Context;
use crate::error::Result;
use crate::ops::close::close_year;
use std::io::Write;

pub fn run(ctx: &Context, year: i32, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let actor = ctx.actor()?;
    let mut ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    let closed = close_year(&mut ledger, &actor, year)?;
    ctx.emit(out, lang, &closed)
}
