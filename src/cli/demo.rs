//! `lovefund demo [--out DIR]`: the demo year (built by `ops::demo`), its summary
//! printed and the files to open next listed.

use super::Context;
use crate::error::{Field, Result};
use crate::ops::demo;
use std::io::Write;
use std::path::Path;

pub fn run(ctx: &Context, dir: &Path, force: bool, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let lang = ctx.lang_without_ledger();
    let guard = super::output_guard(ctx, Field::Out, force);
    let built = demo::build(dir, lang, ctx.actor()?.today, &guard)?;
    ctx.emit(out, lang, &built)
}
