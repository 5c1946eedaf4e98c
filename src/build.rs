//! `gen build`: a folder of documents typeset into a publication folder —
//! every output format of every document (PDF, DOCX, HTML), `manifest.json`, `SHA256SUMS`
//! and the format's JSON Schema — in one process on all cores.
//!
//! The folder is made complete in a private staging folder beside the
//! target and then put in place in one rename, so a reader (or a crash)
//! never sees half of it. The same sources and the same `gen` give the
//! same bytes in every file, whatever the number of jobs.

pub mod progress;
mod sources;
mod staging;

use std::fs;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::docx;
use crate::error::Error;
use crate::fonts::FontSet;
use crate::layout::Typesetter;
use crate::load;
use crate::pdf;
use crate::schema;
use sources::{discover, plan};
use staging::{
    check_target, new_staging, publish, refuse_output_over_inputs, remove_stale_staging,
};

/// An output format `gen build` can write for each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
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

    /// Whether the format has pages (and so needs the layout).
    pub fn paged(self) -> bool {
        match self {
            OutputFormat::Pdf | OutputFormat::Docx => true,
            OutputFormat::Html => false,
        }
    }

    /// The output file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Pdf => "pdf",
            OutputFormat::Docx => "docx",
            OutputFormat::Html => "html",
        }
    }
}

/// The manifest's name in the output folder.
pub const MANIFEST: &str = "manifest.json";
/// The checksum list's name in the output folder (`sha256sum -c` reads it).
pub const SHA256SUMS: &str = "SHA256SUMS";

/// Memo entries Typst has not used for this many documents are dropped,
/// so that a long batch keeps what documents share (shaped text, fonts)
/// without growing without bound.
const EVICT_AFTER_DOCUMENTS: usize = 10;

/// What `gen build` makes and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The formats, each once (any order; outputs follow [`OutputFormat::ALL`]).
    pub formats: Vec<OutputFormat>,
    /// Documents typeset at the same time.
    pub jobs: NonZeroUsize,
    pub pdf: pdf::Settings,
    pub docx: docx::Options,
    /// The folder seal images may come from, besides each document's own
    /// folder tree (as `--asset-root` for `gen pdf`).
    pub asset_root: Option<PathBuf>,
}

/// Why a build cannot start or finish (per-document errors are
/// [`Error`]s of their own).
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{}: cannot read the folder: {source}", path.display())]
    Walk {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("no documents (*.yaml, *.yml) in {0}")]
    NoDocuments(String),

    /// Two sources would write the same output files.
    #[error(
        "{} and {} would both be written as {name}.*; rename one (output names must differ in more than letter case)",
        first.display(), second.display()
    )]
    Collision {
        name: String,
        first: PathBuf,
        second: PathBuf,
    },

    #[error(
        "{}: exists and is not a folder `gen build` made (no gongwen {MANIFEST} in it); remove it or name another folder with -o",
        .0.display()
    )]
    Foreign(PathBuf),

    #[error("{}: not a folder; name a folder with -o", .0.display())]
    NotAFolder(PathBuf),

    /// The output folder is, or contains, a source: publishing would
    /// replace the sources with the build.
    #[error(
        "{}: the output folder {} the input {}; a build replaces its output folder as a whole, so name a folder outside the inputs with -o",
        out.display(), if *out_is_input { "is" } else { "contains" }, input.display()
    )]
    OutputHoldsInput {
        out: PathBuf,
        input: PathBuf,
        out_is_input: bool,
    },

    /// A document found in an input folder that is a symbolic link to a
    /// file outside that folder (a committed link would publish, or echo
    /// in an error, any file the build can read).
    #[error(
        "{}: a symbolic link to a file outside {}; gen build reads only documents inside the folders it is given (copy the document into the folder, or name it as a PATH of its own)",
        path.display(), folder.display()
    )]
    Outside { path: PathBuf, folder: PathBuf },

    #[error("{}: typesetting failed: {message}", path.display())]
    Typeset { path: PathBuf, message: String },

    #[error("{}: internal error (please report it): {message}", path.display())]
    Panic { path: PathBuf, message: String },
}

impl From<BuildError> for Error {
    fn from(e: BuildError) -> Self {
        Error::Command(Box::new(e))
    }
}

/// One document to build.
#[derive(Debug, Clone)]
struct Job {
    source: PathBuf,
    /// The output files' name without extension.
    name: String,
}

/// One source file in the manifest.
#[derive(Debug, Clone, Serialize)]
pub struct SourceEntry {
    pub path: String,
    pub sha256: String,
}

/// One output file in the manifest.
#[derive(Debug, Clone, Serialize)]
pub struct OutputEntry {
    pub file: String,
    pub format: OutputFormat,
    pub bytes: u64,
    pub sha256: String,
}

