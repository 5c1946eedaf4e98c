//! The library's errors. `main` is the one place that reports them.

use std::path::PathBuf;

use crate::fonts::FontError;

/// A position in an input file (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Everything that can go wrong between an input file and an output file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{}: not UTF-8 text (byte {offset}); save the file as UTF-8", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },

    /// The YAML is malformed, or does not fit the document model.
    #[error("{}:{}: {message}", path.display(), pos.map_or("1:1".to_string(), |p| p.to_string()))]
    Invalid {
        path: PathBuf,
        pos: Option<Pos>,
        message: String,
    },

    /// An image the document names (a seal) that cannot be used: missing,
    /// unreadable, not a PNG or SVG, or outside the allowed folder.
    #[error(
        "{}:{}: {field}: {image}: {message}",
        path.display(), pos.map_or("?".to_string(), |p| p.to_string())
    )]
    Image {
        path: PathBuf,
        pos: Option<Pos>,
        field: String,
        image: String,
        message: String,
    },

    /// A seal image the composition was not given (the images are read by
    /// `Assets::load` first; seal fields that do not fit together are the
    /// rulebook's [`Error::Format`]).
    #[error("{}: {field}: {message}", path.display())]
    Seal {
        path: PathBuf,
        field: &'static str,
        message: String,
    },

    /// A rule of the rulebook ([`crate::rules`]) the document breaks: a
    /// field its format (§10) has no place for, or one it needs and lacks;
    /// a character no font has; seal fields that do not fit together.
    #[error(
        "{}:{}: {field}: {message}",
        path.display(), pos.map_or("1:1".to_string(), |p| p.to_string())
    )]
    Format {
        path: PathBuf,
        pos: Option<Pos>,
        field: String,
        message: String,
    },

    /// A classified document (密级, §7.2.2) asked for a public web page.
    #[error(
        "{}: classification: the document is classified ({level}); a classified document may not be \
         published, so gen html writes no page for it (GB/T 9704-2012 §7.2.2; 条例 第九条)",
        path.display()
    )]
    Classified { path: PathBuf, level: String },

    #[error(transparent)]
    Font(#[from] FontError),

    /// Typst failed, or warned (every warning is treated as an error, so
    /// that no font substitution happens silently).
    #[error("typesetting failed: {0}")]
    Typeset(String),

    /// The laid-out pages break an invariant of the layout (text on no
    /// page, ink off the paper or outside the 版心): an error, never a
    /// silent PDF.
    #[error(
        "{}: {}{message}",
        path.display(), page.map_or(String::new(), |p| format!("page {p}: "))
    )]
    Layout {
        path: PathBuf,
        page: Option<usize>,
        message: String,
    },

    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{}: {message}", path.display())]
    Output { path: PathBuf, message: String },

    /// A command failed as a whole (`gen build` cannot start, say), for a
    /// reason its own error type gives. Boxed, so that this module names no
    /// command.
    #[error(transparent)]
    Command(Box<dyn std::error::Error + Send + Sync>),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
