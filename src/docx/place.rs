//! The direct paragraph properties of placed items (the 署名, the 成文日期,
//! the 附件说明, a line centred on a seal): indents and alignment where the
//! style's do not say them, from the placement the composition decided
//! ([`Align`]); nothing here measures text.

use super::{Layout, Setup, Style};
use crate::compose::{Align, Item, ItemKind};
use crate::geometry as g;

/// A placed item's direct paragraph properties, where the style's do not
/// say it: `w:ind` attributes (twips) and a `w:jc`.
#[derive(Debug, Default)]
pub(super) struct Placement {
    pub ind: Vec<(&'static str, String)>,
    pub jc: Option<&'static str>,
}

/// The placement of an item as the composition's [`Align`] says it, in
/// the word processor's terms (§7.3.4, §7.3.5):
///
/// * 右空N字 ([`Align::RightChars`]): in a right-aligned style (the 署名's,
///   右空二字) nothing of its own, so that a name of any length ends two
///   characters from the right edge; otherwise a right indent of N grid
///   characters and right alignment (a 成文日期 longer than the 署名, or
///   beside a 签名章), where it stays when edited.
/// * A right edge in points ([`Align::RightInset`]): that right indent (a
///   署名 a longer 成文日期 pushes left, the 签发人's title).
/// * Centred on x ([`Align::CentreOn`]): equal indents either side.
/// * A row of joint 署名 ([`Align::Columns`]): flush left; the tab stops
///   centre the names (see `paragraph`).
/// * The indents ([`Align::Indents`]): a 成文日期 gets a left indent, its
///   first character two characters right of the 署名's first, so that it
///   stays there when the date is edited (Word formatting cannot tie one
///   paragraph to another's width: when the 署名's length changes, the date
///   is moved by hand, README); a 附件说明 its first line's indent and a
///   hanging indent that puts a wrapped name under its own first
///   character; other items have their style's indents.
pub(super) fn placement(item: &Item, style: Style, setup: Setup) -> Placement {
    let scale = |pt: f64| setup.grid.scale_twips(pt);
    let right_aligned = style.layout == Layout::RightTwoChars;
    let right = |twips: i64| Placement {
        ind: vec![("w:right", twips.to_string())],
        jc: (!right_aligned).then_some("right"),
    };
    match item.align {
        Align::CentreOn(c) => {
            // Centred on the seal's centre, whatever its width in the word
            // processor's fonts (§7.3.5.1): equal indents either side.
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
        Align::Columns(_) => {
            // A row of joint 署名, each under its seal: centre tab stops.
            Placement {
                ind: vec![
                    ("w:left", "0".into()),
                    ("w:right", "0".into()),
                    ("w:firstLine", "0".into()),
                ],
                jc: Some("left"),
            }
        }
        Align::RightChars(n) if right_aligned && n == g::SIGNATURE_RIGHT_CHARS => {
            Placement::default()
        }
        Align::RightChars(n) => right(setup.grid.cells_twips(n)),
        Align::RightInset(inset) => right(scale(inset)),
        Align::Indents => match item.kind {
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
            _ => Placement::default(),
        },
    }
}
