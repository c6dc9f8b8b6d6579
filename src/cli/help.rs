//! The command line's help and usage errors in the reader's language (issue 15, §1).
//!
//! clap's help is English: the doc comments of `args` and clap's own headings, flags
//! and errors. In zh-Hant or zh-Hans the front end builds the command tree, walks it and
//! puts the catalogue's words (`i18n::help`, keyed by the English) in place of every
//! about, help, example and heading, and writes clap's usage errors itself from their
//! kind and values. The language is decided before parsing, from what the command line
//! and the environment say (`lang`); the English help is clap's, untouched.
//!
//! Only a run that ends in help or a usage error pays for this: a command that parses
//! is parsed by the plain English tree (see `parse`).

use super::args::Cli;
use super::values::{LangArg, lang_from_env, lang_from_locale};
use crate::i18n::Lang;
use crate::i18n::help::{self as words, Word};
use clap::builder::{PossibleValue, StyledStr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory, FromArgMatches, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

/// Parses `args` (the program name first). On help, a version or a usage error, it
/// prints what clap would, in the reader's language, and returns the exit status
/// (0 for help and the version, 2 for a usage error).
pub fn parse(args: &[OsString]) -> Result<Cli, i32> {
    let parsed = Cli::command()
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let error = match parsed {
        Ok(cli) => return Ok(cli),
        Err(error) => error,
    };
    let lang = lang(args);
    // The same arguments through the translated tree give the same error, its help
    // and usage in `lang`.
    let error = match lang {
        Lang::En => error,
        _ => command(lang)
            .try_get_matches_from(args)
            .err()
            .unwrap_or(error),
    };
    let status = if error.use_stderr() { 2 } else { 0 };
    match (lang, error.kind()) {
        (Lang::En, _)
        | (
            _,
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
        ) => {
            let _ = error.print();
        }
        _ => eprint!("{}", usage_error(lang, &error)),
    }
    Err(status)
}

/// The language of help and usage errors, decided before the command line is parsed:
/// --lang (anywhere before `--`), $LOVEFUND_LANG, the language of the ledger that
/// --db, $LOVEFUND_DB or ./lovefund.db names when it exists (opened read-only, never
/// created), then the locale, then zh-Hant.
pub fn lang(args: &[OsString]) -> Lang {
    let flag = |name: &str| option_values(args, name).pop();
    let given = option_values(args, "--lang")
        .into_iter()
        .rev()
        .find_map(|text| {
            LangArg::from_str(text.to_str()?.trim(), true)
                .ok()
                .map(Lang::from)
        });
    if let Some(lang) = given {
        return lang;
    }
    if let Ok(Some(lang)) = lang_from_env() {
        return lang;
    }
    let db = flag("--db")
        .or_else(|| std::env::var_os("LOVEFUND_DB").filter(|s| !s.is_empty()))
        .map_or_else(|| PathBuf::from("lovefund.db"), PathBuf::from);
    if db.is_file()
        && let Ok(ledger) = crate::ops::Ledger::open_for_reading(&db, true)
    {
        return ledger.lang();
    }
    lang_from_locale().unwrap_or_default()
}

/// The values given to option `name` (`--name VALUE` or `--name=VALUE`) before `--`,
/// in order.
fn option_values(args: &[OsString], name: &str) -> Vec<OsString> {
    let mut found = Vec::new();
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        let Some(text) = word.to_str() else { continue };
        if text == "--" {
            break;
        }
        if text == name {
            found.extend(words.next().cloned());
        } else if let Some(value) = text.strip_prefix(name).and_then(|t| t.strip_prefix('=')) {
            found.push(OsString::from(value));
        }
    }
    found
}

/// The whole command tree, its help in `lang`: clap's own English for `Lang::En`.
pub fn command(lang: Lang) -> Command {
    let mut command = Cli::command();
    if lang == Lang::En {
        return command;
    }
    // Built first, so clap's own parts (--help, --version, the help subcommand and
    // the global options' copies in every subcommand) are there to be translated.
    command.build();
    translate(command, lang)
}

