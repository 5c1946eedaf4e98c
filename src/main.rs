//! `gen`: the gongwen command line. The one place errors are reported.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use gongwen::fonts::FontSet;
use gongwen::{Error, load, output, pdf, title};

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
  gen pdf notice.yaml --font-dir ~/fonts   prefers 仿宋_GB2312, 方正小标宋简体 … found there

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
    Pdf(RenderArgs),
    /// Typeset a document as DOCX (the Word file colleagues keep editing).
    #[command(after_help = "\
The DOCX has the same page as the PDF: A4, the 版心 156 × 225 mm at 37 mm from
the top and 28 mm from the left, 22 lines of 28 characters, named styles for
every element (标题, 正文, 一级标题 … 页码), and odd/even page-number footers.")]
    Docx(DocxArgs),
}

#[derive(Args)]
struct DocxArgs {
    #[command(flatten)]
    render: RenderArgs,
    /// Which font names the DOCX asks for: `official` (方正小标宋简体,
    /// 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体, Times New Roman — what offices
    /// have installed) or `bundled` (the open fonts gongwen ships).
    #[arg(long, value_enum, default_value_t = gongwen::docx::FontNames::Official)]
    docx_fonts: gongwen::docx::FontNames,
}

#[derive(Args)]
struct RenderArgs {
    /// The document, as YAML.
    input: PathBuf,
    /// Where to write the output [default: INPUT with the new extension].
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A folder of fonts the office owns (方正小标宋简体, 仿宋_GB2312,
    /// 楷体_GB2312, 黑体, 宋体, Times New Roman), found by family name and
    /// preferred over the bundled open fonts, which remain the fallback.
    #[arg(long, value_name = "DIR", env = "GONGWEN_FONT_DIR")]
    font_dir: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Pdf(args) => {
            // The word segmenter (for the title) loads while the rest starts.
            title::warm_up();
            let out = output_path(&args, "pdf");
            let fonts = font_set(&args)?;
            let (doc, source) = load::load(&args.input)?;
            let bytes = pdf::render(&doc, &source, &fonts, stamp()?)?;
            output::write_atomically(&out, &bytes)?;
            Ok(())
        }
        Command::Docx(args) => {
            title::warm_up();
            let out = output_path(&args.render, "docx");
            let fonts = font_set(&args.render)?;
            let (doc, source) = load::load(&args.render.input)?;
            let bytes = gongwen::docx::render(&doc, &source, &fonts, args.docx_fonts)?;
            output::write_atomically(&out, &bytes)?;
            Ok(())
        }
    }
}

fn output_path(args: &RenderArgs, extension: &str) -> PathBuf {
    args.output.clone().unwrap_or_else(|| args.input.with_extension(extension))
}

fn font_set(args: &RenderArgs) -> Result<FontSet, Error> {
    Ok(match &args.font_dir {
        Some(dir) => FontSet::with_dir(Path::new(dir))?,
        None => FontSet::bundled(),
    })
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org) overrides the PDF's date.
fn stamp() -> Result<pdf::Stamp, Error> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => v.trim().parse::<i64>().map(pdf::Stamp::Unix).map_err(|_| {
            Error::Output {
                path: "SOURCE_DATE_EPOCH".into(),
                message: format!("expected whole seconds since 1970-01-01, found {v:?}"),
            }
        }),
        _ => Ok(pdf::Stamp::DocumentDate),
    }
}
