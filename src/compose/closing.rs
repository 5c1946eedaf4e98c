//! 署名 and 成文日期 without a seal (§7.3.5.2); a sealed closing is
//! [`super::seal`]'s.

use crate::content::Run;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, CHAR_PITCH};
use crate::model::Document;

use super::{Align, Item, ItemKind, Keep, measure, seal};

/// 署名 and 成文日期 without a seal (§7.3.5.2): the 署名 one blank line
/// below the 正文 (or 附件说明), 右空二字; the date on the next line, its
/// first character two characters right of the 署名's first; if the date is
/// the longer, the date is set 右空二字 and the 署名 moves left to keep the
/// two-character shift. Joint issuers: one 署名 per line, in order.
pub(crate) fn compose_closing(doc: &Document, fonts: &FontSet, items: &mut Vec<Item>) {
    // What precedes the 署名 stays with it.
    crate::compose::keep_with_closing(items);
    let cells = |n: usize| n as f64 * CHAR_PITCH;
    let right = g::mm(g::BLOCK_WIDTH_MM);
    let date = doc.date.to_string();
    let date_w = measure(fonts, Role::Body, &date);
    let widest = doc
        .issuer
        .iter()
        .map(|n| measure(fonts, Role::Body, n))
        .fold(0.0, f64::max);
    // Where the 署名 block and the date start.
    let mut sig_start = right - cells(g::SIGNATURE_RIGHT_CHARS) - widest;
    let mut date_start = sig_start + cells(g::DATE_SHIFT_CHARS);
    let date_longer =
        doc.issuer.is_empty() || date_start + date_w > right - cells(g::DATE_RIGHT_CHARS);
    if date_longer {
        date_start = right - cells(g::DATE_RIGHT_CHARS) - date_w;
        sig_start = date_start - cells(g::DATE_SHIFT_CHARS);
    }
    for (i, name) in doc.issuer.iter().enumerate() {
        // Each name 右空二字 within the block (a shorter co-issuer's name
        // ends where the longest ends).
        let w = measure(fonts, Role::Body, name);
        let x = sig_start + (widest - w);
        let mut item = seal::line_item(
            ItemKind::Signature,
            if i == 0 { g::SIGNATURE_GAP_LINES } else { 0 },
            vec![Run {
                role: Role::Body,
                text: name.clone(),
            }],
            x,
            format!("issuer[{i}]"),
        );
        item.align = if date_longer {
            // Moved left with the date: its right edge where the date's
            // first character less the shift puts it.
            Align::RightInset(right - (x + w))
        } else {
            Align::RightChars(g::SIGNATURE_RIGHT_CHARS)
        };
        items.push(item);
    }
    let blank = if doc.issuer.is_empty() {
        g::SIGNATURE_GAP_LINES
    } else {
        0
    };
    let runs = vec![Run {
        role: Role::Body,
        text: date,
    }];
    let mut date_item = seal::line_item(ItemKind::Date, blank, runs, date_start, "date".into());
    date_item.keep_with_next = Keep::Free;
    // Under the 署名, two characters right of its first, it follows the
    // 署名 (its indent); longer, it is set 右空二字.
    if date_longer {
        date_item.align = Align::RightChars(g::DATE_RIGHT_CHARS);
    }
    items.push(date_item);
}
