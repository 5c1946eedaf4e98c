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

pub struct GongwenWorld<'a> {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: &'a FontSet,
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl<'a> GongwenWorld<'a> {
    pub fn new(fonts: &'a FontSet, data: Vec<u8>, today: Datetime) -> Self {
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(fonts.book().clone()),
            fonts,
            main: Source::new(file_id("/main.typ"), TEMPLATE.to_string()),
            data_id: file_id(DATA_PATH),
            data: Bytes::new(data),
            today,
        }
    }
}

impl World for GongwenWorld<'_> {
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

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts().get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
