//! Every limit gongwen puts on its inputs, in one place, each with the
//! reason for its number. Each is checked *before* the work it bounds, and
//! going past one is an error that names the file or field, the limit and
//! how to get past it (README, "Limits").
//!
//! The numbers are far above any real 公文 — the seed notice is 17 KB of
//! YAML, a 150-row table register 40 KB, a seal image a few hundred KB —
//! and far below what would exhaust a machine: with every limit reached a
//! command stays under 1 GB of memory.

/// The largest YAML document read (`gen pdf`, `docx`, `html`, `check`,
/// `build`): 8 MB, about 2.5 million Chinese characters, some 1,600 pages.
/// Reading stops here; `/dev/zero` is refused as not a regular file.
pub const MAX_DOCUMENT_BYTES: u64 = 8 << 20;

/// The most text a YAML document may expand to through its aliases
/// (`*name` repeats the value anchored `&name`): the same 8 MB as the file.
/// A 335 KB file aliasing a 100,000-character paragraph 5,000 times once
/// expanded to 500 MB of text and 23.8 GB of memory.
pub const MAX_EXPANDED_BYTES: u64 = MAX_DOCUMENT_BYTES;

/// The largest input `gen import` reads: 64 MB (a Word file with scanned
/// pages embedded; a web page is a few hundred KB).
pub const MAX_IMPORT_BYTES: u64 = 64 << 20;

/// The most lines `gen import` reads from a text: 200,000 (a 公文 of 100
/// pages has about 3,000). Each line costs about 140 bytes of analysis, so
/// 30 MB of blank lines once passed 4 GB.
pub const MAX_IMPORT_LINES: usize = 200_000;

/// The longest quotation of the input an error message carries, in
/// characters. A file that is not a document at all (a credentials file
/// reached through a symbolic link, say) must not be echoed into a log.
pub const MAX_QUOTE_CHARS: usize = 24;

// Tables (§8).

/// The most columns a table may have: 40. A landscape 版心 is 225 mm wide;
/// at 小四 with its cell padding one character takes about 5.6 mm, so 40
/// one-character columns fill it. (`colspan: 1000000` once made a
/// million-column page.)
pub const MAX_TABLE_COLUMNS: usize = 40;

/// The most rows (header and body) a table may have: 10,000. A register of
/// 10,000 rows typesets in about 6 s and 700 MB; longer ones belong in a
/// spreadsheet beside the document. Spans are bounded by these numbers too,
/// so that no sum of spans overflows (`colspan: 18446744073709551615`
/// once panicked every command).
pub const MAX_TABLE_ROWS: usize = 10_000;

// Seal images (印章 §7.3.5.1, 签名章 §7.3.5.3).

/// The largest image file read (a seal is a few hundred kilobytes).
pub const MAX_IMAGE_BYTES: u64 = 16 * 1024 * 1024;

/// The most pixels a PNG seal may have, read from its header before it is
/// decoded: 4096 × 4096 (64 MB as RGBA). A seal scanned at 600 dpi and
/// 60 mm is about 1,400 pixels square; a 1.5 MB PNG of 20,000² pixels once
/// decoded to 3.1 GB.
pub const MAX_IMAGE_PIXELS: u64 = 4096 * 4096;

/// The largest physical size an image may declare (PNG pHYs, SVG width and
/// height in mm/cm/in/pt/pc): the 版心's width, as `diameter` is capped. A
/// PNG exported at 1 pixel a metre declares a size of metres and pushed the
/// 署名 off every page.
pub const MAX_NATURAL_MM: f64 = crate::geometry::BLOCK_WIDTH_MM;

/// The most an image's height and width may differ (either way): a seal is
/// round, a 签名章 a short rectangle; a sliver would draw kilometres tall.
pub const MAX_ASPECT: f64 = 8.0;

/// The most elements an SVG seal may have: a seal with its text, ring and
/// star has a few dozen; drawing cost grows with the count.
pub const MAX_SVG_ELEMENTS: usize = 10_000;

/// The most filter primitives (`<feGaussianBlur>`, `<feTurbulence>` …) an
/// SVG seal may use: each is rasterised over its region, and 30 blurred
/// circles took 40–52 s to typeset. An ink texture needs one or two.
pub const MAX_SVG_FILTER_PRIMITIVES: usize = 4;

// Word files read by `gen import`.

/// The largest XML part of a Word file read, unpacked: 64 MB (a zip bomb
/// is refused after 64 MB, never unpacked whole; a 500-page document.xml
/// is about 10 MB).
pub const MAX_PART: u64 = 64 << 20;

/// The most entries a Word file's zip may hold: 10,000 (Word writes a few
/// dozen parts; a document with many pictures a few hundred).
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// The deepest element nesting read in an XML part. Word nests a body's
/// paragraphs, runs, drawings and text boxes a few dozen levels deep; a
/// part nested deeper is refused before it is walked, so that no walk
/// recurses without bound (20,000 nested `w:sdt` once overflowed the
/// stack).
pub const MAX_XML_DEPTH: usize = 256;

/// The longest number text of a list level (`w:lvlText`, e.g. `%1.` or
/// `（%1）`) read: each paragraph of the list repeats it, so a long one
/// multiplies (1 MB used by 10,000 paragraphs once reached 4 GB).
pub const MAX_LEVEL_TEXT_CHARS: usize = 64;

/// Reads the regular file at `path`, refusing anything else (a folder, a
/// device such as `/dev/zero`, a FIFO) and a file larger than `max` bytes,
/// without reading past `max`. The error says what to do.
pub fn read_regular(path: &std::path::Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other(
            "not a regular file (a folder, a device or a pipe); name a document file",
        ));
    }
    if meta.len() > max {
        return Err(too_large(meta.len(), max));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)?
        .take(max + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64, max));
    }
    Ok(bytes)
}

fn too_large(size: u64, max: u64) -> std::io::Error {
    std::io::Error::other(format!(
        "{size} bytes, over gongwen's limit of {} MB for this input; split the document",
        max >> 20
    ))
}
