//! The progress bar of long work (a year's receipts, a big import): drawn on a
//! terminal, hidden when stderr is piped (indicatif decides), and only for more
//! than one item.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Bar(ProgressBar);

impl Bar {
    pub fn new() -> Bar {
        let bar = ProgressBar::hidden();
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Bar(bar)
    }

    /// `done` of `total`; the bar appears once there is more than one item.
    pub fn show(&self, done: u64, total: u64) {
        if self.0.length() != Some(total) {
            self.0.set_length(total);
            if total > 1 {
                self.0.set_draw_target(ProgressDrawTarget::stderr());
            }
        }
        self.0.set_position(done);
    }

    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}