/// One document in the manifest.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentEntry {
    pub name: String,
    pub source: SourceEntry,
    /// 文种.
    pub kind: &'static str,
    /// 标题, on one line.
    pub title: String,
    /// 发文字号.
    pub doc_number: Option<String>,
    /// 成文日期, YYYY-MM-DD.
    pub date: String,
    /// 发文机关署名 (several for a joint document).
    pub issuer: Vec<String>,
    /// Pages of the PDF (the DOCX is laid out on the same grid); none when
    /// only web pages are built, which have no pages and are not laid out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    pub outputs: Vec<OutputEntry>,
}

/// `manifest.json`.
#[derive(Debug, Serialize)]
struct Manifest<'a> {
    gongwen: &'static str,
    formats: &'a [OutputFormat],
    pdf_standard: Option<&'static str>,
    schema: &'static str,
    documents: &'a [DocumentEntry],
}

/// What a build did.
#[derive(Debug)]
pub struct Report {
    /// The documents built, in the manifest's order.
    pub built: Vec<DocumentEntry>,
    /// The documents that failed, with why, in source order.
    pub failed: Vec<Error>,
    /// Whether the output folder was written (not when every document
    /// failed: the folder is then left as it was).
    pub written: bool,
}

/// What happens during a build, for a progress display.
#[derive(Debug)]
pub enum Event<'a> {
    /// About to typeset `total` documents.
    Start { total: usize },
    /// One document is done.
    Done { source: &'a Path, ok: bool },
}

/// Builds every document found in `paths` into the folder `out`.
///
/// Fails before writing anything if the sources cannot be listed, two of
/// them would write the same file, or `out` is something other than a
/// folder an earlier build made. A document that fails is reported in the
/// [`Report`] and left out; the others are built.
pub fn build(
    paths: &[PathBuf],
    out: &Path,
    fonts: &FontSet,
    options: &Options,
    on_event: &mut dyn FnMut(Event),
) -> Result<Report, Error> {
    let sources = discover(paths)?;
    let jobs = plan(&sources)?;
    refuse_output_over_inputs(out, paths, &sources)?;
    check_target(out)?;
    let mut formats = options.formats.clone();
    formats.sort();
    formats.dedup();

    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|source| Error::Write {
        path: parent.clone(),
        source,
    })?;
    remove_stale_staging(&parent);
    let (staging, _lock) = new_staging(&parent)?;

    on_event(Event::Start { total: jobs.len() });
    // One typesetter for every document: the fonts, their book and the
    // template are shared, and Typst's memo cache serves them all.
    let typesetter = Typesetter::new(fonts, options.pdf.red());
    let context = Context {
        typesetter: &typesetter,
        formats: &formats,
        pdf: options.pdf,
        docx: options.docx,
        asset_root: options.asset_root.as_deref(),
        staging: staging.path(),
    };
    let results = run_jobs(&jobs, options.jobs, &context, on_event);

    let mut built = Vec::new();
    let mut failed = Vec::new();
    for result in results {
        match result {
            Ok(entry) => built.push(entry),
            Err(e) => failed.push(e),
        }
    }
    built.sort_by(|a, b| a.name.cmp(&b.name));
    if built.is_empty() {
        return Ok(Report {
            built,
            failed,
            written: false,
        });
    }

    let manifest = Manifest {
        gongwen: env!("CARGO_PKG_VERSION"),
        formats: &formats,
        pdf_standard: options.pdf.standard.map(standard_name),
        schema: schema::FILE_NAME,
        documents: &built,
    };
    let mut manifest_json =
        serde_json::to_string_pretty(&manifest).expect("the manifest serialises as JSON");
    manifest_json.push('\n');
    let schema_json = schema::document_schema_json();
    write_new(
        &staging.path().join(schema::FILE_NAME),
        schema_json.as_bytes(),
    )?;
    write_new(&staging.path().join(MANIFEST), manifest_json.as_bytes())?;
    // The outputs' sums were taken as they were written (on every core).
    let sums = checksums(
        built
            .iter()
            .flat_map(|d| &d.outputs)
            .map(|o| (o.file.clone(), o.sha256.clone()))
            .chain([
                (
                    schema::FILE_NAME.to_string(),
                    sha256_hex(schema_json.as_bytes()),
                ),
                (MANIFEST.to_string(), sha256_hex(manifest_json.as_bytes())),
            ])
            .collect(),
    );
    write_new(&staging.path().join(SHA256SUMS), sums.as_bytes())?;
    publish(staging, out)?;
    Ok(Report {
        built,
        failed,
        written: true,
    })
}

fn standard_name(standard: pdf::Standard) -> &'static str {
    match standard {
        pdf::Standard::A2b => "a-2b",
        pdf::Standard::A2a => "a-2a",
        pdf::Standard::Ua1 => "ua-1",
    }
}

/// What every job reads.
struct Context<'a> {
    typesetter: &'a Typesetter<'a>,
    formats: &'a [OutputFormat],
    pdf: pdf::Settings,
    docx: docx::Options,
    asset_root: Option<&'a Path>,
    staging: &'a Path,
}

