//! The 版头 (§7.2): 份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号,
//! 签发人 and the red separator, and the line the 标题 starts on below it.

use crate::content;
use crate::content::Run;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, CHAR_PITCH, mm};
use crate::model::{Document, IssuerMark};

use super::{
    Header, HeaderForm, HeaderLine, Mark, MarkPart, MarkPiece, Placed, measure, measure_at,
};

/// The 版头's upper-left corner, one run a grid line: 份号 (3号, §7.2.1),
/// 密级和保密期限 and 紧急程度 (3号黑体, §7.2.2–§7.2.3). The general format
/// and the 信函 (§10.1) set the same runs, each from its own top.
pub(crate) fn corner_runs(doc: &Document) -> Vec<Run> {
    let run = |role, text: &str| Run {
        role,
        text: text.to_string(),
    };
    let mut corner = Vec::new();
    if let Some(n) = &doc.copy_number {
        corner.push(run(Role::Body, n));
    }
    if let Some(c) = &doc.classification {
        corner.push(run(Role::Hei, &c.label()));
    }
    if let Some(u) = doc.urgency {
        corner.push(run(Role::Hei, u.label()));
    }
    corner
}

/// The 版头 (§7.2), if the document has any of its elements.
pub(crate) fn compose_header(doc: &Document, fonts: &FontSet) -> Option<Header> {
    let has_any = doc.copy_number.is_some()
        || doc.classification.is_some()
        || doc.urgency.is_some()
        || doc.issuer_mark.is_some()
        || doc.doc_number.is_some()
        || !doc.signers.is_empty();
    if !has_any {
        return None;
    }
    let run = |role, text: &str| Run {
        role,
        text: text.to_string(),
    };
    let cell = CHAR_PITCH;
    let line = |k: usize| k as f64 * g::LINE_PITCH;
    let at = |top: f64, x: f64, runs: Vec<Run>| HeaderLine {
        top,
        placed: vec![Placed { x, runs }],
        centre: Vec::new(),
    };
    let corner: Vec<HeaderLine> = corner_runs(doc)
        .into_iter()
        .enumerate()
        .map(|(k, r)| at(line(k), 0.0, vec![r]))
        .collect();

    let mark = doc.issuer_mark.as_ref().map(|m| compose_mark(m, fonts));

    // 发文字号 two blank lines below the mark, centred (§7.2.5); with 签发人
    // (上行文), 发文字号 居左空一字 on the last 签发人 line, and 签发人 居右空一字,
    // two names a line (§7.2.6).
    let first_top = match &mark {
        Some(m) => m.bottom + g::LINE_GAP + g::NUMBER_GAP_LINES as f64 * g::LINE_PITCH,
        None => line(corner.len()),
    };
    let mut number = Vec::new();
    let inset = g::NUMBER_INSET_CHARS as f64 * cell;
    let number_runs = || {
        doc.doc_number
            .iter()
            .map(|n| run(Role::Body, n))
            .collect::<Vec<_>>()
    };
    if !doc.signers.is_empty() {
        // The first line ends 一字 from the right; later lines' names start
        // under the first line's first name.
        let label = run(Role::Body, content::SIGNERS_LABEL);
        let chunks: Vec<String> = doc
            .signers
            .chunks(g::SIGNERS_PER_LINE)
            .map(content::signers_line)
            .collect();
        let first_width =
            measure(fonts, Role::Body, &label.text) + measure(fonts, Role::Kai, &chunks[0]);
        let label_x = mm(g::BLOCK_WIDTH_MM) - inset - first_width;
        let names_x = label_x + measure(fonts, Role::Body, &label.text);
        for (k, names) in chunks.iter().enumerate() {
            let mut line = if k == 0 {
                at(
                    first_top,
                    label_x,
                    vec![label.clone(), run(Role::Kai, names)],
                )
            } else {
                at(
                    first_top + g::LINE_PITCH * k as f64,
                    names_x,
                    vec![run(Role::Kai, names)],
                )
            };
            if k + 1 == chunks.len() && doc.doc_number.is_some() {
                line.placed.insert(
                    0,
                    Placed {
                        x: inset,
                        runs: number_runs(),
                    },
                );
            }
            number.push(line);
        }
    } else if doc.doc_number.is_some() {
        number.push(HeaderLine {
            top: first_top,
            placed: Vec::new(),
            centre: number_runs(),
        });
    }
    // The red separator 4 mm below the 发文字号 (§7.2.7).
    let separator = number.last().map(|l| {
        l.top + g::BODY_SIZE + mm(g::SEPARATOR_BELOW_NUMBER_MM) + g::SEPARATOR_THICKNESS / 2.0
    });
    Some(Header {
        corner,
        mark,
        number,
        separator,
        double_rules: Vec::new(),
        form: HeaderForm::Block,
    })
}

