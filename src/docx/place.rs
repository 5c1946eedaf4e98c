//! The direct paragraph properties of placed items (the 署名, the 成文日期,
//! the 附件说明, a line centred on a seal): indents and alignment where the
//! style's do not say them.

use super::Setup;
use crate::compose::{self, Item, ItemKind};
use crate::fonts::{FontSet, Role};
use crate::geometry as g;

/// A placed item's direct paragraph properties, where the style's do not
/// say it: `w:ind` attributes (twips) and a `w:jc`.
#[derive(Debug, Default)]
pub(super) struct Placement {
    pub ind: Vec<(&'static str, String)>,
    pub jc: Option<&'static str>,
}

/// How far the end of `item`'s text is from the 版心's right edge, in
/// points on the PDF's grid.
fn gap_to_right(item: &Item, fonts: &FontSet) -> f64 {
    let text: String = item.runs.iter().map(|r| r.text.as_str()).collect();
    let end = item.first_indent + compose::measure(fonts, Role::Body, &text);
    g::mm(g::BLOCK_WIDTH_MM) - end
}

/// Whether a gap is `chars` characters, as the composition measures.
fn is_chars(gap: f64, chars: usize) -> bool {
    (gap - chars as f64 * g::CHAR_PITCH).abs() < 0.01 * g::CHAR_PITCH
}

/// The placement of the 署名, 成文日期 and 附件说明 (§7.3.4, §7.3.5.2):
///
/// * 署名: the style is right-aligned 右空二字, so a name of any length ends
///   two characters from the right edge; only when a longer 成文日期 pushes
///   the 署名 left does it carry a larger right indent.
/// * 成文日期: a left indent, its first character two characters right of
///   the 署名's first, so that it stays there when the date is edited. Word
///   formatting cannot tie one paragraph to another's width: when the
///   署名's length changes, the date is moved by hand (README). A date
///   longer than the 署名 less two characters is right-aligned 右空二字
///   instead, where it stays when edited.
/// * 附件说明: the first line's indent, and a hanging indent that puts a
///   wrapped name under its own first character.
pub(super) fn placement(item: &Item, fonts: &FontSet, setup: Setup) -> Placement {
    let scale = |pt: f64| setup.grid.scale_twips(pt);
    match item.kind {
        _ if item.centre_on.is_some() => {
            // Centred on the seal's centre, whatever its width in the word
            // processor's fonts (§7.3.5.1): equal indents either side.
            let c = item.centre_on.unwrap_or_default();
            let half = c.min(g::mm(g::BLOCK_WIDTH_MM) - c);
            let left = scale(c - half);
            let right = setup.text_width - scale(c + half);
            Placement {
                ind: vec![
                    ("w:left", left.to_string()),
                    ("w:right", right.max(0).to_string()),
                    ("w:firstLine", "0".into()),
                ],
                jc: Some("center"),
            }
        }
        ItemKind::Signature if !item.columns.is_empty() => {
            // A row of joint 署名, each under its seal: left tab stops.
            Placement {
                ind: vec![
                    ("w:left", "0".into()),
                    ("w:right", "0".into()),
                    ("w:firstLine", "0".into()),
                ],
                jc: Some("left"),
            }
        }
        ItemKind::Signature | ItemKind::SignatureTitle => {
            let gap = gap_to_right(item, fonts);
            Placement {
                ind: if is_chars(gap, g::SIGNATURE_RIGHT_CHARS) {
                    Vec::new()
                } else {
                    vec![("w:right", scale(gap).to_string())]
                },
                jc: None,
            }
        }
        ItemKind::Date if is_chars(gap_to_right(item, fonts), g::DATE_RIGHT_CHARS) => Placement {
            ind: vec![(
                "w:right",
                setup.grid.cells_twips(g::DATE_RIGHT_CHARS).to_string(),
            )],
            jc: Some("right"),
        },
        ItemKind::Date if is_chars(gap_to_right(item, fonts), g::SEAL_DATE_RIGHT_CHARS) => {
            // With a seal (§7.3.5.1) or 签名章 (§7.3.5.3): 右空四字.
            Placement {
                ind: vec![(
                    "w:right",
                    setup.grid.cells_twips(g::SEAL_DATE_RIGHT_CHARS).to_string(),
                )],
                jc: Some("right"),
            }
        }
        ItemKind::Date => Placement {
            ind: vec![("w:left", scale(item.first_indent).to_string())],
            jc: None,
        },
        ItemKind::Attachment => {
            let left = scale(item.rest_indent);
            let first = scale(item.first_indent) - left;
            let first_attr = if first >= 0 {
                ("w:firstLine", first.to_string())
            } else {
                ("w:hanging", (-first).to_string())
            };
            Placement {
                ind: vec![("w:left", left.to_string()), first_attr],
                jc: None,
            }
        }
        ItemKind::Paragraph(_)
        | ItemKind::Addressees
        | ItemKind::Note
        | ItemKind::PageBreak
        | ItemKind::AttachmentLabel
        | ItemKind::AttachmentTitle
        | ItemKind::Attendance
        | ItemKind::AttendanceContinued
        | ItemKind::Table(_) => Placement::default(),
    }
}
