//! Decoding the input by evidence, never by a guess that loses text.
//!
//! - A byte-order mark decides: UTF-8, UTF-16 LE/BE, UTF-32 LE/BE.
//! - Without one, NUL bytes mean a wide encoding: UTF-32 or UTF-16, told
//!   apart (and LE from BE) by where the zero bytes fall; accepted only if
//!   the whole text decodes.
//! - Valid UTF-8 is UTF-8.
//! - Text that is *almost* UTF-8 (a few stray bytes among many valid
//!   multi-byte sequences that decode to Chinese text) stays UTF-8: each
//!   stray byte becomes U+FFFD and is reported with its position. Reading
//!   such a file as GB18030 would garble every character
//!   (`关于测试的通知` → `鍏充簬娴嬭瘯鐨勯€氱煡`).
//! - Otherwise GB18030 (a superset of GBK and GB 2312, what Chinese Windows
//!   saves), when every byte decodes.
//! - Anything else is refused: no encoding explains the bytes with
//!   confidence.
//!
//! Line ends are made `\n`: CRLF (Windows) and a lone CR (classic Mac OS,
//! some exporters) alike.

/// The encoding a text was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    #[serde(rename = "UTF-8")]
    Utf8,
    /// GB18030, which decodes GBK and GB 2312 too.
    #[serde(rename = "GB18030")]
    Gb18030,
    /// UTF-16 (what Notepad calls "Unicode"), by byte-order mark or by
    /// evidence.
    #[serde(rename = "UTF-16")]
    Utf16,
    /// UTF-32, by byte-order mark or by evidence.
    #[serde(rename = "UTF-32")]
    Utf32,
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
            Encoding::Utf32 => "UTF-32",
            Encoding::Docx => "DOCX",
        }
    }
}

/// Bytes of a UTF-8 text that are not UTF-8: they became one U+FFFD at
/// `line`:`column` of the decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadBytes {
    /// Offset of the first byte in the input.
    pub offset: usize,
    pub bytes: Vec<u8>,
    /// Line (1-based) of the decoded text.
    pub line: usize,
    /// Column (1-based, in characters) of the U+FFFD.
    pub column: usize,
}

/// A decoded text.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, with `\n` line ends.
    pub text: String,
    pub encoding: Encoding,
    /// In a UTF-8 text: the stray bytes, each now a U+FFFD.
    pub bad_bytes: Vec<BadBytes>,
}

/// Why bytes cannot be read as text with confidence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("cannot tell its text encoding: {0}; save it as UTF-8 (or GBK) text and import that")]
    Unknown(String),
}

/// Stray bytes allowed in a text still read as UTF-8, as a share of its
/// non-ASCII bytes: one in ten. GBK text read as UTF-8 has most of its
/// bytes stray (a GBK pair is valid UTF-8 by chance about one time in
/// seven), so real GBK never passes this.
const MAX_STRAY_SHARE: f64 = 0.10;

/// Share of the characters decoded from multi-byte UTF-8 that must be
/// Chinese text (CJK ideographs and punctuation, full-width forms, general
/// punctuation) for stray bytes to be tolerated: the accidental UTF-8 in
/// GBK bytes decodes to Latin, Greek, Hebrew and the like.
const MIN_CHINESE_SHARE: f64 = 0.5;

/// Malformed sequences allowed in a text still read as GB18030, as a share
/// of its non-ASCII bytes: one in a hundred (a character cut by a scrape,
/// not a file in another encoding).
const MAX_GB18030_ERROR_SHARE: f64 = 0.01;

/// Decodes `bytes` by evidence (see the module's documentation).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    // UTF-32 first: its LE mark begins with UTF-16 LE's.
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        return utf32(rest, false).map(|t| wide(t, Encoding::Utf32));
    }
    if let Some(rest) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        return utf32(rest, true).map(|t| wide(t, Encoding::Utf32));
    }
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes)
        && enc != encoding_rs::UTF_8
    {
        // UTF-16 with its mark: unpaired surrogates become U+FFFD, which
        // the import reports where they stand.
        let (text, _, _) = enc.decode(bytes);
        return Ok(wide(text.into_owned(), Encoding::Utf16));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.contains(&0) {
        return wide_without_mark(body);
    }
    // In UTF-8 and GB18030, a 0x0D byte is always CR (never part of a
    // multi-byte sequence), so line ends can be made `\n` on the bytes.
    let body = unify_line_ends_bytes(body);
    if let Ok(text) = std::str::from_utf8(&body) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: Encoding::Utf8,
            bad_bytes: Vec::new(),
        });
    }
    if mostly_utf8(&body) {
        return Ok(utf8_lossy(&body));
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(&body);
    // A few malformed sequences in GB18030 text (a scrape cut inside a
    // character) are U+FFFD, which the import reports where they stand.
    let non_ascii = body.iter().filter(|b| !b.is_ascii()).count();
    let replaced = text.matches('\u{FFFD}').count();
    if !had_errors || (replaced as f64) <= MAX_GB18030_ERROR_SHARE * non_ascii as f64 {
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: Encoding::Gb18030,
            bad_bytes: Vec::new(),
        });
    }
    Err(DecodeError::Unknown(
        "it is neither UTF-8 (too many bytes are not UTF-8) nor GB18030/GBK (some byte sequences are not GB18030)"
            .into(),
    ))
}

