//! Typst's naive compile, the yardstick of `gen pdf`'s cold time
//! (`benches/compare.py` runs it; issue: cold `gen pdf` at most half of
//! it).
//!
//!     naive IN.typ OUT.pdf FONT_DIR
//!
//! does what `typst compile --font-path FONT_DIR --ignore-system-fonts
//! --ignore-embedded-fonts IN.typ OUT.pdf` does, with the same Typst as
//! gongwen (no Typst command is needed): the font files are read and
//! described into a font book, each font is parsed when Typst first asks
//! for it, the document is compiled once (Typst's own line breaking and
//! pagination) and exported with the default PDF options.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// A font file's face, parsed on first use (as typst-kit's `FontSlot`).
struct Slot {
    data: Bytes,
    index: u32,
    font: OnceLock<Option<Font>>,
}

struct Naive {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Slot>,
    main: Source,
}

impl Naive {
    fn new(input: &Path, font_dir: &Path) -> Self {
        let text = std::fs::read_to_string(input).expect("the input is readable UTF-8");
        let name = input.file_name().expect("a file name").to_string_lossy();
        let vpath = VirtualPath::new(format!("/{name}")).expect("a valid virtual path");
        let id = RootedPath::new(VirtualRoot::Project, vpath).intern();
        let mut files: Vec<PathBuf> = std::fs::read_dir(font_dir)
            .expect("the font folder is readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "ttf" | "otf" | "ttc" | "otc"))
            })
            .collect();
        files.sort();
        let mut book = FontBook::new();
        let mut fonts = Vec::new();
        for path in files {
            let data = Bytes::new(std::fs::read(&path).expect("a readable font"));
            for (index, info) in FontInfo::iter(data.as_slice()).enumerate() {
                book.push(info);
                fonts.push(Slot {
                    data: data.clone(),
                    index: index as u32,
                    font: OnceLock::new(),
                });
            }
        }
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            main: Source::new(id, text),
        }
    }
}

impl World for Naive {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        let slot = self.fonts.get(index)?;
        slot.font
            .get_or_init(|| Font::new(slot.data.clone(), slot.index))
            .clone()
    }

    fn today(&self, _: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(2019, 8, 14)
    }
}

fn describe(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` runs every bench with `--bench`: nothing to do then.
    let [input, output, font_dir] = args.as_slice() else {
        eprintln!("usage: naive IN.typ OUT.pdf FONT_DIR (run by benches/compare.py)");
        return;
    };
    let world = Naive::new(Path::new(input), Path::new(font_dir));
    let Warned { output: paged, .. } = typst::compile::<PagedDocument>(&world);
    let paged = paged.unwrap_or_else(|e| panic!("{}", describe(&e)));
    let pdf = typst_pdf::pdf(&paged, &typst_pdf::PdfOptions::default())
        .unwrap_or_else(|e| panic!("{}", describe(&e)));
    std::fs::write(output, pdf).expect("the output is writable");
}
