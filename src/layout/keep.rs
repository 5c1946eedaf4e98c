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

use crate::compose::{Composition, ItemKind, Keep};
use crate::geometry as g;

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
pub(super) fn leads(c: &Composition) -> Vec<Lead> {
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
        if let Some(need) = need_after(c, i, rule.lines()) {
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
fn need_after(c: &Composition, i: usize, lines: usize) -> Option<Need> {
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
                // A first row taller than a page is cut inside its cells:
                // like a paragraph, two of its lines are enough.
                let page = table_page_lines(t);
                let first_row = if t.header_lines() + first_row > page {
                    first_row.min(left)
                } else {
                    first_row
                };
                let need = (t.header_lines() + first_row).min(page);
                return Some(Need::Table { k, lines: need });
            }
            _ => {
                let n = item.lines.len();
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

/// The label set after the last line of the item before a lead's run.
pub(super) fn pre_label(item: usize) -> String {
    format!("gw-lead-pre-{item}")
}

/// How the template holds the leads with what they lead, so that Typst's
/// own flow keeps each rule in the run that places it (no run more per
/// moved lead): the items of a lead's run (the lead, what is kept whole
/// with it, a heading over a subheading) and the short items up to the
/// last line it needs are one sticky, unbreakable block each, and when that
/// line is the second of a paragraph, the paragraph keeps its first two
/// lines together. A sticky run moves to the next page when what follows
/// it cannot start on this one; Typst leaves it where it is when it already
/// starts its page. Before a table, the table's header rows never stand
/// alone at a page's foot (Typst's orphan control of headers), so the
/// sticky lead moves with the header and the first row.
///
/// A rule the flow cannot express (a table gongwen breaks itself whose
/// first page holds none of its rows) is still measured after the run
/// ([`broken`]) and kept by a forced break.
#[derive(Debug, Clone, Default)]
pub(super) struct Holds {
    /// Items set as sticky, unbreakable blocks.
    pub hold: Vec<usize>,
    /// Paragraphs whose first two lines stay together.
    pub orphans: Vec<usize>,
    /// Items after which a label tells where the text before a lead ends.
    pub pre: Vec<usize>,
}

impl Holds {
    /// The first item of the sticky group `item` belongs to: consecutive
    /// held items move together (Typst migrates a run of sticky blocks
    /// whole), so a forced break goes before the first of them, never
    /// inside.
    pub fn group_start(&self, mut item: usize) -> usize {
        while item > 0 && self.hold.contains(&(item - 1)) {
            item -= 1;
        }
        item
    }
}

/// The holds of `leads` (see [`Holds`]). A lead that opens the 正文 (only
/// the 主送 before it) is not held: page 1 shows 正文 (首页显示正文), so it
/// stays there.
pub(super) fn holds(c: &Composition, leads: &[Lead]) -> Holds {
    let mut h = Holds::default();
    for lead in leads.iter().filter(|lead| !opens(c, lead)) {
        h.hold.extend(lead.first..=lead.item);
        match lead.need {
            Need::Line { item, line } => {
                h.hold.extend(lead.item + 1..item);
                if line > 0 {
                    h.orphans.push(item);
                }
            }
            Need::Table { k, .. } => {
                let table = c
                    .items
                    .iter()
                    .position(|it| it.kind == ItemKind::Table(k))
                    .unwrap_or(lead.item + 1);
                h.hold.extend(lead.item + 1..table);
            }
        }
        if lead.first > 0 && c.items[lead.first - 1].kind != ItemKind::PageBreak {
            h.pre.push(lead.first - 1);
        }
    }
    for v in [&mut h.hold, &mut h.orphans, &mut h.pre] {
        v.sort_unstable();
        v.dedup();
    }
    h
}

/// Whether only the 主送机关 stands before the lead's run: then it opens
/// the 正文 on page 1 and is not moved (首页显示正文).
fn opens(c: &Composition, lead: &Lead) -> bool {
    c.items[..lead.first]
        .iter()
        .all(|it| it.kind == ItemKind::Addressees)
}

/// The leads whose run the flow moved to the next page (they start a page
/// and the text before them left room on the page before for their first
/// line): the items before which the Word file breaks its page as well.
pub(super) fn moved(
    c: &Composition,
    leads: &[Lead],
    holds: &Holds,
    paged: &PagedDocument,
) -> Vec<usize> {
    let mut out: Vec<usize> = leads
        .iter()
        .filter(|lead| lead.first > 0 && holds.pre.contains(&(lead.first - 1)))
        .filter_map(|lead| {
            let page = label_page(paged, &start_label(lead.item))?;
            let pre = pre_label(lead.first - 1);
            if label_page(paged, &pre)? >= page {
                return None;
            }
            // The em-box bottom of the last line before the lead, then the
            // lead's space above and its first line.
            let end = label_y(paged, &pre)?;
            let first = &c.items[lead.first];
            let above = g::LINE_GAP + first.blank_lines_before as f64 * g::LINE_PITCH;
            let bottom = g::mm(g::BLOCK_BOTTOM_MM) + g::PDF_BOTTOM_SLACK;
            (end + above + g::BODY_SIZE <= bottom + 1e-3).then_some(lead.first)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The first item of the run of a held lead that needs line `line` of item
/// `item` or one after it: a page break before that line would part the
/// lead from the lines it needs.
pub(super) fn parted(leads: &[Lead], holds: &Holds, item: usize, line: usize) -> Option<usize> {
    leads.iter().find_map(|lead| match lead.need {
        Need::Line { item: i, line: l }
            if i == item && line <= l && holds.hold.contains(&lead.item) =>
        {
            Some(holds.group_start(lead.first))
        }
        _ => None,
    })
}

/// The first lead, not yet broken before, that does not hold on `paged`:
/// the item before which the page must break.
pub(super) fn broken(
    c: &Composition,
    leads: &[Lead],
    holds: &Holds,
    paged: &PagedDocument,
    done: &[usize],
) -> Option<usize> {
    leads.iter().find_map(|lead| {
        let first = holds.group_start(lead.first);
        // 首页显示正文: a lead that the 正文 would not precede on its page
        // (only the 主送机关 before it) stays on page 1.
        if done.contains(&first) || opens(c, lead) {
            return None;
        }
        let page = label_page(paged, &start_label(lead.item))?;
        let kept = match lead.need {
            Need::Line { .. } => label_page(paged, &need_label(lead.item))? == page,
            Need::Table { k, lines } => {
                let name = table_label(k);
                label_page(paged, &name)? == page
                    && table_lines_above_bottom(&c.tables[k], label_y(paged, &name)?) >= lines
            }
        };
        (!kept).then_some(first)
    })
}
