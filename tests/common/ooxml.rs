//! Every DOCX the tests write is also checked against the OOXML schemas
//! and the Open XML SDK's semantic rules (openxml-audit, through
//! `tests/support/docx_validate.py`): it catches what Word silently
//! repairs, such as elements out of schema order.

use std::path::Path;

use serde_json::Value;

use super::tools::{Tool, need};
use super::{path_str, python, root};

/// One finding of the validator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The file.
    pub file: String,
    /// The part, e.g. `/word/document.xml`.
    pub part: String,
    /// Where in the part (an XPath).
    pub path: String,
    /// The element or attribute.
    pub node: String,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}{} ({}): {}",
            self.file, self.part, self.path, self.node, self.message
        )
    }
}

/// The validator's errors for `files`, in one run; `None` when it is not
/// installed and not required (see [`need`]).
pub fn findings(files: &[&Path]) -> Option<Vec<Finding>> {
    if files.is_empty() {
        return Some(Vec::new());
    }
    if !need(&[Tool::OpenxmlAudit]) {
        return None;
    }
    let mut args = vec![path_str(&root().join("tests/support/docx_validate.py")).to_string()];
    args.extend(files.iter().map(|f| path_str(f).to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = super::run(&python(), &args, &[]);
    let mut all = Vec::new();
    for line in String::from_utf8(out).expect("UTF-8 JSON").lines() {
        let v: Value = serde_json::from_str(line).expect("docx_validate.py writes JSON");
        let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
        for e in v["errors"].as_array().unwrap() {
            all.push(Finding {
                file: s(&v["file"]),
                part: s(&e["part"]),
                path: s(&e["path"]),
                node: s(&e["node"]),
                message: s(&e["message"]),
            });
        }
    }
    Some(all)
}

/// An error the validator finds in gongwen's DOCX today, waiting for the
/// fix in `src/` that `fix` names. [`assert_valid`] lets these through
/// (and only these), and `tests/docx.rs`'s
/// `the_known_ooxml_errors_are_still_there` fails once one is gone, so
/// that its entry goes with the fix.
#[derive(Debug, Clone, Copy)]
pub struct Known {
    pub part: &'static str,
    pub node: &'static str,
    pub message: &'static str,
    pub fix: &'static str,
}

impl Known {
    pub fn matches(&self, f: &Finding) -> bool {
        f.part == self.part && f.node == self.node && f.message == self.message
    }
}

/// The errors gongwen's DOCX has today.
pub const KNOWN: &[Known] = &[Known {
    part: "/word/document.xml",
    node: "Relationship",
    message: "A required relationship type \
                  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme' \
                  is missing.",
    fix: "src/docx (the package): no theme part; the validator's strict policy (as Word \
              writes them) wants word/theme/theme1.xml related from word/document.xml (ECMA-376 \
              makes the part optional)",
}];

/// Asserts that the validator finds no error in any of `files` (one run
/// for all) other than the [`KNOWN`] ones. Without the validator (and not
/// required), says so and checks nothing.
pub fn assert_valid(files: &[&Path]) {
    if let Some(found) = findings(files) {
        let new: Vec<&Finding> = found
            .iter()
            .filter(|f| !KNOWN.iter().any(|k| k.matches(f)))
            .collect();
        assert!(
            new.is_empty(),
            "{} OOXML error(s):\n{}",
            new.len(),
            new.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
