//! 印章 (§7.3.5.1) and 签发人签名章 (§7.3.5.3): which images authenticate
//! the document, and where they stand against the 署名 and 成文日期.
//!
//! The office supplies the images; gongwen only places them. A seal is an
//! overlay placed against the 署名's line (see [`Overlay`]); the 署名 and
//! 成文日期 stay text in the flow.

use crate::assets::{Assets, Image};
use crate::compose::{Align, Item, ItemKind, Keep, Overlay, Placed, measure};
use crate::content::Run;
use crate::error::Error;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, CHAR_PITCH, mm};
use crate::load::Source;
use crate::model::Document;
use crate::rules::{self, seals::Authentication};

/// How the document is authenticated, with its images read.
#[derive(Debug, Clone)]
pub enum Sealing {
    /// 不加盖印章 (§7.3.5.2).
    None,
    /// 加盖印章 (§7.3.5.1): one seal per issuer, in issuer order.
    Seals(Vec<Sized>),
    /// 加盖签发人签名章 (§7.3.5.3).
    Signature(SignatureStamp),
}

/// An image with the size it is drawn at, in points.
#[derive(Debug, Clone)]
pub struct Sized {
    pub image: Image,
    pub width: f64,
    pub height: f64,
}

/// The 签名章 and the signer's title.
#[derive(Debug, Clone)]
pub struct SignatureStamp {
    pub title: String,
    pub stamp: Sized,
}

fn sized(image: &Image, width_mm: Option<f64>) -> Sized {
    let (w, h) = image.size_mm(width_mm, g::SEAL_DEFAULT_DIAMETER_MM);
    Sized {
        image: image.clone(),
        width: mm(w),
        height: mm(h),
    }
}

/// Pairs the seal fields with their images (read by [`Assets::load`]);
/// fields that do not fit together or with the 署名 are the rulebook's
/// refusal ([`rules::seals`]).
pub fn check(doc: &Document, source: &Source, assets: &Assets) -> Result<Sealing, Error> {
    let unread = |field| Error::Seal {
        path: source.path.clone(),
        field,
        message: "the image was not read; read the document's images with `Assets::load`".into(),
    };
    match rules::seals::authentication(doc) {
        Err(v) => Err(crate::load::refusal(source, &v)),
        Ok(Authentication::None) => Ok(Sealing::None),
        Ok(Authentication::Signature(s)) => {
            let image = assets
                .signature
                .as_ref()
                .ok_or_else(|| unread("signature_seal"))?;
            Ok(Sealing::Signature(SignatureStamp {
                title: s.title.0.clone(),
                stamp: sized(image, s.width),
            }))
        }
        Ok(Authentication::Seals(seals)) => {
            if assets.seals.len() != seals.len() {
                return Err(unread("seal"));
            }
            Ok(Sealing::Seals(
                seals
                    .iter()
                    .zip(&assets.seals)
                    .map(|(s, image)| sized(image, s.diameter))
                    .collect(),
            ))
        }
    }
}

fn cells(n: usize) -> f64 {
    n as f64 * CHAR_PITCH
}

fn text_run(text: &str) -> Run {
    Run {
        role: Role::Body,
        text: text.to_string(),
    }
}

/// An item set on one line at `x`, kept with what follows.
pub(crate) fn line_item(
    kind: ItemKind,
    blank: usize,
    runs: Vec<Run>,
    x: f64,
    path: String,
) -> Item {
    Item {
        kind,
        blank_lines_before: blank,
        runs,
        lines: Vec::new(),
        first_indent: x,
        rest_indent: x,
        justify: false,
        keep_with_next: Keep::Whole,
        columns: Vec::new(),
        reserve_lines_after: 0,
        align: Align::Indents,
        path,
    }
}

/// Where a seal's top is, below the em-box top of its 署名's line: its
/// centre `below` points above the middle of the 署名 and date lines (half
/// a line pitch plus half an em below the 署名's top).
fn seal_dy(height: f64, below: f64) -> (f64, f64) {
    (0.5, g::BODY_SIZE / 2.0 - below - height / 2.0)
}