/// A command and everything under it, its words in `lang`.
fn translate(command: Command, lang: Lang) -> Command {
    let say = |text: Option<&StyledStr>| text.map(|t| say(lang, &t.to_string()));
    let about = say(command.get_about());
    let long_about = say(command.get_long_about());
    let before = say(command.get_before_help());
    let after = say(command.get_after_help());
    let after_long = say(command.get_after_long_help());
    let usage = command.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#}{{usage}}\n\n{{all-args}}{{after-help}}",
        words::word(lang, Word::Usage)
    );
    let mut command = command
        .help_template(template)
        .subcommand_help_heading(words::word(lang, Word::Commands))
        .mut_args(|arg| translate_arg(arg, lang))
        .mut_subcommands(|sub| translate(sub, lang));
    if let Some(about) = about {
        command = command.about(about);
    }
    if let Some(long_about) = long_about {
        command = command.long_about(long_about);
    }
    if let Some(before) = before {
        command = command.before_help(before);
    }
    if let Some(after) = after {
        command = command.after_help(after);
    }
    if let Some(after_long) = after_long {
        command = command.after_long_help(after_long);
    }
    command
}

/// An argument's help in `lang`, with its default and its possible values in words
/// of `lang` too (clap would add "[default: …]" and "[possible values: …]").
fn translate_arg(arg: Arg, lang: Lang) -> Arg {
    let heading = if arg.is_positional() {
        Word::Arguments
    } else {
        Word::Options
    };
    let help = arg.get_help().map(|h| say(lang, &h.to_string()));
    let long_help = arg.get_long_help().map(|h| say(lang, &h.to_string()));
    let takes_values = arg.get_num_args().is_some_and(|n| n.takes_values());
    let default = (takes_values && !arg.is_hide_default_value_set())
        .then(|| arg.get_default_values())
        .filter(|d| !d.is_empty())
        .map(|d| {
            let d: Vec<_> = d.iter().map(|v| v.to_string_lossy()).collect();
            words::default_value(lang, &d.join(" "))
        });
    let values: Vec<PossibleValue> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
    let inline = (!names.is_empty()).then(|| words::possible_values(lang, &names));
    // The notes' brackets are full-width in Chinese: no space before them.
    let short = join(help.clone(), [&default, &inline], "");
    // Possible values with help of their own are listed in the long help, one a line,
    // as clap does.
    let long = if values.iter().any(|v| v.get_help().is_some()) {
        let mut list = words::word(lang, Word::PossibleValues).to_string();
        for value in &values {
            list.push_str(&format!("\n- {}", value.get_name()));
            if let Some(help) = value.get_help() {
                let help = say(lang, &help.to_string());
                list.push_str(&format!("{}{help}", words::word(lang, Word::Colon)));
            }
        }
        join(long_help.or(help), [&default, &Some(list)], "\n\n")
    } else {
        long_help.and_then(|h| join(Some(h), [&default, &inline], "\n\n"))
    };
    let mut arg = arg
        .hide_default_value(true)
        .hide_possible_values(true)
        .help_heading(words::word(lang, heading));
    if let Some(short) = short {
        arg = arg.help(short);
    }
    if let Some(long) = long {
        arg = arg.long_help(long);
    }
    arg
}

/// `text` followed by the notes there are, `separator` between them.
fn join<const N: usize>(
    text: Option<String>,
    notes: [&Option<String>; N],
    separator: &str,
) -> Option<String> {
    let parts: Vec<&str> = text
        .iter()
        .chain(notes.into_iter().flatten())
        .map(String::as_str)
        .collect();
    (!parts.is_empty()).then(|| parts.join(separator))
}

/// The catalogue's words for `english`; the English itself when it has none (a test
/// keeps that from happening: `every_text_has_its_words`).
fn say(lang: Lang, english: &str) -> String {
    words::help(lang, english).map_or_else(|| english.to_string(), str::to_string)
}

