//! `gen check`: lints a document (YAML) against GB/T 9704-2012 and the
//! 条例 (《党政机关公文处理工作条例》). Each finding names its clause, its
//! place (file:line:column), a severity and a suggestion.
//!
//! The rules read the YAML's values with their positions
//! ([`crate::spans`]), so that a document the model rejects (an impossible
//! 成文日期, say) is still linted: the model's own objection is one more
//! finding ([`rules::schema`]).

pub mod rules;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::Pos;
use crate::fonts::FontSet;
use crate::load::Source;

use crate::spans::Index;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Breaks a rule of the standard or the 条例, or stops typesetting.
    Error,
    /// Likely wrong; a person should look.
    Warning,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's name, e.g. `doc-number`.
    pub rule: &'static str,
    /// Where the requirement is written, e.g. `GB/T 9704-2012 §7.2.5`.
    pub clause: &'static str,
    pub severity: Severity,
    /// The field, e.g. `body[3].heading`.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// What to write instead, when one fix is clear.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl Finding {
    pub fn new(
        rule: &'static str,
        clause: &'static str,
        severity: Severity,
        path: &str,
        pos: Pos,
        message: String,
    ) -> Self {
        Finding {
            rule,
            clause,
            severity,
            path: path.to_string(),
            line: pos.line,
            column: pos.column,
            message,
            suggestion: None,
        }
    }

    pub fn suggest(mut self, s: impl Into<String>) -> Self {
        self.suggestion = Some(s.into());
        self
    }
}

/// Why a file cannot be linted at all (`gen check` exits with 2).
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("{}: cannot read: {source}; nothing checked", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not UTF-8 text (byte {offset}); save the file as UTF-8; nothing checked", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{}:{pos}: not YAML: {message}; nothing checked", path.display())]
    Syntax {
        path: PathBuf,
        pos: Pos,
        message: String,
    },
}

/// The findings for one file.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub file: String,
    pub findings: Vec<Finding>,
    pub errors: usize,
    pub warnings: usize,
}

impl Report {
    /// The report for people: `file:line:column: severity: message [rule, clause]`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let sev = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let field = if f.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", f.path)
            };
            out.push_str(&format!(
                "{}:{}:{}: {sev}: {field}{} [{}, {}]\n",
                self.file, f.line, f.column, f.message, f.rule, f.clause
            ));
            if let Some(s) = &f.suggestion {
                out.push_str(&format!("    suggestion: {s}\n"));
            }
        }
        if self.findings.is_empty() {
            out.push_str(&format!("{}: no findings\n", self.file));
        } else {
            out.push_str(&format!(
                "{}: {} error(s), {} warning(s)\n",
                self.file, self.errors, self.warnings
            ));
        }
        out
    }
}

/// Lints YAML text (seal images from the document's own folder tree).
pub fn lint(source: &Source, fonts: &FontSet) -> Result<Vec<Finding>, CheckError> {
    lint_with_assets(source, fonts, None)
}

/// Lints YAML text; seal images may also come from `asset_root` (as
/// `--asset-root` for the writers).
pub fn lint_with_assets(
    source: &Source,
    fonts: &FontSet,
    asset_root: Option<&Path>,
) -> Result<Vec<Finding>, CheckError> {
    let index = Index::build(&source.text).map_err(|e| CheckError::Syntax {
        path: source.path.clone(),
        pos: e.pos,
        message: e.message,
    })?;
    let mut findings = rules::run(&index, source, fonts, asset_root);
    findings.sort_by(|a, b| {
        (a.line, a.column, a.severity, a.rule).cmp(&(b.line, b.column, b.severity, b.rule))
    });
    findings.dedup();
    Ok(findings)
}

/// Reads and lints the file at `path`.
pub fn check_file(path: &Path, fonts: &FontSet) -> Result<Report, CheckError> {
    check_file_with_assets(path, fonts, None)
}

/// Reads and lints the file at `path`; seal images may also come from
/// `asset_root`.
pub fn check_file_with_assets(
    path: &Path,
    fonts: &FontSet,
    asset_root: Option<&Path>,
) -> Result<Report, CheckError> {
    let bytes =
        crate::limits::read_regular(path, crate::limits::MAX_DOCUMENT_BYTES).map_err(|source| {
            CheckError::Read {
                path: path.to_path_buf(),
                source,
            }
        })?;
    check_bytes_with_assets(path, &bytes, fonts, asset_root)
}

/// Lints a file's bytes.
pub fn check_bytes(path: &Path, bytes: &[u8], fonts: &FontSet) -> Result<Report, CheckError> {
    check_bytes_with_assets(path, bytes, fonts, None)
}

/// Lints a file's bytes; seal images may also come from `asset_root`.
pub fn check_bytes_with_assets(
    path: &Path,
    bytes: &[u8],
    fonts: &FontSet,
    asset_root: Option<&Path>,
) -> Result<Report, CheckError> {
    let source = Source::decode(path, bytes.to_vec()).map_err(|offset| CheckError::NotUtf8 {
        path: path.to_path_buf(),
        offset,
    })?;
    let findings = lint_with_assets(&source, fonts, asset_root)?;
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    Ok(Report {
        file: path.display().to_string(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        findings,
    })
}
