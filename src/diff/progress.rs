//! A progress bar on standard error while `diff` tries each edit alone (with the command line,
//! when standard error is a terminal; nothing otherwise). It is cleared when done, so what is
//! printed is the same with and without it.

/// A bar counting edits, or nothing.
pub(super) struct Bar {
    #[cfg(feature = "cli")]
    bar: Option<indicatif::ProgressBar>,
}

impl Bar {
    /// A bar over `total` edits, shown when `show` is true and standard error is a terminal.
    pub(super) fn new(total: usize, show: bool) -> Bar {
        #[cfg(feature = "cli")]
        {
            use std::io::IsTerminal;
            let bar = (show && total > 0 && std::io::stderr().is_terminal()).then(|| {
                let bar = indicatif::ProgressBar::with_draw_target(
                    Some(total as u64),
                    indicatif::ProgressDrawTarget::stderr(),
                );
                if let Ok(style) = indicatif::ProgressStyle::with_template(
                    "{bar:30} {pos}/{len} ({elapsed}, {eta} left)",
                ) {
                    bar.set_style(style);
                }
                bar
            });
            Bar { bar }
        }
        #[cfg(not(feature = "cli"))]
        {
            let _ = (total, show);
            Bar {}
        }
    }

    /// One more edit done.
    pub(super) fn inc(&self) {
        #[cfg(feature = "cli")]
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    /// Clears the bar.
    pub(super) fn finish(&self) {
        #[cfg(feature = "cli")]
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
