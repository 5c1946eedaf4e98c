//! The DOCX writer (work in progress in this commit: it refuses to run).

use crate::error::Error;
use crate::fonts::FontSet;
use crate::load::Source;
use crate::model::Document;

/// Which East Asian font names the DOCX asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FontNames {
    /// 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体, Times New Roman.
    #[default]
    Official,
    /// The open fonts gongwen bundles.
    Bundled,
}

/// Typesets `doc` as DOCX bytes.
pub fn render(_doc: &Document, source: &Source, _fonts: &FontSet, _names: FontNames) -> Result<Vec<u8>, Error> {
    Err(Error::Output { path: source.path.clone(), message: "gen docx is not built yet".into() })
}