/// The blank lines above the first row of seals of height `height`, and
/// how far the 署名 and date sit below the seals' centres: as few lines as
/// keep the seal clear of the text, and [`g::SEAL_BELOW_CENTRE_MM`] —
/// more, up to [`g::SEAL_BELOW_CENTRE_MAX_MM`], where the seal's top would
/// otherwise be more than one line below the text.
fn first_row(height: f64) -> (usize, f64) {
    let below = mm(g::SEAL_BELOW_CENTRE_MM);
    let (lines, pt) = seal_dy(height, below);
    let dy = lines * g::LINE_PITCH + pt;
    let blank = lines_to_clear(dy);
    // The seal's top below the text's last em box.
    let gap = (blank as f64 + 1.0) * g::LINE_PITCH + dy - g::BODY_SIZE;
    let raise = (gap - g::LINE_PITCH).clamp(0.0, mm(g::SEAL_BELOW_CENTRE_MAX_MM) - below);
    (blank, below + raise)
}

/// The fewest blank lines (at least one) between the last line above the
/// closing and a line whose overlay starts `dy` below its em top, so that
/// the overlay clears that last line by [`g::SEAL_BODY_CLEARANCE_MM`].
fn lines_to_clear(dy: f64) -> usize {
    let need = g::BODY_SIZE + mm(g::SEAL_BODY_CLEARANCE_MM) - dy;
    // The 署名 is (n + 1) pitches below the last line's em top.
    let n = (need / g::LINE_PITCH - 1.0 - 1e-9).ceil();
    n.max(1.0) as usize
}

/// Whole lines of room below a line whose em box ends `gap` points above
/// an overlay's bottom.
fn lines_for(gap: f64) -> usize {
    if gap <= 0.0 {
        0
    } else {
        (gap / g::LINE_PITCH - 1e-9).ceil() as usize
    }
}

