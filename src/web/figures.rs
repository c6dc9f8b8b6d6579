//! The dashboard's figures, kept between requests. They are read by
//! `ops::dashboard` with the chain's head they hold; while the head has not moved
//! they are shown again as read. When it has, one request reads them afresh and
//! waits for that up to `WAIT_MAX`; past it (a large ledger, a busy computer) it
//! shows the figures read before, labelled with their time, and the page reloads
//! itself once the fresh ones are in. Requests meanwhile show those too rather than
//! read the same figures again. A session that posted a form since the figures
//! kept were read always waits for fresh ones: whoever recorded or approved
//! something sees it on the dashboard at once.
//!
//! What is kept is derived from the chain and checked against its head on every
//! request; nothing here decides a figure.

use super::App;
use crate::error::Result;
use crate::i18n::Lang;
use crate::ops::dashboard::{Dashboard, dashboard, head};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a request waits for fresh figures before it shows the ones kept.
pub const WAIT_MAX: Duration = Duration::from_millis(40);

/// The figures last read per language (fund names are in the reader's script), and
/// the turn to read them: one read at a time, and whoever waited for a read another
/// made meanwhile takes its figures, so fifty browsers opening the page at once
/// cost one read, not fifty.
#[derive(Default)]
pub struct Kept {
    by_lang: Mutex<HashMap<Lang, Keeping>>,
    turn: tokio::sync::Mutex<()>,
}

struct Keeping {
    figures: Arc<Dashboard>,
    /// When they began to be read: a form posted after it is not in them for sure.
    read_from: Instant,
    /// Fresh figures are being read now.
    refreshing: bool,
}

/// Figures to show, and whether they are older than the ledger (then the page
/// says when they were read and reloads).
pub struct Shown {
    pub figures: Arc<Dashboard>,
    pub stale: bool,
}

/// The figures for `user`'s dashboard in `lang`; `posted_at` is when their session
/// last posted a form.
pub async fn figures(
    app: &Arc<App>,
    user: &str,
    lang: Lang,
    posted_at: Option<Instant>,
) -> Result<Shown> {
    let asked_at = Instant::now();
    let now = app.as_user(user, |ledger| head(ledger)).await?;
    let kept = {
        let mut kept = app
            .figures
            .by_lang
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        match kept.get_mut(&lang) {
            Some(k) if k.figures.head == now => {
                return Ok(Shown {
                    figures: Arc::clone(&k.figures),
                    stale: false,
                });
            }
            Some(k) if posted_at.is_none_or(|p| p < k.read_from) => {
                if k.refreshing {
                    return Ok(Shown {
                        figures: Arc::clone(&k.figures),
                        stale: true,
                    });
                }
                k.refreshing = true;
                Some(Arc::clone(&k.figures))
            }
            // Nothing kept, or this session wrote since: it waits for fresh ones.
            _ => None,
        }
    };
    // What the figures shown must have been read after: the head seen moved (for a
    // refresh), else this session's last form.
    let needed = if kept.is_some() {
        Some(asked_at)
    } else {
        posted_at
    };
    let reading = tokio::spawn(read(Arc::clone(app), user.to_string(), lang, needed));
    let Some(kept) = kept else {
        return joined(reading.await);
    };
    match tokio::time::timeout(WAIT_MAX, reading).await {
        Ok(done) => joined(done),
        // Still reading: the kept figures, this once.
        Err(_) => Ok(Shown {
            figures: kept,
            stale: true,
        }),
    }
}

fn joined(
    done: std::result::Result<Result<Arc<Dashboard>>, tokio::task::JoinError>,
) -> Result<Shown> {
    match done {
        Ok(read) => read.map(|figures| Shown {
            figures,
            stale: false,
        }),
        Err(e) => Err(crate::error::Error::io_said(
            crate::error::message::IoMessage::Output,
            e.to_string(),
        )),
    }
}

/// Reads fresh figures and keeps them (unless newer ones were kept meanwhile), in
/// its turn; figures read after `needed` by the one before are taken as they are.
async fn read(
    app: Arc<App>,
    user: String,
    lang: Lang,
    needed: Option<Instant>,
) -> Result<Arc<Dashboard>> {
    let _turn = app.figures.turn.lock().await;
    {
        let mut kept = app
            .figures
            .by_lang
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(k) = kept.get_mut(&lang)
            && needed.is_none_or(|n| k.read_from >= n)
        {
            k.refreshing = false;
            return Ok(Arc::clone(&k.figures));
        }
    }
    let read_from = Instant::now();
    let today = chrono::Local::now().date_naive();
    let read = app
        .as_user(&user, move |ledger| dashboard(ledger, today, lang))
        .await
        .map(Arc::new);
    let mut kept = app
        .figures
        .by_lang
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    match &read {
        Ok(figures) => {
            kept.insert(
                lang,
                Keeping {
                    figures: Arc::clone(figures),
                    read_from,
                    refreshing: false,
                },
            );
        }
        Err(_) => {
            if let Some(k) = kept.get_mut(&lang) {
                k.refreshing = false;
            }
        }
    }
    read
}
