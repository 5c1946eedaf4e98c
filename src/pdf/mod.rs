//! The PDF exporter: the pages the layout stage laid out, written as PDF.
//! It decides nothing about pages; it only says how the file is stamped
//! and which standard it conforms to.

use typst::foundations::{Datetime, Smart};
use typst_pdf::{PdfOptions, Timestamp};

use crate::date::Date;
use crate::error::Error;
use crate::geometry as g;
use crate::layout::{self, Laid, Red};

/// When the PDF says it was made.
#[derive(Debug, Clone, Copy, Default)]
pub enum Stamp {
    /// The document's 成文日期, at 00:00 UTC (the default: reproducible).
    #[default]
    DocumentDate,
    /// Seconds since 1970-01-01 UTC (e.g. from `SOURCE_DATE_EPOCH`).
    Unix(i64),
}

/// A PDF standard the output conforms to, checked by Typst's own
/// validation while it writes the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// PDF/A-2b (ISO 19005-2, basic): for archiving.
    A2b,
    /// PDF/A-2a (ISO 19005-2, accessible): archiving, tagged structure.
    A2a,
    /// PDF/UA-1 (ISO 14289-1): accessible to assistive technology.
    Ua1,
}

impl Standard {
    fn typst(self) -> typst_pdf::PdfStandard {
        match self {
            Standard::A2b => typst_pdf::PdfStandard::A_2b,
            Standard::A2a => typst_pdf::PdfStandard::A_2a,
            Standard::Ua1 => typst_pdf::PdfStandard::Ua_1,
        }
    }

    /// Whether the standard forbids device CMYK (PDF/A does without a CMYK
    /// output intent, which Typst does not write).
    fn forbids_cmyk(self) -> bool {
        matches!(self, Standard::A2b | Standard::A2a)
    }
}

/// How the PDF is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    pub stamp: Stamp,
    /// `None`: plain PDF 1.7, the red in CMYK.
    pub standard: Option<Standard>,
}

impl Settings {
    /// The red the layout must set for this PDF: the standard's CMYK
    /// (§6.2), or its sRGB equivalent where the PDF standard forbids CMYK.
    pub fn red(&self) -> Red {
        match self.standard {
            Some(s) if s.forbids_cmyk() => Red::Rgb(g::RED_SRGB),
            _ => Red::Cmyk(g::RED_CMYK),
        }
    }
}

/// Writes the laid-out pages as PDF bytes. The layout must have been made
/// with [`Settings::red`] (Typst's validation refuses a CMYK red under
/// PDF/A).
pub fn export(laid: &Laid, settings: &Settings) -> Result<Vec<u8>, Error> {
    let doc = laid.doc;
    let timestamp = match settings.stamp {
        Stamp::DocumentDate => Timestamp::new_utc(layout::date_time(doc.date)),
        Stamp::Unix(secs) => Timestamp::new_utc(unix_to_datetime(secs)),
    };
    let standards = match settings.standard {
        None => typst_pdf::PdfStandards::default(),
        Some(s) => typst_pdf::PdfStandards::new(&[s.typst()])
            .map_err(|e| Error::Typeset(e.message().to_string()))?,
    };
    let options = PdfOptions {
        // The title as written (a 命令 without one: its mark and 令号).
        ident: Smart::Custom(format!(
            "gongwen:{}:{}",
            doc.date.iso(),
            doc.title
                .as_ref()
                .map_or_else(|| doc.display_title(), ToString::to_string)
        )),
        creator: Smart::Custom(Some(format!("gongwen {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(timestamp),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&laid.paged, &options)
        .map_err(|errors| Error::Typeset(layout::describe(&errors)))
}

fn unix_to_datetime(secs: i64) -> Datetime {
    let rem = secs.rem_euclid(86_400);
    let date = Date::from_days_since_epoch(secs.div_euclid(86_400)).unwrap_or(Date {
        year: 1980,
        month: 1,
        day: 1,
    });
    Datetime::from_ymd_hms(
        i32::from(date.year),
        date.month,
        date.day,
        (rem / 3600) as u8,
        (rem % 3600 / 60) as u8,
        (rem % 60) as u8,
    )
    .expect("a calendar date and a time of day")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::Assets;
    use crate::fonts::FontSet;
    use crate::layout::Typesetter;
    use crate::load::Source;

    #[test]
    fn typst_refuses_cmyk_under_pdf_a_so_the_red_turns_srgb() {
        let fonts = FontSet::bundled();
        let source = Source {
            path: "t.yaml".into(),
            text: "issuer_mark: 测试局文件\ndoc_number: 测发〔2024〕1号\nkind: 通知\n\
                   title: 关于测试的通知\nissuer: 测试局\ndate: 2024-01-02\nbody: [正文。]\n"
                .into(),
        };
        let doc = crate::load::parse(&source).unwrap();
        let settings = Settings {
            standard: Some(Standard::A2b),
            ..Settings::default()
        };
        let assets = Assets::default();
        // Typst's PDF/A validation is on: the CMYK red is an error …
        let cmyk = Typesetter::new(&fonts, Red::Cmyk(g::RED_CMYK))
            .lay_out(&doc, &source, &assets)
            .unwrap();
        let e = export(&cmyk, &settings).unwrap_err().to_string();
        assert!(e.contains("CMYK"), "{e}");
        // … and the same document in sRGB passes it.
        let srgb = Typesetter::new(&fonts, settings.red())
            .lay_out(&doc, &source, &assets)
            .unwrap();
        assert!(export(&srgb, &settings).unwrap().starts_with(b"%PDF-"));
    }
}