/// 署名, 成文日期 and 印章 (§7.3.5.1). The 成文日期 右空四字; the 署名
/// centred over it; each seal upright and centred on its own 署名, its
/// centre [`g::SEAL_BELOW_CENTRE_MM`] above the middle of the 署名 and date
/// lines; the 署名 as few blank lines below the text as keep the seal clear
/// of it, so that the seal's top is within one line of the text.
///
/// Joint issuers: the 署名 in rows, in issuer order, as many to a row as
/// fit the 版心 with their seals [`g::JOINT_SEAL_GAP_MM`] apart; rows
/// right-aligned, the last seal of the last row centred on the date (the
/// rows move right together if the first would leave the 版心); rows far
/// enough apart that seals of different rows keep the same gap.
pub fn compose_sealed(
    doc: &Document,
    fonts: &FontSet,
    seals: &[Sized],
    items: &mut Vec<Item>,
    images: &mut Vec<Image>,
    overlays: &mut Vec<Overlay>,
) {
    // What precedes the 署名 stays with it (§7.3.5.5).
    crate::compose::keep_with_closing(items);
    let width = mm(g::BLOCK_WIDTH_MM);
    let date = doc.date.to_string();
    let date_w = measure(fonts, Role::Body, &date);
    let names_w: Vec<f64> = doc
        .issuer
        .iter()
        .map(|n| measure(fonts, Role::Body, n))
        .collect();
    // Each issuer's slot: its seal or its name, whichever is wider; two
    // neighbours' centres as close as keeps the seals JOINT_SEAL_GAP_MM
    // apart and the names a character apart.
    let half = |k: usize| seals[k].width.max(names_w[k]) / 2.0;
    let spacing = |a: usize, b: usize| {
        ((seals[a].width + seals[b].width) / 2.0 + mm(g::JOINT_SEAL_GAP_MM))
            .max((names_w[a] + names_w[b]) / 2.0 + cells(g::JOINT_NAME_GAP_CHARS))
    };
    // Rows in issuer order, each as long as fits the 版心.
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for k in 0..seals.len() {
        match rows.last_mut() {
            Some(row) => {
                let first = row[0];
                let span: f64 = row.windows(2).map(|w| spacing(w[0], w[1])).sum::<f64>()
                    + spacing(*row.last().expect("rows are not empty"), k);
                if half(first) + span + half(k) <= width + 1e-6 {
                    row.push(k);
                } else {
                    rows.push(vec![k]);
                }
            }
            None => rows.push(vec![k]),
        }
    }
    // Centres of a row's slots relative to its last one.
    let offsets = |row: &[usize]| -> Vec<f64> {
        let mut out = vec![0.0; row.len()];
        for j in (0..row.len().saturating_sub(1)).rev() {
            out[j] = out[j + 1] - spacing(row[j], row[j + 1]);
        }
        out
    };

    // The last seal's centre: the date's centre, the date 右空四字; every
    // row right-aligned on it, all moved right if one would start left of
    // the 版心 (and left if one would end right of it).
    let mut last_centre = width - cells(g::SEAL_DATE_RIGHT_CHARS) - date_w / 2.0;
    for row in &rows {
        let left = last_centre + offsets(row)[0] - half(row[0]);
        if left < 0.0 {
            last_centre -= left;
        }
    }
    for row in &rows {
        let last = *row.last().expect("rows are not empty");
        last_centre = last_centre.min(width - half(last));
    }

    let below = first_row(rows[0].iter().map(|&k| seals[k].height).fold(0.0, f64::max)).1;
    let row_pitch_lines = {
        let tallest = seals.iter().map(|s| s.height).fold(0.0, f64::max);
        ((tallest + mm(g::JOINT_SEAL_GAP_MM)) / g::LINE_PITCH - 1e-9).ceil() as usize
    };
    let joint = seals.len() > 1;
    for (r, row) in rows.iter().enumerate() {
        let tallest = row.iter().map(|&k| seals[k].height).fold(0.0, f64::max);
        let blank = if r == 0 {
            first_row(tallest).0
        } else {
            row_pitch_lines.max(1) - 1
        };
        // Slot centres, right-aligned on the last seal's centre.
        let offsets = offsets(row);
        let centre = |j: usize| last_centre + offsets[j];
        let anchor = items.len();
        let mut columns = Vec::new();
        let mut name_centres = Vec::new();
        for (j, &k) in row.iter().enumerate() {
            let c = centre(j);
            let name_x = (c - names_w[k] / 2.0).clamp(0.0, (width - names_w[k]).max(0.0));
            columns.push(Placed {
                x: name_x,
                runs: vec![text_run(&doc.issuer[k])],
            });
            // On its seal's centre, unless the 版心's edge moved it.
            name_centres.push(name_x + names_w[k] / 2.0);
            let seal = &seals[k];
            let (dy_lines, dy_pt) = seal_dy(seal.height, below);
            overlays.push(Overlay {
                image: images.len(),
                anchor,
                x: c - seal.width / 2.0,
                dy_lines,
                dy_pt,
                width: seal.width,
                height: seal.height,
                alt: format!("印章：{}", doc.issuer[k]),
            });
            images.push(seal.image.clone());
        }
        let x = columns[0].x;
        let runs: Vec<Run> = columns.iter().flat_map(|c| c.runs.clone()).collect();
        let path = if joint {
            format!("issuer[{}]", row[0])
        } else {
            "issuer".to_string()
        };
        let mut item = line_item(ItemKind::Signature, blank, runs, x, path);
        if joint {
            item.columns = columns;
            item.align = Align::Columns(name_centres);
        } else {
            item.align = Align::CentreOn(centre(0));
        }
        items.push(item);
    }

    // The date on the next line, centred under the last seal; the room the
    // last row's seals need below it stays on its page.
    let date_x = last_centre - date_w / 2.0;
    let mut date_item = line_item(
        ItemKind::Date,
        0,
        vec![text_run(&date)],
        date_x,
        "date".into(),
    );
    date_item.keep_with_next = Keep::Free;
    date_item.align = Align::CentreOn(last_centre);
    let last_row = rows.last().expect("at least one issuer");
    let below = last_row
        .iter()
        .map(|&k| {
            let (lines, pt) = seal_dy(seals[k].height, below);
            // Seal bottom below the 署名's em top, less the date's em bottom.
            lines * g::LINE_PITCH + pt + seals[k].height - (g::LINE_PITCH + g::BODY_SIZE)
        })
        .fold(0.0, f64::max);
    date_item.reserve_lines_after = lines_for(below);
    items.push(date_item);
}

