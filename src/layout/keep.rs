//! The pagination model's keep rules: what must stand on one page with
//! what. The composition writes each rule as data on its items
//! ([`Keep`]); this module turns the rules into what the pagination loop
//! measures after a run (labels at the kept item's start and at the last
//! line it must be seen with) and decides where a page must break instead.
//!
//! | rule | data | enforced |
//! |---|---|---|
//! | 署名 with 成文日期, seals with both (§7.3.5) | `Keep::Whole` | one unbreakable group |
//! | the closing with the 正文's last two lines (§7.3.5.5) | `Keep::LastLines(2)` | `closing_break` |
//! | a heading with the next two lines, or a table's header and first row | `Keep::Lead(Heading)` | here |
//! | 附件N and title with the body's first lines (§7.3.7) | `Keep::Lead(AttachmentHead)` | here |
//!
//! A lead that cannot be kept (it already starts its page, or it would
//! leave page 1 without 正文) is left where it falls.

use typst_layout::PagedDocument;

use crate::compose::{self, Composition, ItemKind, Keep};
use crate::fonts::FontSet;

use super::{label_page, label_y, table_label, table_lines_above_bottom, table_page_lines};

/// What an item that leads (`Keep::Lead`) must have on its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Lead {
    /// The leading item.
    pub item: usize,
    /// The first item of the run kept whole with it (items before it with
    /// `Keep::Whole`): where the page breaks when the lead does not hold.
    pub first: usize,
    pub need: Need,
}

/// The last thing a lead must see on its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Need {
    /// Line `line` (0-based) of item `item`: a label is set after it.
    Line { item: usize, line: usize },
    /// Portrait table `k`'s header rows and first body row: `lines` of its
    /// row pitches under its top.
    Table { k: usize, lines: usize },
}

/// The label set at a lead's start.
pub(super) fn start_label(item: usize) -> String {
    format!("gw-lead-{item}")
}

/// The label set after the last line a lead needs.
pub(super) fn need_label(item: usize) -> String {
    format!("gw-lead-end-{item}")
}

/// The leads of `c`, in reading order, with what each must see.
pub(super) fn leads(c: &Composition, fonts: &FontSet) -> Vec<Lead> {
    let mut out = Vec::new();
    for (i, item) in c.items.iter().enumerate() {
        let Keep::Lead(rule) = item.keep_with_next else {
            continue;
        };
        // What is kept with it comes along: the items kept whole with it
        // and the leads that lead it (a heading over a subheading).
        let mut first = i;
        while first > 0
            && matches!(
                c.items[first - 1].keep_with_next,
                Keep::Whole | Keep::Lead(_)
            )
        {
            first -= 1;
        }
        if let Some(need) = need_after(c, i, rule.lines(), fonts) {
            out.push(Lead {
                item: i,
                first,
                need,
            });
        }
    }
    out
}

/// The `lines`th line after item `i`, counted over the items that follow,
/// or the first table met before it. `None` when a new page or a
/// landscape table comes first (nothing can stand with it).
fn need_after(c: &Composition, i: usize, lines: usize, fonts: &FontSet) -> Option<Need> {
    let mut left = lines;
    for (j, item) in c.items.iter().enumerate().skip(i + 1) {
        match item.kind {
            ItemKind::PageBreak => return None,
            ItemKind::Table(k) => {
                let t = &c.tables[k];
                if t.landscape {
                    return None;
                }
                let first_row = t.rows.get(t.header_rows).map_or(0, |r| r.lines);
                let need = (t.header_lines() + first_row).min(table_page_lines(t));
                return Some(Need::Table { k, lines: need });
            }
            _ => {
                let n = compose::item_lines(item, fonts).len();
                if n >= left && !item.columns.is_empty() {
                    // A row of joint 署名: one line, no label inside.
                    return None;
                }
                if n >= left {
                    return Some(Need::Line {
                        item: j,
                        line: left - 1,
                    });
                }
                left -= n;
            }
        }
    }
    None
}

/// The first lead, not yet broken before, that does not hold on `paged`:
/// the item before which the page must break.
pub(super) fn broken(
    c: &Composition,
    leads: &[Lead],
    paged: &PagedDocument,
    done: &[usize],
) -> Option<usize> {
    leads.iter().find_map(|lead| {
        // 首页显示正文: a lead that the 正文 would not precede on its page
        // (only the 主送机关 before it) stays on page 1.
        let opens = c.items[..lead.first]
            .iter()
            .all(|it| it.kind == ItemKind::Addressees);
        if done.contains(&lead.first) || opens {
            return None;
        }
        let page = label_page(paged, &start_label(lead.item))?;
        let holds = match lead.need {
            Need::Line { .. } => label_page(paged, &need_label(lead.item))? == page,
            Need::Table { k, lines } => {
                let name = table_label(k);
                label_page(paged, &name)? == page
                    && table_lines_above_bottom(&c.tables[k], label_y(paged, &name)?) >= lines
            }
        };
        (!holds).then_some(lead.first)
    })
}
