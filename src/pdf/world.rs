//! The Typst `World` of one PDF run: the embedded template as the only
//! source, the document as `/data.json`, our fonts, a fixed date.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts::FontSet;

/// The template, compiled into the binary.
pub const TEMPLATE: &str = include_str!("../../templates/gongwen.typ");
/// Where the template finds the document data.
pub const DATA_PATH: &str = "/data.json";

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("static virtual path is valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// What every document of a run shares: the standard library, the font
/// book (hashed once, not once per document) and the parsed template.
pub struct Shared<'a> {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: &'a FontSet,
    main: Source,
}

impl<'a> Shared<'a> {
    pub fn new(fonts: &'a FontSet) -> Self {
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(fonts.book().clone()),
            fonts,
            main: Source::new(file_id("/main.typ"), TEMPLATE.to_string()),
        }
    }
}

pub struct GongwenWorld<'a> {
    shared: &'a Shared<'a>,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl<'a> GongwenWorld<'a> {
    pub fn new(shared: &'a Shared<'a>, data: Vec<u8>, today: Datetime) -> Self {
        Self {
            shared,
            data_id: file_id(DATA_PATH),
            data: Bytes::new(data),
            today,
        }
    }
}

impl World for GongwenWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.main.id() {
            Ok(self.shared.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.fonts().get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
