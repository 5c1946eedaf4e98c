//! `gen`: the gongwen command line. The one place errors are reported.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod cli;

use clap::{Args, Parser, Subcommand};

use cli::{Failure, FontNames, OutputFormat, PageGeometry, PdfStandard, ReportFormat};
use gongwen::fonts::FontSet;
use gongwen::layout::{Laid, Red, Typesetter};
use gongwen::{Error, load, output, pdf};

/// Typeset Chinese official documents (公文) exactly as GB/T 9704-2012
/// prescribes, from a document written once as YAML.
#[derive(Parser)]
#[command(name = "gen", version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "\
Examples:
  gen pdf data/notice.yaml                 writes data/notice.pdf
  gen pdf data/notice.yaml -o out/n.pdf    writes out/n.pdf
  gen pdf data/*.yaml                      writes a PDF beside each document
  gen html data/notice.yaml                writes data/notice.html, a page for 政务公开
  gen pdf notice.yaml --font-dir ~/fonts   prefers 仿宋_GB2312, 方正小标宋简体 … found there
  gen import page.txt                      writes page.yaml from a draft, a copied web page or a DOCX
  gen check data/notice.yaml               lints it against GB/T 9704-2012 and the 条例
  gen serve data                           the editor in the browser: form, YAML, real pages
  gen watch data/notice.yaml               rewrites data/notice.pdf at every save

The YAML format is described in README.md; data/ holds a complete example.";

#[derive(Subcommand)]
enum Command {
    /// Typeset a document as PDF (the version that gets published).
    #[command(after_help = "\
The PDF is A4 with the 版心 156 × 225 mm at 37 mm from the top and 28 mm from
the left, 22 lines of 28 characters, 3号仿宋 body, 2号小标宋 title, and page
numbers \"— N —\" outside the 版心 (GB/T 9704-2012 §5, §7). The same input
always gives the same bytes: the PDF's date is the document's 成文日期, or
SOURCE_DATE_EPOCH when that is set.")]
    Pdf(PdfArgs),
    /// Write a document as a web page (HTML) for 政务公开.
    #[command(after_help = HTML_HELP)]
    Html(HtmlArgs),
    /// Typeset a document as DOCX (the Word file colleagues keep editing).
    #[command(after_help = "\
The DOCX has the same page as the PDF: A4, the 版心 156 × 225 mm at 37 mm from
the top and 28 mm from the left, 22 lines of 28 characters (or, with
--docx-geometry template, the common Word template's 3.7/3.5/2.8/2.6 cm
margins and 28.95 pt lines), named styles for every element (公文标题, 正文,
一级标题 … 公文页码), and odd/even page-number footers. README.md, \"Editing
the Word file\", says what stays right when the file is edited.")]
    Docx(DocxArgs),
    /// Turn a draft, a page copied from a website, or a Word file into YAML.
    #[command(after_help = IMPORT_HELP)]
    Import(ImportArgs),
    /// Lint a document against GB/T 9704-2012 and the 条例.
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Typeset a folder of documents into a publication folder, with
    /// manifest.json and SHA256SUMS.
    #[command(after_help = BUILD_HELP)]
    Build(BuildArgs),
    /// Print the JSON Schema (draft 2020-12) of the YAML format.
    #[command(after_help = SCHEMA_HELP)]
    Schema,
    /// Start the local editor in the browser: a form, the YAML, and the
    /// real pages as you type.
    #[command(after_help = SERVE_HELP)]
    Serve(ServeArgs),
    /// Write the PDF (and DOCX/HTML if asked) again every time a document
    /// is saved.
    #[command(after_help = WATCH_HELP)]
    Watch(WatchArgs),
}

const SERVE_HELP: &str = "\
Prints the editor's address (http://127.0.0.1:PORT/); open it in a browser.
Everything the page needs is inside gen: nothing is loaded from the
internet. Documents are opened and saved inside PATH only; unsaved edits are
kept in a hidden journal beside each file (.NAME.yaml.journal) and offered
back when the file is opened again. Ctrl-C stops the editor.

Examples:
  gen serve                    the current folder
  gen serve data/notice.yaml   opens that document
  gen serve docs --port 8080";

const WATCH_HELP: &str = "\
Looks at FILE several times a second; after each save writes FILE.pdf (and
FILE.docx, FILE.html with --docx, --html) beside it and prints the time it
took and `gen check`'s findings. A save that cannot be typeset is reported
and the last good outputs stay. Ctrl-C stops.";

#[derive(Args)]
struct ServeArgs {
    /// A YAML document, or a folder of them.
    #[arg(value_name = "PATH", default_value = ".")]
    path: PathBuf,
    /// The port [default: a free one].
    #[arg(long)]
    port: Option<u16>,
    /// Listen on another address than 127.0.0.1. Anyone who can reach it
    /// can read and write the folder's documents.
    #[arg(long, value_name = "ADDRESS")]
    host: Option<std::net::IpAddr>,
    /// As for `gen pdf`.
    #[arg(long, value_name = "DIR", env = "GONGWEN_FONT_DIR")]
    font_dir: Option<PathBuf>,
}

#[derive(Args)]
struct WatchArgs {
    /// The document, as YAML.
    input: PathBuf,
    /// Also write the DOCX.
    #[arg(long)]
    docx: bool,
    /// Also write the HTML.
    #[arg(long)]
    html: bool,
    /// As for `gen pdf`.
    #[arg(long, value_name = "DIR", env = "GONGWEN_FONT_DIR")]
    font_dir: Option<PathBuf>,
}

const BUILD_HELP: &str = "\
Writes DIR/NAME.pdf, DIR/NAME.docx and DIR/NAME.html for each document
NAME.yaml (or .yml) found in PATH (folders are searched recursively; a
classified document has no web page: build it with --formats pdf,docx),
then DIR/manifest.json
(each document's source and its SHA-256, 文种, 标题, 发文字号, 成文日期,
发文机关署名, page count, and each output's size and SHA-256),
DIR/gongwen.schema.json and DIR/SHA256SUMS (check with `sha256sum -c`).

DIR is made in a hidden folder beside it and put in place at the end, so it
is never half-written; an earlier build in DIR is replaced as a whole. The
same sources and the same gen give the same bytes, whatever --jobs says.
A document that fails is reported and left out; the rest are built, and the
exit status is 1. Two sources with the same file name are an error before
anything is written.

Examples:
  gen build                                data/ → dist/
  gen build data -o dist --jobs 4          four documents at a time
  gen build a.yaml b/ --formats pdf        PDFs only
  gen build --pdf-standard a-2b            PDF/A-2b, for archiving";

const SCHEMA_HELP: &str = "\
The schema is generated from gongwen's document model. Point an editor at it
and it completes and checks documents as you type, e.g. with the first line

  # yaml-language-server: $schema=gongwen.schema.json

Example:
  gen schema > gongwen.schema.json";

const HTML_HELP: &str = "\
One self-contained UTF-8 HTML5 file, to publish in a 政务公开 or 党务公开
column: no script, nothing loaded from elsewhere, the CSS inline. On the page:
发文机关标志 and 发文字号, the 标题 (the only <h1>), 主送机关, the 正文 with
headings <h2>-<h5> (numbers as text), 附件说明, 署名 and 成文日期 (<time>),
附注, and the 版记 (<footer>). Left out: 份号, 紧急程度, 签发人, and seals. A
classified document (密级) is refused. The <head> carries the meta tags of
《政府网站发展指引》 the document knows (ArticleTitle, PubDate, ContentSource,
author, description) and a schema.org JSON-LD block. Printed from a browser,
the page is A4 with the PDF's margins and 3号 text.";

const IMPORT_HELP: &str = "\
Reads text (UTF-8, UTF-16 with a byte-order mark, GB18030/GBK) or a Word
DOCX. Refuses, by their first bytes, what it cannot read (PDF, images, legacy
.doc/.wps, RTF, HTML, other zips), naming what the file looks like.

Drops the furniture of portal pages (breadcrumbs, metadata tables, publish
and view-count lines, font-size, share, print, close and 纠错 widgets,
上一篇/下一篇, download lists, site footers) and uses the metadata's 文号,
成文日期 and 发布机构 as evidence. Finds the 标题 (the line ending in a 文种),
发文字号, 主送机关, 正文 with heading levels from their numbers (一、 （一） 1.
（1）, also (1), 1), 1、, ⑴, ⒈ and other variants, or from a DOCX's heading
styles), 附件说明, 署名, 成文日期 and 附注. Makes full-width digits half-width,
half-width , : ; ( ) ? ! in Chinese text full-width, a . ending a Chinese
sentence 。, and joins hard-wrapped paragraphs.

The report lists every line dropped, every repair made (each join of a
wrapped line included), and every place it could not repair with certainty
(dates that lost 年 or 月, numbers that lost their parentheses, gaps in the
numbering, metadata that disagrees with the text, DOCX tables), each as
INPUT:LINE:COLUMN with a suggested fix. Nothing is guessed silently. For a
DOCX, LINE counts paragraphs (each table row and soft-broken line is one).

Examples:
  gen import notice.txt                     writes notice.yaml; report on stderr
  gen import notice.docx                    reads a Word file
  gen import notice.txt -o out/n.yaml       writes out/n.yaml
  gen import notice.txt --format json       report as JSON on stdout: each item has
                                            line, column, end_column, action
                                            (dropped/repaired/review), rule, text,
                                            message, replacement, alternatives

To apply a suggested fix, replace columns column..end_column of that line of
the input with `replacement`, then import again.

Exit status: 0 the YAML was written; 1 it was not (unreadable input, a format
it cannot read, or the output would overwrite the input).";

const CHECK_HELP: &str = "\
Rules: 发文字号 form (〔〕, no 第, no leading zero; §7.2.5); real calendar dates
(§7.3.5.4, §9); half-width punctuation in Chinese text (§9, GB/T 15834);
heading numbers written by hand (§7.3.3); a title ending in punctuation or
broken inside a word (§7.3.1); 附件说明 against the attachments (§7.3.4);
请示/报告 without 签发人 (条例 第九条); characters no font has (§5.2.2); and
whatever stops the document loading (条例 第九条).

Examples:
  gen check notice.yaml                  findings as FILE:LINE:COLUMN: severity: …
  gen check notice.yaml --format json    the same as JSON, for tools

Exit status: 0 no error-level findings (warnings allowed); 1 error-level
findings; 2 the input cannot be linted (unreadable, not UTF-8, not YAML).";

#[derive(Args)]
struct ImportArgs {
    /// The text (UTF-8, UTF-16, GB18030/GBK) or a Word file (DOCX).
    input: PathBuf,
    /// Where to write the YAML [default: INPUT with the extension .yaml].
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The report: `text` on stderr, or `json` on stdout.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
}

#[derive(Args)]
struct CheckArgs {
    /// The document, as YAML.
    input: PathBuf,
    /// The findings: `text` or `json`, on stdout.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// A folder of fonts, as for `gen pdf`: characters they have are not
    /// reported missing.
    #[arg(long, value_name = "DIR", env = "GONGWEN_FONT_DIR")]
    font_dir: Option<PathBuf>,
    /// As for `gen pdf`: a folder seal images may come from, besides the
    /// document's own folder tree.
    #[arg(long, value_name = "DIR")]
    asset_root: Option<PathBuf>,
}

#[derive(Args)]
struct PdfArgs {
    #[command(flatten)]
    render: RenderArgs,
    /// Write a PDF that conforms to this standard: `a-2b` (PDF/A-2b, for
    /// archiving), `a-2a` (PDF/A-2a) or `ua-1` (PDF/UA-1). Under PDF/A the
    /// red is sRGB #FF3333 instead of CMYK Y80 M80.
    #[arg(long, value_enum, value_name = "STANDARD")]
    pdf_standard: Option<PdfStandard>,
}

#[derive(Args)]
struct BuildArgs {
    /// Documents (YAML files) and folders to search for *.yaml and *.yml.
    #[arg(value_name = "PATH", default_value = "data")]
    paths: Vec<PathBuf>,
    /// The publication folder.
    #[arg(short, long, value_name = "DIR", default_value = "dist")]
    output: PathBuf,
    /// The output formats, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = OutputFormat::ALL)]
    formats: Vec<OutputFormat>,
    /// Documents typeset at the same time [default: the number of CPUs].
    #[arg(short, long, value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
    /// As for `gen pdf`.
    #[arg(long, value_enum, value_name = "STANDARD")]
    pdf_standard: Option<PdfStandard>,
    /// As for `gen docx`.
    #[arg(long, value_enum, default_value_t = FontNames::Official)]
    docx_fonts: FontNames,
    /// As for `gen docx`.
    #[arg(long, value_enum, default_value_t = PageGeometry::Fill)]
    docx_geometry: PageGeometry,
    /// As for `gen pdf`.
    #[arg(long, value_name = "DIR", env = "GONGWEN_FONT_DIR")]
    font_dir: Option<PathBuf>,
    /// As for `gen pdf`: a folder seal images may come from, besides each
    /// document's own folder tree.
    #[arg(long, value_name = "DIR")]
    asset_root: Option<PathBuf>,
}

#[derive(Args)]
struct DocxArgs {
    #[command(flatten)]
    render: RenderArgs,
    /// Which font names the DOCX asks for: `official` (方正小标宋简体,
    /// 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体, Times New Roman — what offices
    /// have installed) or `bundled` (the open fonts gongwen ships).
    #[arg(long, value_enum, default_value_t = FontNames::Official)]
    docx_fonts: FontNames,
    /// Page setup: `fill` (the text's em boxes fill the 版心, as in the PDF;
    /// margins 3.36/3.36/2.8/2.58 cm, 29.6 pt lines) or `template` (the
    /// margins offices check, 3.7/3.5/2.8/2.6 cm, 28.95 pt lines). Both set
    /// 22 lines of 28 characters.
    #[arg(long, value_enum, default_value_t = PageGeometry::Fill)]
    docx_geometry: PageGeometry,
}

#[derive(Args)]
struct HtmlArgs {
    /// The documents, as YAML: one, or several (each page goes beside its
    /// input).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Where to write the page [default: INPUT with the extension .html].
    /// Only with a single INPUT.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Put the seal images (印章, 签名章) on the page, embedded, with alt
    /// text. Off by default: a published seal image invites forgery.
    #[arg(long)]
    with_seals: bool,
    /// With --with-seals: a folder seal images may come from, besides the
    /// document's own folder tree.
    #[arg(long, value_name = "DIR")]
    asset_root: Option<PathBuf>,
}

#[derive(Args)]
struct RenderArgs {
    /// The documents, as YAML: one, or several (each output goes beside its
    /// input).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Where to write the output [default: INPUT with the new extension].
    /// Only with a single INPUT.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A folder of fonts the office owns (方正小标宋简体, 仿宋_GB2312,
    /// 楷体_GB2312, 黑体, 宋体, Times New Roman), found by family name and
    /// preferred over the bundled open fonts, which remain the fallback.
    #[arg(long, value_name = "DIR", env = "GONGWEN_FONT_DIR")]
    font_dir: Option<PathBuf>,
    /// The folder images (seals) may come from [default: each document's
    /// own folder]. Image paths are relative to the document; one that
    /// leads out of this folder (an absolute path, `..`, a symbolic link)
    /// is refused.
    #[arg(long, value_name = "DIR")]
    asset_root: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("gen: error: {e}");
            e.exit_code()
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Pdf(args) => {
            let settings = pdf::Settings {
                stamp: stamp()?,
                standard: args.pdf_standard.map(Into::into),
            };
            render_all(&args.render, "pdf", settings.red(), |laid| {
                pdf::export(laid, &settings)
            })
        }
        Command::Docx(args) => {
            let options = gongwen::docx::Options {
                fonts: args.docx_fonts.into(),
                geometry: args.docx_geometry.into(),
            };
            // The red is the PDF's: the DOCX draws its own.
            render_all(&args.render, "docx", Red::default(), |laid| {
                gongwen::docx::render(laid, options)
            })
        }
        Command::Html(args) => {
            write_all(&args.inputs, args.output.as_ref(), "html", |doc, source| {
                if args.with_seals {
                    let assets =
                        gongwen::assets::Assets::load(doc, source, args.asset_root.as_deref())?;
                    gongwen::html::render_with_seals(doc, source, Some(&assets))
                } else {
                    gongwen::html::render(doc, source)
                }
            })
        }
        Command::Import(args) => import(&args),
        Command::Check(args) => check(&args),
        Command::Build(args) => build(&args),
        Command::Serve(args) => serve(&args),
        Command::Watch(args) => watch(&args),
        Command::Schema => {
            print_out(&gongwen::schema::document_schema_json());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Ctrl-C sets the flag the server and the watcher stop on.
fn stop_on_ctrl_c() -> Result<std::sync::Arc<std::sync::atomic::AtomicBool>, Failure> {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst))
        .map_err(|e| Failure::Usage(format!("cannot catch Ctrl-C: {e}")))?;
    Ok(stop)
}

fn serve(args: &ServeArgs) -> Result<ExitCode, Failure> {
    let fonts: &'static FontSet = Box::leak(Box::new(match &args.font_dir {
        Some(dir) => FontSet::with_dir(dir)?,
        None => FontSet::bundled(),
    }));
    let host = args
        .host
        .unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    if !host.is_loopback() {
        eprintln!(
            "gen: warning: listening on {host}: anyone who can reach this address can read and \
             change the documents in {}",
            args.path.display()
        );
    }
    let config = gongwen::serve::Config {
        path: args.path.clone(),
        host,
        port: args.port,
    };
    let server =
        gongwen::serve::Server::bind(&config, fonts).map_err(|e| Failure::Usage(e.to_string()))?;
    let stop = stop_on_ctrl_c()?;
    println!("gongwen 编辑器：{}", server.url());
    println!("在浏览器中打开上面的地址；按 Ctrl-C 停止。");
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    server.run(&stop);
    eprintln!("gen: editor stopped");
    Ok(ExitCode::SUCCESS)
}

fn watch(args: &WatchArgs) -> Result<ExitCode, Failure> {
    use gongwen::serve::watch::{self, Event, Outputs};
    let fonts = match &args.font_dir {
        Some(dir) => FontSet::with_dir(dir)?,
        None => FontSet::bundled(),
    };
    if !args.input.is_file() {
        return Err(Failure::Gen(Error::Read {
            path: args.input.clone(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        }));
    }
    let stop = stop_on_ctrl_c()?;
    let outputs = Outputs {
        docx: args.docx,
        html: args.html,
    };
    eprintln!("gen: watching {} (Ctrl-C stops)", args.input.display());
    watch::watch(&args.input, outputs, &fonts, &stop, &mut |event| {
        let now = clock();
        match event {
            Event::Written {
                files,
                millis,
                pages,
                findings,
            } => {
                let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                eprintln!(
                    "[{now}] wrote {} ({pages} page{}) in {millis:.0} ms",
                    names.join(", "),
                    if pages == 1 { "" } else { "s" }
                );
                print_findings(&args.input, &findings);
            }
            Event::Failed { error, findings } => {
                eprintln!("[{now}] gen: error: {error}");
                print_findings(&args.input, &findings);
            }
        }
    });
    eprintln!("gen: stopped watching");
    Ok(ExitCode::SUCCESS)
}

fn print_findings(input: &Path, findings: &[gongwen::check::Finding]) {
    for f in findings {
        let sev = match f.severity {
            gongwen::check::Severity::Error => "error",
            gongwen::check::Severity::Warning => "warning",
        };
        let field = if f.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", f.path)
        };
        eprintln!(
            "  {}:{}:{}: {sev}: {field}{} [{}, {}]",
            input.display(),
            f.line,
            f.column,
            f.message,
            f.rule,
            f.clause
        );
    }
}

/// The time of day (UTC), for `gen watch`'s lines.
fn clock() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!(
        "{:02}:{:02}:{:02}",
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60
    )
}

fn build(args: &BuildArgs) -> Result<ExitCode, Failure> {
    use gongwen::build::{self, progress::Progress};
    let fonts = match &args.font_dir {
        Some(dir) => FontSet::with_dir(dir)?,
        None => FontSet::bundled(),
    };
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN)
    });
    let options = build::Options {
        formats: args.formats.iter().map(|&f| f.into()).collect(),
        jobs,
        pdf: pdf::Settings {
            stamp: stamp()?,
            standard: args.pdf_standard.map(Into::into),
        },
        docx: gongwen::docx::Options {
            fonts: args.docx_fonts.into(),
            geometry: args.docx_geometry.into(),
        },
        asset_root: args.asset_root.clone(),
    };
    let mut progress = Progress::for_stderr();
    let report = build::build(&args.paths, &args.output, &fonts, &options, &mut |event| {
        progress.event(event)
    });
    progress.finish();
    let report = report?;
    if report.written {
        eprintln!(
            "gen: built {} of {} documents into {}",
            report.built.len(),
            report.built.len() + report.failed.len(),
            args.output.display()
        );
    } else {
        eprintln!(
            "gen: no document built; {} left as it was",
            args.output.display()
        );
    }
    Failure::all(report.failed.into_iter().map(Failure::from).collect())?;
    Ok(ExitCode::SUCCESS)
}

fn import(args: &ImportArgs) -> Result<ExitCode, Failure> {
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| args.input.with_extension("yaml"));
    output::refuse_input(&out, &[args.input.as_path()])?;
    let bytes = gongwen::limits::read_regular(&args.input, gongwen::limits::MAX_IMPORT_BYTES)
        .map_err(|source| Error::Read {
            path: args.input.clone(),
            source,
        })?;
    let imported = gongwen::import::read(&bytes).map_err(|source| Failure::Import {
        path: args.input.clone(),
        source,
    })?;
    let input_name = args.input.display().to_string();
    output::write_atomically(&out, imported.yaml(&input_name).as_bytes())?;
    match args.format {
        ReportFormat::Text => {
            eprint!("{}", imported.report.render(&input_name));
            eprintln!("{}: written", out.display());
        }
        ReportFormat::Json => {
            let json = serde_json::json!({
                "input": input_name,
                "output": out.display().to_string(),
                "encoding": imported.report.encoding,
                "dropped": imported.report.count(gongwen::import::Action::Dropped),
                "repaired": imported.report.count(gongwen::import::Action::Repaired),
                "review": imported.report.count(gongwen::import::Action::Review),
                "notes": imported.report.notes,
            });
            let json = serde_json::to_string_pretty(&json).expect("plain data serialises");
            print_out(&format!("{json}\n"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let fonts = match &args.font_dir {
        Some(dir) => FontSet::with_dir(dir)?,
        None => FontSet::bundled(),
    };
    let report =
        gongwen::check::check_file_with_assets(&args.input, &fonts, args.asset_root.as_deref())?;
    match args.format {
        ReportFormat::Text => print_out(&report.render()),
        ReportFormat::Json => {
            let json = serde_json::to_string_pretty(&report).expect("plain data serialises");
            print_out(&format!("{json}\n"));
        }
    }
    Ok(if report.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes a report to stdout; a reader that stops early (`| head`) is no
/// error.
fn print_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Lays every input out (one typesetter for all, setting the red as
/// `red`) and writes it with `render`, each to its own output (see
/// [`write_all`]).
fn render_all(
    args: &RenderArgs,
    extension: &str,
    red: Red,
    render: impl Fn(&Laid) -> Result<Vec<u8>, Error>,
) -> Result<ExitCode, Failure> {
    one_output(&args.inputs, args.output.as_ref())?;
    let fonts = font_set(args)?;
    let typesetter = Typesetter::new(&fonts, red);
    write_all(
        &args.inputs,
        args.output.as_ref(),
        extension,
        |doc, source| {
            let assets = gongwen::assets::Assets::load(doc, source, args.asset_root.as_deref())?;
            render(&typesetter.lay_out(doc, source, &assets)?)
        },
    )
}

/// Writes `render`'s output for every input, each to its own file (`output`
/// or the input with `extension`), atomically; never over an input. One
/// failing document does not stop the others; all failures are reported.
fn write_all(
    inputs: &[PathBuf],
    output: Option<&PathBuf>,
    extension: &str,
    render: impl Fn(&gongwen::model::Document, &load::Source) -> Result<Vec<u8>, Error>,
) -> Result<ExitCode, Failure> {
    one_output(inputs, output)?;
    let mut errors = Vec::new();
    for input in inputs {
        let out = output
            .cloned()
            .unwrap_or_else(|| input.with_extension(extension));
        // No output may overwrite an input, this one or another.
        let all: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
        let done = output::refuse_input(&out, &all)
            .and_then(|()| load::load(input))
            .and_then(|(doc, source)| render(&doc, &source))
            .and_then(|bytes| output::write_atomically(&out, &bytes));
        if let Err(e) = done {
            errors.push(Failure::from(e));
        }
    }
    Failure::all(errors)?;
    Ok(ExitCode::SUCCESS)
}

/// `-o` names one file: refused with several inputs.
fn one_output(inputs: &[PathBuf], output: Option<&PathBuf>) -> Result<(), Failure> {
    if output.is_some() && inputs.len() > 1 {
        return Err(Failure::Usage(
            "-o names one output file, but several inputs were given; without -o each output goes beside its input"
                .into(),
        ));
    }
    Ok(())
}

fn font_set(args: &RenderArgs) -> Result<FontSet, Failure> {
    Ok(match &args.font_dir {
        Some(dir) => FontSet::with_dir(Path::new(dir))?,
        None => FontSet::bundled(),
    })
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org) overrides the PDF's date.
fn stamp() -> Result<pdf::Stamp, Failure> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => {
            v.trim()
                .parse::<i64>()
                .map(pdf::Stamp::Unix)
                .map_err(|_| Failure::Env {
                    var: "SOURCE_DATE_EPOCH",
                    value: v.clone(),
                    expected: "whole seconds since 1970-01-01 UTC",
                })
        }
        _ => Ok(pdf::Stamp::DocumentDate),
    }
}