/// 发文机关标志 (§7.2.4): its top 35 mm below the 版心, centred, as large as
/// 初号 and smaller if it is too wide for the 版心 (or, stacked, too tall).
/// A joint mark stacks the organs' names, the lead organ first, each spread
/// to the longest name's width, with the suffix to their right, centred on
/// the stack, vertically centred on it (§7.2.4; facts §3, joint issuers).
pub(crate) fn compose_mark(mark: &IssuerMark, fonts: &FontSet) -> Mark {
    let em = |text: &str| measure_at(fonts, Role::Title, text, 1.0, 0.0);
    // A joint mark of one organ is one line, the suffix joined to the name.
    let (organs, suffix): (Vec<String>, Option<String>) = match mark {
        IssuerMark::Single(text) => (vec![text.clone()], None),
        IssuerMark::Joint(j) if j.organs.len() == 1 => (vec![mark.text()], None),
        IssuerMark::Joint(j) => (
            j.organs.clone(),
            j.suffix.as_ref().map(|s| s.as_str().to_string()),
        ),
    };
    let names_em = organs.iter().map(|n| em(n)).fold(0.0, f64::max);
    let suffix_em = suffix.as_deref().map_or(0.0, em);
    let gap_em = if suffix.is_some() {
        g::MARK_SUFFIX_GAP_EM
    } else {
        0.0
    };
    let stack_em = 1.0 + (organs.len() - 1) as f64 * g::MARK_LINE_PITCH_EM;
    let block = mm(g::BLOCK_WIDTH_MM);
    let fit = g::MARK_MAX_SIZE
        .min(block / (names_em + gap_em + suffix_em).max(1.0))
        .min(mm(g::MARK_MAX_HEIGHT_MM) / stack_em);
    let size = (fit / g::MARK_SIZE_STEP).floor() * g::MARK_SIZE_STEP;
    let top = mm(g::MARK_TOP_BELOW_BLOCK_MM);
    let pitch = g::MARK_LINE_PITCH_EM * size;
    let names_w = names_em * size;
    let left = (block - names_w - (gap_em + suffix_em) * size) / 2.0;
    let part = if organs.len() == 1 {
        MarkPart::Whole
    } else {
        MarkPart::Organ
    };
    let mut pieces: Vec<MarkPiece> = organs
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let w = em(name) * size;
            let gaps = name.chars().count().saturating_sub(1);
            // A one-character name cannot spread: it is centred instead.
            let (x, width, spacing) = if gaps == 0 {
                (left + (names_w - w) / 2.0, w, 0.0)
            } else {
                (left, names_w, (names_w - w) / gaps as f64)
            };
            MarkPiece {
                part,
                text: name.clone(),
                x,
                top: top + k as f64 * pitch,
                width,
                spacing,
            }
        })
        .collect();
    let stack_h = (stack_em - 1.0) * size + size;
    if let Some(text) = suffix {
        pieces.push(MarkPiece {
            part: MarkPart::Suffix,
            x: left + names_w + gap_em * size,
            top: top + (stack_h - size) / 2.0,
            width: suffix_em * size,
            spacing: 0.0,
            text,
        });
    }
    Mark {
        text: mark.text(),
        size,
        top,
        bottom: top + stack_h,
        pieces,
    }
}

/// The first line of the body grid at least two blank lines below the red
/// separator (§7.3.1), or below the 版头's last line when it has none.
pub(crate) fn title_line_below(h: &Header) -> usize {
    let bottom = match h.separator {
        Some(y) => y + g::SEPARATOR_THICKNESS / 2.0,
        None => {
            let last = h
                .corner
                .iter()
                .chain(&h.number)
                .map(|l| l.top + g::BODY_SIZE);
            let mark = h.mark.iter().map(|m| m.bottom);
            last.chain(mark).fold(0.0, f64::max)
        }
    };
    let needed = bottom + g::TITLE_GAP_BELOW_SEPARATOR_LINES as f64 * g::LINE_PITCH;
    (needed / g::LINE_PITCH - 1e-9).ceil().max(0.0) as usize
}
