//! What only the command line knows: the values its options take (mirrors
//! of the library's enums, which know nothing of clap), and the failures
//! only a command has (a bad option, a bad environment variable, several
//! documents failing at once), each with its exit status.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use gongwen::fonts::FontError;
use gongwen::{Error, build, docx, pdf};

/// How a report is printed.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For people.
    Text,
    /// For tools.
    Json,
}

/// An output format `gen build` can write for each document
/// ([`build::OutputFormat`]).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The PDF that gets published (`gen pdf`).
    Pdf,
    /// The Word file colleagues keep editing (`gen docx`).
    Docx,
    /// The web page for 政务公开 (`gen html`).
    Html,
}

impl OutputFormat {
    /// Every format, in the order outputs are listed.
    pub const ALL: [OutputFormat; 3] = [OutputFormat::Pdf, OutputFormat::Docx, OutputFormat::Html];
}

impl From<OutputFormat> for build::OutputFormat {
    fn from(f: OutputFormat) -> Self {
        match f {
            OutputFormat::Pdf => build::OutputFormat::Pdf,
            OutputFormat::Docx => build::OutputFormat::Docx,
            OutputFormat::Html => build::OutputFormat::Html,
        }
    }
}

/// Which East Asian font names the DOCX asks for ([`docx::FontNames`]).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FontNames {
    /// 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体, Times New Roman:
    /// what offices have installed, and what colleagues expect to see in the
    /// font box.
    Official,
    /// The open fonts gongwen bundles (install them from `fonts/` first).
    Bundled,
}

impl From<FontNames> for docx::FontNames {
    fn from(f: FontNames) -> Self {
        match f {
            FontNames::Official => docx::FontNames::Official,
            FontNames::Bundled => docx::FontNames::Bundled,
        }
    }
}

/// Which page setup the DOCX writes ([`docx::PageGeometry`]).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PageGeometry {
    /// The 版心 filled with the text's em boxes, as in the PDF: line 1's em
    /// box at 37 mm, 22 lines of 29.6 pt, 28 characters of 15.8 pt (margins
    /// 3.36 / 3.36 / 2.8 / 2.58 cm in Word's page setup).
    Fill,
    /// The common Word template: margins 3.7 / 3.5 / 2.8 / 2.6 cm (the
    /// 版心's own), 22 lines of 28.95 pt, 28 characters of 15.75 pt.
    Template,
}

impl From<PageGeometry> for docx::PageGeometry {
    fn from(g: PageGeometry) -> Self {
        match g {
            PageGeometry::Fill => docx::PageGeometry::Fill,
            PageGeometry::Template => docx::PageGeometry::Template,
        }
    }
}

/// A PDF standard the output conforms to ([`pdf::Standard`]).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandard {
    /// PDF/A-2b (ISO 19005-2, basic): for archiving.
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-2a (ISO 19005-2, accessible): archiving, tagged structure.
    #[value(name = "a-2a")]
    A2a,
    /// PDF/UA-1 (ISO 14289-1): accessible to assistive technology.
    #[value(name = "ua-1")]
    Ua1,
}

impl From<PdfStandard> for pdf::Standard {
    fn from(s: PdfStandard) -> Self {
        match s {
            PdfStandard::A2b => pdf::Standard::A2b,
            PdfStandard::A2a => pdf::Standard::A2a,
            PdfStandard::Ua1 => pdf::Standard::Ua1,
        }
    }
}

/// Why a command failed: the library's errors, and the command line's own.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    Gen(#[from] Error),

    /// `gen import` cannot read the input (a PDF, an image, a legacy .doc,
    /// a broken DOCX …); nothing was written.
    #[error("{}: {source}", path.display())]
    Import {
        path: PathBuf,
        source: gongwen::import::ImportError,
    },

    /// `gen check` cannot lint the input at all: unreadable, not UTF-8, or
    /// not YAML (exit status 2, not 1).
    #[error(transparent)]
    Unusable(#[from] gongwen::check::CheckError),

    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),

    /// An environment variable gongwen reads has a value it cannot use.
    #[error("{var}={value:?}: expected {expected}")]
    Env {
        var: &'static str,
        value: String,
        expected: &'static str,
    },

    /// Several documents failed (each is reported).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\ngen: error: "))]
    Many(Vec<Failure>),
}

impl From<FontError> for Failure {
    fn from(e: FontError) -> Self {
        Failure::Gen(e.into())
    }
}

impl Failure {
    /// The exit status: 2 when the command cannot even start on its input
    /// (`gen check` on a file it cannot lint, a bad command line), 1 for
    /// every other failure.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::Unusable(_) | Failure::Usage(_) => ExitCode::from(2),
            _ => ExitCode::FAILURE,
        }
    }

    /// One failure, or all of several.
    pub fn all(mut failures: Vec<Failure>) -> Result<(), Failure> {
        match failures.len() {
            0 => Ok(()),
            1 => Err(failures.remove(0)),
            _ => Err(Failure::Many(failures)),
        }
    }
}
