//! `lovefund demo [--out DIR]`: the demo year (built by `ops::demo`), its summary
//! printed and the files to open next listed.

use super::Context;
use crate::error::Result;
use crate::i18n::Lang;
use crate::ops::demo;
use std::io::Write;
use std::path::Path;

pub fn run(ctx: &Context, dir: &Path, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let lang = ctx.lang_flag().unwrap_or(Lang::ZhHant);
    let built = demo::build(dir, lang, ctx.actor()?.today)?;
    ctx.emit(out, lang, &built)
}