fn wide(text: String, encoding: Encoding) -> Decoded {
    Decoded {
        text: unify_line_ends(&text),
        encoding,
        bad_bytes: Vec::new(),
    }
}

/// UTF-32 or UTF-16 without a byte-order mark, told by where the zero
/// bytes fall: ASCII and CJK code points in UTF-32 have their top byte
/// zero; ASCII in UTF-16 has one zero byte in each unit.
fn wide_without_mark(body: &[u8]) -> Result<Decoded, DecodeError> {
    if body.len().is_multiple_of(4) {
        let units = body.len() / 4;
        let le_zero = body.chunks_exact(4).filter(|u| u[3] == 0).count();
        let be_zero = body.chunks_exact(4).filter(|u| u[0] == 0).count();
        for (zeros, big_endian) in [(le_zero, false), (be_zero, true)] {
            if zeros == units
                && let Ok(text) = utf32(body, big_endian)
            {
                return Ok(wide(text, Encoding::Utf32));
            }
        }
    }
    if body.len().is_multiple_of(2) {
        let even = body.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd = body.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        // Zeros on one side only: ASCII characters of that byte order.
        let codec = if odd > 0 && even == 0 {
            Some(encoding_rs::UTF_16LE)
        } else if even > 0 && odd == 0 {
            Some(encoding_rs::UTF_16BE)
        } else {
            None
        };
        if let Some(codec) = codec {
            let (text, had_errors) = codec.decode_without_bom_handling(body);
            if !had_errors {
                return Ok(wide(text.into_owned(), Encoding::Utf16));
            }
        }
    }
    Err(DecodeError::Unknown(
        "it holds NUL bytes but is not UTF-16 or UTF-32 text".into(),
    ))
}

/// UTF-32 code units to text; `Err` when one is not a Unicode scalar value.
fn utf32(bytes: &[u8], big_endian: bool) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(4) {
        return Err(DecodeError::Unknown(
            "it has a UTF-32 byte-order mark but its length is not a multiple of 4 bytes".into(),
        ));
    }
    bytes
        .chunks_exact(4)
        .enumerate()
        .map(|(i, u)| {
            let u = [u[0], u[1], u[2], u[3]];
            let v = if big_endian {
                u32::from_be_bytes(u)
            } else {
                u32::from_le_bytes(u)
            };
            char::from_u32(v).ok_or_else(|| {
                DecodeError::Unknown(format!(
                    "the UTF-32 unit at byte {} (0x{v:08X}) is not a character",
                    i * 4
                ))
            })
        })
        .collect()
}

/// Whether invalid UTF-8 is still best read as UTF-8: few stray bytes
/// among the non-ASCII ones, and the valid multi-byte characters mostly
/// Chinese text.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut stray = 0usize;
    let mut non_ascii = 0usize;
    let mut decoded = 0usize;
    let mut chinese = 0usize;
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars().filter(|c| !c.is_ascii()) {
            decoded += 1;
            non_ascii += c.len_utf8();
            if is_chinese_text(c) {
                chinese += 1;
            }
        }
        stray += chunk.invalid().len();
        non_ascii += chunk.invalid().len();
    }
    decoded > 0
        && (stray as f64) <= MAX_STRAY_SHARE * non_ascii as f64
        && (chinese as f64) >= MIN_CHINESE_SHARE * decoded as f64
}

/// Characters of Chinese running text: CJK ideographs (with extension A
/// and the compatibility block), CJK symbols and punctuation, full-width
/// forms, general punctuation (…, —, “”).
fn is_chinese_text(c: char) -> bool {
    matches!(c as u32,
        0x2000..=0x206F | 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// UTF-8 with stray bytes: each maximal invalid sequence becomes one
/// U+FFFD, recorded with its offset and its place in the text.
fn utf8_lossy(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut bad_bytes = Vec::new();
    let mut offset = 0;
    let mut line = 1;
    let mut line_start_chars = 0usize;
    let mut chars = 0usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        for c in valid.chars() {
            chars += 1;
            if c == '\n' {
                line += 1;
                line_start_chars = chars;
            }
        }
        text.push_str(valid);
        offset += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            bad_bytes.push(BadBytes {
                offset,
                bytes: invalid.to_vec(),
                line,
                column: chars - line_start_chars + 1,
            });
            text.push('\u{FFFD}');
            chars += 1;
            offset += invalid.len();
        }
    }
    Decoded {
        text,
        encoding: Encoding::Utf8,
        bad_bytes,
    }
}

