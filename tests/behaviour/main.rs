//! The black-box tests: the real binary on temporary ledgers, in one test binary so
//! that `cargo test` links SQLite and the PDF stack into one executable instead of
//! fourteen, and runs its tests in parallel instead of one file after another.
//!
//! One module per area (`cargo test --test behaviour audit::` runs one). The long
//! reliability suites of RELIABILITY.md — crash, model, concurrency and backup under
//! load, minutes between them — run only when `LOVEFUND_TEST_RELIABILITY=1` is set,
//! as `.ci/run` does; without it each prints on stderr that it was not run and how to
//! run it (`common::reliability`). The shorter suites of RELIABILITY.md (tampering,
//! hostile text, full disk and read-only media) take seconds and always run.

mod common;

mod amount_bound;
mod attachments;
mod audit;
mod audit_pack;
mod bank_statements;
mod bills;
mod core;
mod dates;
mod demo;
mod disclosure;
mod encodings;
mod entrusted;
mod files_for_excel;
mod fonts;
mod fund_accounting;
mod hostile;
mod import_matching;
mod interop;
mod local_times;
mod media;
mod output_guard;
mod party_edits;
mod party_merges;
mod party_names;
mod party_publish;
mod profiles;
mod receipts;
mod records;
mod refusals;
mod retry;
mod reversed_receipts;
mod search;
mod sheets;
mod signing;
mod small_holes;
mod spreadsheets;
mod statements;
mod summary;
mod tampering;
mod users;
mod verify_checks;
mod verify_page;
mod vouchers;
mod wallets;
mod web;
mod web_browser;
mod web_downloads;
mod web_files;
mod web_load;
mod web_pages;
mod web_routes;
mod widths;

// The reliability suites (RELIABILITY.md), gated by LOVEFUND_TEST_RELIABILITY.
mod backup_load;
mod concurrency;
mod crash;
mod model;
mod no_english;