/// A usage error as clap would write it, in `lang`: what is wrong, a suggestion,
/// the usage line and where to read more.
fn usage_error(lang: Lang, error: &clap::Error) -> String {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(s)) => Some(words::list(lang, s)),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let sentence = match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => words::missing_value(lang, &arg),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = text(ContextKind::ValidValue);
            words::invalid_value(lang, &value, &arg, valid.as_deref())
        }
        ErrorKind::UnknownArgument => words::unknown_argument(lang, &arg),
        ErrorKind::InvalidSubcommand => words::unknown_command(
            lang,
            &text(ContextKind::InvalidSubcommand).unwrap_or_default(),
        ),
        ErrorKind::MissingRequiredArgument => words::missing_arguments(lang, &arg),
        ErrorKind::MissingSubcommand => words::missing_command(
            lang,
            &text(ContextKind::InvalidSubcommand).unwrap_or_default(),
            &text(ContextKind::ValidSubcommand).unwrap_or_default(),
        ),
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg).unwrap_or_default();
            if prior == arg || prior.is_empty() {
                words::repeated(lang, &arg)
            } else {
                words::conflict(lang, &arg, &prior)
            }
        }
        ErrorKind::TooManyValues => words::too_many_values(lang, &value, &arg),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            words::wrong_number_of_values(lang, &arg)
        }
        ErrorKind::NoEquals => words::no_equals(lang, &arg),
        _ => words::bad_command_line(lang),
    };
    let mut out = format!("{}{sentence}\n", words::word(lang, Word::Error));
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        if let Some(suggested) = text(kind) {
            out.push_str(&format!("\n  {}\n", words::did_you_mean(lang, &suggested)));
        }
    }
    if let Some(usage) = text(ContextKind::Usage) {
        // clap's usage context starts with its English heading.
        let usage = usage.trim_start();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
        out.push_str(&format!("\n{}{usage}\n", words::word(lang, Word::Usage)));
    }
    out.push_str(&format!("\n{}\n", words::more_help(lang)));
    out
}

/// Every text of the tree in English, with where it is (for the test of the catalogue).
#[cfg(test)]
fn english_texts() -> Vec<(String, String)> {
    fn walk(command: &Command, path: &str, out: &mut Vec<(String, String)>) {
        let mut push = |what: &str, text: Option<&StyledStr>| {
            if let Some(text) = text {
                out.push((format!("{path} {what}"), text.to_string()));
            }
        };
        push("about", command.get_about());
        push("long about", command.get_long_about());
        push("before help", command.get_before_help());
        push("after help", command.get_after_help());
        push("after long help", command.get_after_long_help());
        for arg in command.get_arguments() {
            let at = format!("{path} {}", arg.get_id());
            if let Some(help) = arg.get_help() {
                out.push((at.clone(), help.to_string()));
            }
            if let Some(help) = arg.get_long_help() {
                out.push((format!("{at} (long)"), help.to_string()));
            }
            for value in arg.get_possible_values() {
                if let Some(help) = value.get_help() {
                    out.push((format!("{at}={}", value.get_name()), help.to_string()));
                }
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut command = Cli::command();
    command.build();
    let mut out = Vec::new();
    walk(&command, "lovefund", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_its_words() {
        let missing: Vec<String> = english_texts()
            .into_iter()
            .filter(|(_, text)| words::help(Lang::ZhHans, text).is_none())
            .map(|(at, text)| format!("{at}: {text:?}"))
            .collect();
        assert!(
            missing.is_empty(),
            "{} texts of the command line have no words in src/i18n/help.rs:\n{}",
            missing.len(),
            missing.join("\n")
        );
    }

    #[test]
    fn every_word_of_the_catalogue_is_used() {
        let texts: std::collections::HashSet<String> =
            english_texts().into_iter().map(|(_, t)| t).collect();
        let unused: Vec<&&str> = words::ENGLISH
            .iter()
            .filter(|english| !texts.contains(**english))
            .collect();
        assert!(
            unused.is_empty(),
            "words no command uses any more: {unused:#?}"
        );
    }

    #[test]
    fn the_language_comes_from_the_command_line_first() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        let given = args(&["lovefund", "--lang=en", "balance", "--lang", "fr"]);
        assert_eq!(option_values(&given, "--lang"), ["en", "fr"]);
        let after_dashes = args(&["lovefund", "show", "--", "--lang", "en"]);
        assert!(option_values(&after_dashes, "--lang").is_empty());
        assert_eq!(lang(&args(&["lovefund", "--lang", "zh-cn"])), Lang::ZhHans);
        // The last --lang that names a language wins.
        let given = args(&["lovefund", "--lang", "zh-Hans", "balance", "--lang", "fr"]);
        assert_eq!(lang(&given), Lang::ZhHans);
    }
}