/// 签发人签名章 (§7.3.5.3): the 签名章 two blank lines below the text,
/// 右空四字; the signer's title two characters to its left, the stamp
/// centred on the title's line; the 成文日期 one blank line below the stamp,
/// 右空四字. (No 署名 is set: the 签名章 stands for it.)
pub fn compose_signature_seal(
    doc: &Document,
    fonts: &FontSet,
    s: &SignatureStamp,
    items: &mut Vec<Item>,
    images: &mut Vec<Image>,
    overlays: &mut Vec<Overlay>,
) {
    crate::compose::keep_with_closing(items);
    let width = mm(g::BLOCK_WIDTH_MM);
    let em = g::BODY_SIZE;
    let (w, h) = (s.stamp.width, s.stamp.height);
    let stamp_x = (width - cells(g::SIGNATURE_SEAL_RIGHT_CHARS) - w).max(0.0);
    let title_w = measure(fonts, Role::Body, &s.title);
    let title_x = (stamp_x - cells(g::SIGNATURE_TITLE_GAP_CHARS) - title_w).max(0.0);
    // Its right edge two characters left of the stamp: a word processor
    // keeps the gap to the 版心's right edge.
    let title_inset = width - (title_x + title_w);
    // The stamp is centred on the title's line, and its top no higher than
    // the line two blank lines below the text: the title moves down whole
    // lines for a stamp taller than a line.
    let extra = ((h / 2.0 - em / 2.0) / g::LINE_PITCH - 1e-9)
        .ceil()
        .max(0.0) as usize;
    let anchor = items.len();
    let mut title = line_item(
        ItemKind::SignatureTitle,
        g::SIGNATURE_SEAL_GAP_LINES + extra,
        vec![text_run(&s.title)],
        title_x,
        "signature_seal.title".into(),
    );
    title.align = Align::RightInset(title_inset);
    items.push(title);
    overlays.push(Overlay {
        image: images.len(),
        anchor,
        x: stamp_x,
        dy_lines: 0.0,
        dy_pt: em / 2.0 - h / 2.0,
        width: w,
        height: h,
        alt: format!("签发人签名章：{}", s.title),
    });
    images.push(s.stamp.image.clone());
    // The first line whose em box starts below the stamp, then one blank
    // line.
    let bottom = em / 2.0 + h / 2.0;
    let first_free = (bottom / g::LINE_PITCH - 1e-9).ceil().max(1.0) as usize;
    let date = doc.date.to_string();
    let date_w = measure(fonts, Role::Body, &date);
    let mut date_item = line_item(
        ItemKind::Date,
        first_free - 1 + g::SIGNATURE_SEAL_DATE_GAP_LINES,
        vec![text_run(&date)],
        width - cells(g::SIGNATURE_SEAL_RIGHT_CHARS) - date_w,
        "date".into(),
    );
    date_item.keep_with_next = Keep::Free;
    date_item.align = Align::RightChars(g::SIGNATURE_SEAL_RIGHT_CHARS);
    items.push(date_item);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seals_clear_the_text_and_stay_within_one_line() {
        // Independent arithmetic: pitch 225 mm less one em over 21 gaps.
        let pitch_mm = (225.0 - 16.0 * 25.4 / 72.0) / 21.0;
        let em_mm = 16.0 * 25.4 / 72.0;
        for (d, want, below) in [
            (42.0, 2, 3.0),
            (50.0, 2, 3.0),
            (30.0, 1, 3.0),
            (40.0, 2, 3.3),
        ] {
            let (n, below_pt) = first_row(mm(d));
            assert_eq!(n, want, "D = {d}");
            let got = g::to_mm(below_pt);
            assert!(got >= below - 0.01 && got <= below + 0.01, "D = {d}: {got}");
            // Seal top below the last text line's em bottom, in mm.
            let sig_top = (n as f64 + 1.0) * pitch_mm;
            let centre = sig_top + (pitch_mm + em_mm) / 2.0 - got;
            let gap = centre - d / 2.0 - em_mm;
            assert!(
                gap >= 0.5 - 1e-6 && gap <= pitch_mm + 1e-6,
                "D = {d}: gap {gap}"
            );
        }
    }
}
