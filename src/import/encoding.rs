//! Decoding the input: UTF-8 (with or without a byte-order mark), else
//! GB18030 (a superset of GBK and GB 2312, what Chinese Windows saves).

/// The encoding a text was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    #[serde(rename = "UTF-8")]
    Utf8,
    /// GB18030, which decodes GBK and GB 2312 too.
    #[serde(rename = "GB18030")]
    Gb18030,
    /// UTF-16 with a byte-order mark (what Notepad calls "Unicode").
    #[serde(rename = "UTF-16")]
    Utf16,
    /// The text of a Word file (its XML is UTF-8 or UTF-16 by declaration).
    #[serde(rename = "DOCX")]
    Docx,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030",
            Encoding::Utf16 => "UTF-16",
            Encoding::Docx => "DOCX",
        }
    }
}

/// A decoded text.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// Byte sequences that decoded to nothing valid (each became U+FFFD).
    pub malformed: bool,
}

/// Decodes `bytes`: UTF-16 by its byte-order mark; valid UTF-8 is UTF-8;
/// anything else is read as GB18030 (every byte sequence decodes; malformed
/// ones become U+FFFD and are reported).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes)
        && enc != encoding_rs::UTF_8
    {
        let (text, _, had_errors) = enc.decode(bytes);
        return Decoded {
            text: text.into_owned(),
            encoding: Encoding::Utf16,
            malformed: had_errors,
        };
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(body) {
        return Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
            malformed: false,
        };
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(body);
    Decoded {
        text: text.into_owned(),
        encoding: Encoding::Gb18030,
        malformed: had_errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("通知".as_bytes());
        assert_eq!((d.text.as_str(), d.encoding), ("通知", Encoding::Utf8));
        let d = decode(b"\xEF\xBB\xBF\xE9\x80\x9A");
        assert_eq!((d.text.as_str(), d.encoding), ("通", Encoding::Utf8));
    }

    #[test]
    fn gbk_bytes_are_decoded() {
        // "通知，" in GBK: CD A8 D6 AA A3 AC.
        let d = decode(&[0xCD, 0xA8, 0xD6, 0xAA, 0xA3, 0xAC]);
        assert_eq!(d.text, "通知，");
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert!(!d.malformed);
    }

    #[test]
    fn utf16_with_a_bom() {
        // "通知" in UTF-16LE (U+901A U+77E5) and UTF-16BE.
        let d = decode(b"\xFF\xFE\x1A\x90\xE5\x77");
        assert_eq!((d.text.as_str(), d.encoding), ("通知", Encoding::Utf16));
        let d = decode(b"\xFE\xFF\x90\x1A\x77\xE5");
        assert_eq!(d.text, "通知");
    }

    #[test]
    fn garbage_is_flagged_not_fatal() {
        let d = decode(&[0xFF, 0xFF, 0x81]);
        assert!(d.malformed);
        assert!(d.text.contains('\u{FFFD}'));
    }
}
