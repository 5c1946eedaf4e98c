//! Runs (`<w:r>`): text with the fonts it asks for, split so that the
//! characters Chinese and Latin text share are hinted East Asian.
//!
//! Word chooses a run's font slot per character by Unicode range
//! ([MS-OI29500] §2.1.88, "Part 1 Section 17.3.2.26, rFonts"): Basic Latin
//! takes `ascii`; the Latin-1 signs and everything from General Punctuation
//! to Dingbats (U+2000–U+27BF: “ ” ‘ ’ — … · × ※ № ℃ Ⅰ ← ≤ ① ─ ■ ★) take
//! `hAnsi` — Times New Roman here — unless the run's `w:hint` is
//! `eastAsia`. Unhinted, a Chinese document's quotation marks come out as
//! narrow Western quotes. Word itself splits typed text into runs and hints
//! the ones holding these characters; so does gongwen, so that pinyin and
//! other Latin-1 letters keep the Latin face. LibreOffice ignores the hint
//! (it gives these characters the script of the text around them), so its
//! rendering does not change.

use super::RoleFont;
use super::xml::Xml;

/// Whether Word sets `c` in the East Asian font only when the run is
/// hinted `eastAsia` ([MS-OI29500] §2.1.88): the Latin-1 characters it
/// lists (¡ ¤ § ¨ ª soft hyphen ¯ ° ± ² ³ ´ ¶ · ¸ ¹ º ¼–¿ × ÷) and U+2000–U+27BF
/// (General Punctuation to Dingbats, as ONLYOFFICE's reimplementation of
/// Word's table classifies them).
pub fn needs_east_asian_hint(c: char) -> bool {
    matches!(
        c as u32,
        0xA1 | 0xA4
            | 0xA7..=0xA8
            | 0xAA
            | 0xAD
            | 0xAF
            | 0xB0..=0xB4
            | 0xB6..=0xBA
            | 0xBC..=0xBF
            | 0xD7
            | 0xF7
            | 0x2000..=0x27BF
    )
}

/// `text` cut into maximal pieces that do or do not need the hint.
pub fn segments(text: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current = None;
    for (i, c) in text.char_indices() {
        let hint = needs_east_asian_hint(c);
        match current {
            Some(h) if h != hint => {
                out.push((&text[start..i], h));
                start = i;
                current = Some(hint);
            }
            None => current = Some(hint),
            _ => {}
        }
    }
    if let Some(h) = current {
        out.push((&text[start..], h));
    }
    out
}

/// Direct run properties: fonts other than the paragraph style's, and a
/// size other than the style's.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunProps {
    pub fonts: Option<RoleFont>,
    /// Points.
    pub size: Option<f64>,
    /// Character spacing (`w:spacing`), twips.
    pub spacing: Option<i64>,
}

/// `<w:rPr>`, if there is anything to say.
fn rpr(x: &mut Xml, props: RunProps, hint: bool) {
    if props.fonts.is_none() && props.size.is_none() && props.spacing.is_none() && !hint {
        return;
    }
    x.open("w:rPr", &[]);
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    if hint {
        attrs.push(("w:hint", "eastAsia"));
    }
    if let Some(f) = props.fonts {
        attrs.extend([
            ("w:ascii", f.latin),
            ("w:hAnsi", f.latin),
            ("w:eastAsia", f.east_asia),
            ("w:cs", f.latin),
        ]);
    }
    if !attrs.is_empty() {
        x.empty("w:rFonts", &attrs);
    }
    if let Some(spacing) = props.spacing {
        x.empty("w:spacing", &[("w:val", &spacing.to_string())]);
    }
    if let Some(size) = props.size {
        let half_points = super::half_points(size);
        x.empty("w:sz", &[("w:val", &half_points)]);
        x.empty("w:szCs", &[("w:val", &half_points)]);
    }
    x.close();
}

/// Writes `text` as runs: one per piece of [`segments`], the hinted ones
/// with `w:hint="eastAsia"`.
pub fn text(x: &mut Xml, text: &str, props: RunProps) {
    for (piece, hint) in segments(text) {
        x.open("w:r", &[]);
        rpr(x, props, hint);
        x.text_element("w:t", &[("xml:space", "preserve")], piece);
        x.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_punctuation_is_split_off_and_hinted() {
        assert_eq!(
            segments("“两个维护”×3，2019年…é"),
            vec![
                ("“", true),
                ("两个维护", false),
                ("”×", true),
                ("3，2019年", false),
                ("…", true),
                ("é", false),
            ]
        );
        assert!(segments("").is_empty());
        // Chinese text, full-width forms, ASCII: no hint needed.
        for c in ['国', '，', '（', 'A', '1', '〔', '、', 'é', 'ü'] {
            assert!(!needs_east_asian_hint(c), "{c}");
        }
        for c in [
            '“', '”', '‘', '’', '—', '…', '·', '×', '★', '①', '℃', '※', '°',
        ] {
            assert!(needs_east_asian_hint(c), "{c}");
        }
    }

    #[test]
    fn hinted_runs_carry_the_hint_and_the_fonts() {
        let mut x = Xml::new();
        let fonts = RoleFont {
            east_asia: "黑体",
            latin: "Times New Roman",
            bold: false,
        };
        text(
            &mut x,
            "秘密★1年",
            RunProps {
                fonts: Some(fonts),
                ..RunProps::default()
            },
        );
        let s = x.finish();
        assert!(s.contains(
            "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\" w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"黑体\" w:cs=\"Times New Roman\"/></w:rPr><w:t xml:space=\"preserve\">★</w:t></w:r>"
        ), "{s}");
        assert!(s.contains("<w:t xml:space=\"preserve\">秘密</w:t>"), "{s}");
        assert_eq!(s.matches("<w:r>").count(), 3, "{s}");
    }
}
