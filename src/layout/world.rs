//! The Typst `World` of one layout run: the embedded template as the only
//! source, the document as `/data.json`, the document's images (seals)
//! under the virtual paths the writer gave them, our fonts, a fixed date.
//! Nothing else: any other file (a path in the template, a reference inside
//! an SVG) is refused, so no file is read that gongwen did not check.

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
    let vpath = VirtualPath::new(path).expect("gongwen's virtual paths are valid");
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
    /// `extension`: whether the book holds the extension fonts (see
    /// [`FontSet::book`]).
    pub fn new(fonts: &'a FontSet, extension: bool) -> Self {
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(fonts.book(extension).clone()),
            fonts,
            main: Source::new(file_id("/main.typ"), TEMPLATE.to_string()),
        }
    }
}

pub struct GongwenWorld<'a> {
    shared: &'a Shared<'a>,
    data_id: FileId,
    data: Bytes,
    /// The images, by virtual path (read and checked by `assets`).
    images: Vec<(FileId, Bytes)>,
    today: Datetime,
}

impl<'a> GongwenWorld<'a> {
    /// `images`: (virtual path, bytes) of every image the template may
    /// load; the paths are absolute in the project root, e.g. `/images/0.png`.
    pub fn new(
        shared: &'a Shared<'a>,
        data: Vec<u8>,
        images: &[(String, Bytes)],
        today: Datetime,
    ) -> Self {
        Self {
            shared,
            data_id: file_id(DATA_PATH),
            data: Bytes::new(data),
            images: images
                .iter()
                .map(|(path, bytes)| (file_id(path), bytes.clone()))
                .collect(),
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
            return Ok(self.data.clone());
        }
        self.images
            .iter()
            .find(|(image, _)| *image == id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The World serves the data, the listed images and nothing else: not
    /// another path, not a file next to an image (an SVG's relative
    /// reference resolves to such a path).
    #[test]
    fn serves_only_the_listed_files() {
        let fonts = FontSet::bundled();
        let shared = Shared::new(&fonts, false);
        let image = Bytes::new(b"image".to_vec());
        let today = Datetime::from_ymd(2020, 1, 2).unwrap();
        let world = GongwenWorld::new(
            &shared,
            b"{}".to_vec(),
            &[("/images/0.png".into(), image)],
            today,
        );
        assert!(world.file(file_id(DATA_PATH)).is_ok());
        assert_eq!(
            world.file(file_id("/images/0.png")).unwrap().as_slice(),
            b"image"
        );
        for other in [
            "/images/1.png",
            "/images/secret.png",
            "/etc/passwd",
            "/main.typ",
            "/seal.svg",
        ] {
            assert!(
                matches!(world.file(file_id(other)), Err(FileError::AccessDenied)),
                "{other}"
            );
        }
    }
}
