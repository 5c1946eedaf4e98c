//! How `gen build` shows its progress on stderr: a bar on a terminal, one
//! plain line per document otherwise (CI logs, pipes).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Event;

/// A progress display, fed with a build's [`Event`]s.
pub enum Progress {
    /// Not started yet.
    Idle {
        terminal: bool,
    },
    Bar(ProgressBar),
    Lines {
        done: usize,
        total: usize,
    },
}

impl Progress {
    /// A bar if stderr is a terminal, else plain lines.
    pub fn for_stderr() -> Self {
        Progress::Idle {
            terminal: std::io::stderr().is_terminal(),
        }
    }

    pub fn event(&mut self, event: Event) {
        match (event, &mut *self) {
            (Event::Start { total }, Progress::Idle { terminal: true }) => {
                let bar =
                    ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template(
                        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} {msg}",
                    )
                    .expect("the template is valid"),
                );
                *self = Progress::Bar(bar);
            }
            (Event::Start { total }, Progress::Idle { terminal: false }) => {
                *self = Progress::Lines { done: 0, total };
            }
            (Event::Done { source, ok }, Progress::Bar(bar)) => {
                bar.set_message(source.display().to_string());
                if !ok {
                    bar.println(format!("{}: failed", source.display()));
                }
                bar.inc(1);
            }
            (Event::Done { source, ok }, Progress::Lines { done, total }) => {
                *done += 1;
                let status = if ok { "built" } else { "failed" };
                eprintln!("[{done}/{total}] {}: {status}", source.display());
            }
            _ => {}
        }
    }

    /// Removes the bar (the summary follows on its own line).
    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