/// CRLF and lone CR made LF, on bytes of an ASCII-compatible encoding.
fn unify_line_ends_bytes(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if !bytes.contains(&b'\r') {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' {
            out.push(b'\n');
            if bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// CRLF and lone CR made LF.
fn unify_line_ends(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> Decoded {
        decode(bytes).expect("decodes")
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = ok("通知".as_bytes());
        assert_eq!((d.text.as_str(), d.encoding), ("通知", Encoding::Utf8));
        let d = ok(b"\xEF\xBB\xBF\xE9\x80\x9A");
        assert_eq!((d.text.as_str(), d.encoding), ("通", Encoding::Utf8));
    }

    #[test]
    fn gbk_bytes_are_decoded() {
        // "通知，" in GBK: CD A8 D6 AA A3 AC.
        let d = ok(&[0xCD, 0xA8, 0xD6, 0xAA, 0xA3, 0xAC]);
        assert_eq!(d.text, "通知，");
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert!(d.bad_bytes.is_empty());
    }

    #[test]
    fn utf8_with_one_bad_byte_stays_utf8_and_names_the_byte() {
        let mut bytes = "关于测试的通知\n第二行".as_bytes().to_vec();
        // A stray 0xFF after "关于" (6 bytes).
        bytes.insert(6, 0xFF);
        let d = ok(&bytes);
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.text, "关于\u{FFFD}测试的通知\n第二行");
        assert_eq!(
            d.bad_bytes,
            [BadBytes {
                offset: 6,
                bytes: vec![0xFF],
                line: 1,
                column: 3
            }]
        );
    }

    #[test]
    fn gbk_of_a_real_sentence_is_not_taken_for_utf8() {
        let text = "关于做好2020年元旦春节期间安全工作的通知：各区人民政府，市政府各部门。";
        let (gbk, _, _) = encoding_rs::GB18030.encode(text);
        let d = ok(&gbk);
        assert_eq!((d.text.as_str(), d.encoding), (text, Encoding::Gb18030));
    }

    #[test]
    fn utf16_with_a_bom() {
        // "通知" in UTF-16LE (U+901A U+77E5) and UTF-16BE.
        let d = ok(b"\xFF\xFE\x1A\x90\xE5\x77");
        assert_eq!((d.text.as_str(), d.encoding), ("通知", Encoding::Utf16));
        let d = ok(b"\xFE\xFF\x90\x1A\x77\xE5");
        assert_eq!(d.text, "通知");
    }

    #[test]
    fn utf32_with_and_without_a_bom() {
        let text = "通知\r\n第1条";
        let le: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let be: Vec<u8> = text
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        for (bytes, name) in [
            ([b"\xFF\xFE\x00\x00".as_slice(), &le].concat(), "LE+BOM"),
            ([b"\x00\x00\xFE\xFF".as_slice(), &be].concat(), "BE+BOM"),
            (le.clone(), "LE"),
            (be.clone(), "BE"),
        ] {
            let d = ok(&bytes);
            assert_eq!(d.encoding, Encoding::Utf32, "{name}");
            assert_eq!(d.text, "通知\n第1条", "{name}");
        }
    }

    #[test]
    fn utf16_without_a_bom_by_its_zero_bytes() {
        let text = "第1条 通知\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(ok(&le).text, text);
        assert_eq!(ok(&be).text, text);
        assert_eq!(ok(&le).encoding, Encoding::Utf16);
    }

    #[test]
    fn cr_only_line_ends_become_line_feeds() {
        assert_eq!(ok("一\r二\r\n三\r".as_bytes()).text, "一\n二\n三\n");
        let (gbk, _, _) = encoding_rs::GB18030.encode("甲\r乙");
        assert_eq!(ok(&gbk).text, "甲\n乙");
    }

    #[test]
    fn gbk_with_one_cut_character_is_still_gbk() {
        let text =
            "关于做好2020年元旦春节期间安全工作的通知：各区人民政府，市政府各部门。".repeat(3);
        let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
        let mut bytes = gbk.into_owned();
        bytes.push(0xB9); // a lead byte with no trail byte
        let d = ok(&bytes);
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert_eq!(d.text, format!("{text}\u{FFFD}"));
    }

    #[test]
    fn garbage_is_refused() {
        assert!(decode(&[0xFF, 0xFF, 0x81]).is_err());
        assert!(decode(&[0x00, 0x01, 0x00, 0x02, 0x00]).is_err());
    }
}
