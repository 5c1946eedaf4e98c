//! What a file is, by its first bytes (its magic number): text, a Word
//! DOCX, or something `gen import` cannot read (a PDF, an image, a legacy
//! .doc or .wps, a zip of something else), which is refused with a message
//! naming what it looks like.

use std::io::Read;

/// Why an input cannot be imported. Nothing is written for it.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not text and not a DOCX: what it looks like, and what to do.
    #[error("looks like {what}, which `gen import` cannot read; {advice}")]
    Unreadable {
        what: &'static str,
        advice: &'static str,
    },
    /// Text whose encoding cannot be told with confidence.
    #[error("{0}")]
    Encoding(#[from] super::encoding::DecodeError),
    /// More lines than [`crate::limits::MAX_IMPORT_LINES`].
    #[error(
        "has {0} lines; gen import reads at most {max} (a 100-page 公文 has about 3,000): split the input",
        max = crate::limits::MAX_IMPORT_LINES
    )]
    TooManyLines(usize),
    /// A DOCX whose parts cannot be read.
    #[error("is a DOCX file (a zip with word/document.xml) but {0}")]
    Docx(String),
}

/// A readable input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (UTF-8, UTF-16 with a byte-order mark, GB18030/GBK).
    Text,
    /// A Word 2007+ document (Office Open XML, a zip).
    Docx,
}

const SAVE_AS_TEXT: &str =
    "save the document as DOCX or as plain text (UTF-8 or GBK) and import that";

/// Magic numbers of formats that are not text: (prefix, what, advice).
const MAGIC: &[(&[u8], &str, &str)] = &[
    (
        b"%PDF-",
        "a PDF document",
        "copy its text into a .txt file (or export it to DOCX) and import that",
    ),
    (
        b"\x89PNG\r\n\x1a\n",
        "a PNG image",
        "an image holds no text to import; type or OCR the text into a .txt file",
    ),
    (
        b"\xFF\xD8\xFF",
        "a JPEG image",
        "an image holds no text to import; type or OCR the text into a .txt file",
    ),
    (
        b"GIF87a",
        "a GIF image",
        "an image holds no text to import; type or OCR the text into a .txt file",
    ),
    (
        b"GIF89a",
        "a GIF image",
        "an image holds no text to import; type or OCR the text into a .txt file",
    ),
    (
        b"II*\0",
        "a TIFF image",
        "an image holds no text to import; type or OCR the text into a .txt file",
    ),
    (
        b"MM\0*",
        "a TIFF image",
        "an image holds no text to import; type or OCR the text into a .txt file",
    ),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "a legacy Word .doc or WPS .wps file (an OLE2 compound document)",
        "open it in Word, WPS or LibreOffice, save it as .docx and import that",
    ),
    (b"{\\rtf", "an RTF document", SAVE_AS_TEXT),
    (
        b"Rar!\x1a\x07",
        "a RAR archive",
        "extract the document from it and import that",
    ),
    (
        b"7z\xBC\xAF\x27\x1C",
        "a 7-Zip archive",
        "extract the document from it and import that",
    ),
    (
        b"\x1F\x8B",
        "a gzip archive",
        "extract the document from it and import that",
    ),
];

fn refuse(what: &'static str, advice: &'static str) -> ImportError {
    ImportError::Unreadable { what, advice }
}

/// Tells what `bytes` are.
pub fn sniff(bytes: &[u8]) -> Result<Format, ImportError> {
    for &(magic, what, advice) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(refuse(what, advice));
        }
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Err(refuse(
            "a WebP image",
            "an image holds no text to import; type or OCR the text into a .txt file",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_kind(bytes);
    }
    // Text with a UTF-16 byte-order mark holds NUL bytes; it is text.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Ok(Format::Text);
    }
    let head = &bytes[..bytes.len().min(8192)];
    // UTF-32 and BOM-less UTF-16 text hold NUL bytes too: text if it
    // decodes as such.
    if head.contains(&0) && super::encoding::decode(bytes).is_err() {
        return Err(refuse(
            "binary data (it holds NUL bytes), not text",
            "if it is UTF-16 text without a byte-order mark, save it as UTF-8; otherwise save the document as DOCX or plain text",
        ));
    }
    let start: Vec<u8> = head
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(head)
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(16)
        .map(u8::to_ascii_lowercase)
        .collect();
    if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
        return Err(refuse(
            "an HTML page (markup, not the notice's text)",
            "open the page in a browser, select the notice, copy it into a .txt file and import that (the page's chrome is recognised and dropped)",
        ));
    }
    Ok(Format::Text)
}

