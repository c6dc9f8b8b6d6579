//! `config get|set`: the ledger's settings.

use super::Context;
use super::args::ConfigCommand;
use crate::error::Result;
use crate::ops::config;
use std::io::Write;

pub fn run(ctx: &Context, command: ConfigCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        ConfigCommand::Get { key } => {
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            let values = config::get(&ledger, key.as_deref())?;
            ctx.emit(out, lang, &values)
        }
        ConfigCommand::Set { key, value } => {
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let set = config::set(&mut ledger, &ctx.actor()?, &key, &value)?;
            ctx.emit(out, lang, &set)
        }
    }
}
