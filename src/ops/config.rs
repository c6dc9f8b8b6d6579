//! `lovefund config`: reading and changing the ledger's settings. Each change is a
//! record of its own (who, when, the new value), so a setting's history is kept and
//! `verify` can check it; the keys, defaults and grammars are `ledger::settings`.

use super::{Actor, Ledger};
use crate::error::Result;
use crate::i18n::{L, Lang};
use crate::ledger::settings::Setting;
use crate::ledger::time::LocalTime;
use crate::render::Render;
use crate::store::Read;
use crate::store::UnitOfWork;
use crate::store::settings::SettingChange;
use serde::Serialize;
use std::io::{self, Write};

/// One setting as it stands: its value in force, and who set it when (none while it
/// has its default).
#[derive(Debug, Serialize)]
pub struct SettingValue {
    pub key: &'static str,
    pub value: String,
    pub default: &'static str,
    pub is_default: bool,
    pub set_by: Option<String>,
    pub set_at: Option<String>,
    #[serde(skip)]
    setting: Setting,
    /// `set_at` in the ledger's time zone, as the text shows it.
    #[serde(skip)]
    set_local: Option<String>,
}

impl SettingValue {
    fn new(setting: Setting, change: Option<SettingChange>, clock: LocalTime) -> SettingValue {
        let (value, set_by, set_at) = match change {
            Some(c) => (c.value, Some(c.set_by), Some(c.set_at)),
            None => (setting.default_value().to_string(), None, None),
        };
        SettingValue {
            key: setting.key(),
            is_default: set_by.is_none(),
            value,
            default: setting.default_value(),
            set_by,
            set_local: set_at.as_deref().map(|at| clock.show(at)),
            set_at,
            setting,
        }
    }
}

fn description(setting: Setting) -> L {
    match setting {
        Setting::FutureDaysMax => L::SettingFutureDaysMax,
        Setting::TimeZone => L::SettingTimeZone,
        Setting::VerifyUrl => L::SettingVerifyUrl,
        Setting::AttachmentMaxMb => L::SettingAttachmentMaxMb,
        Setting::CloseNeedsReview => L::SettingCloseNeedsReview,
    }
}

impl Render for SettingValue {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        write!(out, "{} = {}", self.key, self.value)?;
        match (&self.set_by, &self.set_local) {
            (Some(by), Some(at)) => write!(
                out,
                " ({} {by}, {at}; {} {})",
                L::SettingSetBy.get(lang),
                L::SettingDefault.get(lang),
                self.default
            )?,
            _ => write!(out, " ({})", L::SettingDefault.get(lang))?,
        }
        writeln!(out)?;
        writeln!(out, "    {}", description(self.setting).get(lang))
    }
}

/// Every setting, in the order `Setting::ALL` lists them.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct SettingValues(pub Vec<SettingValue>);

impl Render for SettingValues {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        self.0.iter().try_for_each(|s| s.text(out, lang))
    }
}

/// One setting by key, or (None) every setting.
pub fn get(ledger: &Ledger, key: Option<&str>) -> Result<SettingValues> {
    let settings = match key {
        Some(key) => vec![Setting::from_key(key)?],
        None => Setting::ALL.to_vec(),
    };
    let store = ledger.reader();
    let clock = store.local_time()?;
    settings
        .into_iter()
        .map(|s| Ok(SettingValue::new(s, store.setting(s.key())?, clock)))
        .collect::<Result<Vec<_>>>()
        .map(SettingValues)
}

/// Sets `key` to `value` (checked by the setting's grammar) as a new record; setting
/// the value already in force records nothing.
pub fn set(ledger: &mut Ledger, actor: &Actor, key: &str, value: &str) -> Result<SettingValue> {
    let setting = Setting::from_key(key)?;
    let value = setting.parse(value)?;
    let change = ledger.store_mut()?.write(&actor.stamp(), |unit| {
        let current = unit.setting(setting.key())?;
        let in_force = current
            .as_ref()
            .map_or(setting.default_value(), |c| c.value.as_str());
        if in_force == value {
            return Ok(current);
        }
        let change = SettingChange {
            key: setting.key().to_string(),
            value,
            set_by: actor.user.clone(),
            set_at: actor.recorded_at.clone(),
        };
        unit.insert_setting(&change)?;
        Ok(Some(change))
    })?;
    let clock = ledger.reader().local_time()?;
    Ok(SettingValue::new(setting, change, clock))
}