/// A zip: a DOCX if it has `word/document.xml`, else named by its parts.
fn zip_kind(bytes: &[u8]) -> Result<Format, ImportError> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Err(refuse(
            "a damaged zip archive",
            "if it is a DOCX, open it in Word, WPS or LibreOffice and save it again",
        ));
    };
    let has = |zip: &zip::ZipArchive<_>, name: &str| zip.index_for_name(name).is_some();
    if has(&zip, "word/document.xml") {
        return Ok(Format::Docx);
    }
    if has(&zip, "xl/workbook.xml") {
        return Err(refuse("an Excel workbook (.xlsx)", SAVE_AS_TEXT));
    }
    if has(&zip, "ppt/presentation.xml") {
        return Err(refuse("a PowerPoint presentation (.pptx)", SAVE_AS_TEXT));
    }
    if has(&zip, "OFD.xml") {
        return Err(refuse(
            "an OFD document (GB/T 33190 fixed layout)",
            "export its text from an OFD reader into a .txt file and import that",
        ));
    }
    let mut mimetype = String::new();
    if let Ok(mut f) = zip.by_name("mimetype") {
        let _ = f.by_ref().take(100).read_to_string(&mut mimetype);
    }
    if mimetype.starts_with("application/vnd.oasis.opendocument.text") {
        return Err(refuse("an OpenDocument text (.odt)", SAVE_AS_TEXT));
    }
    Err(refuse(
        "a zip archive that is not a Word .docx file (it has no word/document.xml)",
        "extract the document from it, or save the document as DOCX, and import that",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(bytes: &[u8]) -> String {
        match sniff(bytes) {
            Ok(f) => format!("{f:?}"),
            Err(ImportError::Unreadable { what, .. }) => what.to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn magic_numbers() {
        assert!(what(b"%PDF-1.7\n...").contains("PDF"));
        assert!(what(b"\x89PNG\r\n\x1a\n\0\0").contains("PNG"));
        assert!(what(b"\xFF\xD8\xFF\xE0").contains("JPEG"));
        assert!(what(b"GIF89a").contains("GIF"));
        assert!(what(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0").contains(".doc"));
        assert!(what(b"PK\x03\x04garbage").contains("damaged zip"));
        assert!(what(b"\0\0\0\x18ftyp").contains("NUL"));
        assert!(what(b"  <!DOCTYPE html><html>").contains("HTML"));
    }

    #[test]
    fn text_is_text() {
        assert_eq!(what("关于测试的通知\n".as_bytes()), "Text");
        assert_eq!(what(b"\xFF\xFE\x73\x51"), "Text");
        assert_eq!(what(&[0xCD, 0xA8, 0xD6, 0xAA]), "Text");
        assert_eq!(what(b""), "Text");
        // Chinese text that happens to start with the letters of a magic
        // number is still text.
        assert_eq!(what("PK赛通知".as_bytes()), "Text");
    }

    #[test]
    fn zips_are_named_by_their_parts() {
        let zip_with = |name: &str, body: &[u8]| {
            let mut buf = std::io::Cursor::new(Vec::new());
            let mut w = zip::ZipWriter::new(&mut buf);
            w.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut w, body).unwrap();
            w.finish().unwrap();
            buf.into_inner()
        };
        assert_eq!(what(&zip_with("word/document.xml", b"<x/>")), "Docx");
        assert!(what(&zip_with("xl/workbook.xml", b"<x/>")).contains("Excel"));
        assert!(
            what(&zip_with(
                "mimetype",
                b"application/vnd.oasis.opendocument.text"
            ))
            .contains("OpenDocument")
        );
        assert!(what(&zip_with("photo.jpg", b"x")).contains("not a Word"));
    }
}