/// Runs the jobs on `threads` threads; results in the jobs' order.
fn run_jobs(
    jobs: &[Job],
    threads: NonZeroUsize,
    context: &Context,
    on_event: &mut dyn FnMut(Event),
) -> Vec<Result<DocumentEntry, Error>> {
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel();
    let mut results: Vec<Option<Result<DocumentEntry, Error>>> =
        std::iter::repeat_with(|| None).take(jobs.len()).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads.get().min(jobs.len()) {
            let send = send.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let result = build_guarded(job, context);
                    comemo::evict(EVICT_AFTER_DOCUMENTS);
                    if send.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        for (i, result) in receive {
            on_event(Event::Done {
                source: &jobs[i].source,
                ok: result.is_ok(),
            });
            results[i] = Some(result);
        }
    });
    results
        .into_iter()
        .map(|r| r.expect("every job sends its result"))
        .collect()
}

/// Builds one document; a panic inside Typst or gongwen becomes this
/// document's error instead of ending the batch.
fn build_guarded(job: &Job, context: &Context) -> Result<DocumentEntry, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build_one(job, context)))
        .unwrap_or_else(|panic| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".into());
            Err(BuildError::Panic {
                path: job.source.clone(),
                message,
            }
            .into())
        })
}

fn build_one(job: &Job, context: &Context) -> Result<DocumentEntry, Error> {
    let bytes = load::read(&job.source)?;
    let source_sha256 = sha256_hex(&bytes);
    let (doc, source) = load::load_bytes(&job.source, bytes)?;
    let typeset_error = |e: Error| match e {
        Error::Typeset(message) => BuildError::Typeset {
            path: job.source.clone(),
            message,
        }
        .into(),
        other => other,
    };
    // Laid out once for every paged format; a web page has no pages.
    let paged = context.formats.iter().any(|f| f.paged());
    let laid = if paged {
        // Images (seals) from the document's own folder, checked once.
        let assets = crate::assets::Assets::load(&doc, &source, context.asset_root)?;
        let laid = context
            .typesetter
            .lay_out(&doc, &source, &assets)
            .map_err(typeset_error)?;
        Some(laid)
    } else {
        None
    };
    // Every output made before any is written: a document that fails
    // leaves no file behind.
    let mut made = Vec::new();
    for &format in context.formats {
        let bytes = match (format, &laid) {
            (OutputFormat::Pdf, Some(laid)) => {
                pdf::export(laid, &context.pdf).map_err(typeset_error)?
            }
            (OutputFormat::Docx, Some(laid)) => docx::render(laid, context.docx)?,
            (OutputFormat::Html, _) => crate::html::render(&doc, &source)?,
            (OutputFormat::Pdf | OutputFormat::Docx, None) => {
                unreachable!("a paged format is laid out")
            }
        };
        made.push((format, bytes));
    }
    let mut outputs: Vec<OutputEntry> = Vec::new();
    for (format, bytes) in made {
        let file = format!("{}.{}", job.name, format.extension());
        if let Err(e) = write_new(&context.staging.join(&file), &bytes) {
            for written in &outputs {
                let _ = fs::remove_file(context.staging.join(&written.file));
            }
            return Err(e);
        }
        outputs.push(OutputEntry {
            file,
            format,
            bytes: bytes.len() as u64,
            sha256: sha256_hex(&bytes),
        });
    }
    Ok(DocumentEntry {
        name: job.name.clone(),
        source: SourceEntry {
            path: job.source.to_string_lossy().into_owned(),
            sha256: source_sha256,
        },
        kind: doc.kind.name(),
        title: doc.display_title(),
        doc_number: doc.doc_number.clone(),
        date: doc.date.iso(),
        issuer: doc.issuer.clone(),
        pages: laid.as_ref().map(|l| l.pages()),
        outputs,
    })
}

/// Writes a new file in the staging folder, flushed to disk.
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut file = fs::File::create_new(path).map_err(err)?;
    file.write_all(bytes).map_err(err)?;
    file.sync_all().map_err(err)
}

/// The hexadecimal SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `SHA256SUMS` of the folder's files, (name, SHA-256) each, sorted by
/// name, in the format `sha256sum -c` reads (hash, two spaces, name).
fn checksums(mut files: Vec<(String, String)>) -> String {
    files.sort();
    files
        .iter()
        .map(|(name, sha256)| format!("{sha256}  {name}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_strings() {
        // FIPS 180-2 appendix B.1 and the empty string.
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn names_differing_only_in_case_collide() {
        let e = plan(&["a/Notice.yaml".into(), "b/notice.yml".into()]).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("a/Notice.yaml") && msg.contains("b/notice.yml"),
            "{msg}"
        );
        assert!(plan(&["a/x.yaml".into(), "a/y.yaml".into()]).is_ok());
    }
}
