//! The page's style sheet: a reading column on screen (`screen.css`), and
//! for print the standard's page (A4, the 版心's margins and measure, 3号
//! text on its line pitch), built from [`crate::geometry`] so that the
//! numbers stay there.

use crate::geometry as g;

/// Rules for screen and print alike.
const SCREEN: &str = include_str!("screen.css");

/// The whole style sheet.
pub fn css() -> String {
    format!("{}{SCREEN}{}", root(), print())
}

/// Colours and rule weights from the standard.
fn root() -> String {
    let [c, m, y, k] = g::RED_CMYK;
    let rgb = |ink: f64| ((1.0 - ink) * (1.0 - k) * 255.0).round() as u8;
    format!(
        ":root {{ --red: rgb({} {} {}); --rule-thick: {}mm; --rule-thin: {}mm; }}\n",
        rgb(c),
        rgb(m),
        rgb(y),
        g::RECORD_THICK_MM,
        g::RECORD_THIN_MM,
    )
}

/// The printed page (§5): A4, the 版心 156 × 225 mm at 37 mm from the top
/// and 28 mm from the left, 3号 text 28 characters to the line on the
/// body's line pitch, 2号 title, 4号 版记; page numbers "— N —" 7 mm below
/// the 版心, 右空一字 on odd pages and 左空一字 on even ones (§7.5).
fn print() -> String {
    let pt = |v: f64| format!("{v:.3}pt");
    // The page numbers the PDF and DOCX writers draw (the general format's).
    let pn = crate::compose::PageNumbers::general();
    let number = |side: &str| {
        format!(
            "@page :{side} {{ @bottom-{side} {{ content: \"\\{dash:x}  \" counter(page) \"  \\{dash:x}\"; \
             font-family: \"宋体\", \"SimSun\", \"Noto Serif CJK SC\", serif; font-size: {size}; \
             vertical-align: top; padding-top: {gap}mm; padding-{side}: {inset}; }} }}\n",
            dash = u32::from(pn.dash),
            size = pt(pn.size),
            gap = g::PAGE_NUMBER_GAP_MM,
            inset = pt(pn.inset),
        )
    };
    format!(
        "@page {{ size: {w}mm {h}mm; margin: {t}mm {r}mm {b}mm {l}mm; }}\n{right}{left}\
         @media print {{\n\
         article {{ max-width: none; width: {block}mm; margin: 0; padding: 0; font-size: {size}; \
         line-height: {pitch}; letter-spacing: {track}; --blank: {pitch}; }}\n\
         article h1 {{ font-size: {title}; line-height: {pitch}; margin-bottom: {pitch}; }}\n\
         footer {{ font-size: {record}; break-inside: avoid; }}\n\
         h2, h3, h4, h5 {{ break-after: avoid; }}\n\
         .closing {{ break-inside: avoid; }}\n\
         }}\n",
        w = g::PAPER_WIDTH_MM,
        h = g::PAPER_HEIGHT_MM,
        t = g::TOP_MARGIN_MM,
        r = g::RIGHT_MARGIN_MM,
        b = g::BOTTOM_MARGIN_MM,
        l = g::LEFT_MARGIN_MM,
        right = number("right"),
        left = number("left"),
        block = g::BLOCK_WIDTH_MM,
        size = pt(g::BODY_SIZE),
        pitch = pt(g::LINE_PITCH),
        track = pt(g::CHAR_PITCH - g::BODY_SIZE),
        title = pt(g::TITLE_SIZE),
        record = pt(g::RECORD_SIZE),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_page_is_the_standards() {
        let css = css();
        // GB/T 9704-2012 §5.2.1/§5.2.2: A4; 天头 37 mm, 订口 28 mm, 版心
        // 156 × 225 mm, so 26 mm right and 35 mm bottom.
        assert!(
            css.contains("@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }"),
            "{css}"
        );
        assert!(css.contains("width: 156mm"));
        // 3号 = 16 pt; 28 characters in 156 mm: 156 / 28 mm a character.
        assert!(css.contains("font-size: 16.000pt"));
        let pitch = 156.0 / 28.0 / 25.4 * 72.0;
        assert!(css.contains(&format!("letter-spacing: {:.3}pt", pitch - 16.0)));
        // 红色 Y80% M80%.
        assert!(css.contains("--red: rgb(255 51 51)"));
    }
}
