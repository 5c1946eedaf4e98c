//! The composition as the template's data ([`data::TemplateData`]): each
//! composed item's lines on the 28-character grid, with the
//! page breaks the pagination loop decided and the labels it reads back.
//! Nothing here decides a page; every value is the composition's or the
//! geometry module's, converted to what Typst reads.

use crate::compose::linebreak;
use crate::compose::{self, Composition, Item, ItemKind, Keep};
use crate::fonts::Role;
use crate::fonts::{EXTENSION_FAMILY, FontSet};
use crate::geometry::{self as g, mm};
use crate::model::Document;

use super::data;
use super::{Labels, Pagination, RecordSide, image_path, keep};

/// What the template is told of the fonts beyond the font set itself.
#[derive(Debug, Clone, Copy)]
pub(super) struct FontScope {
    /// Whether the World's font book holds the extension fonts (see
    /// [`FontSet::needs_extension`]); without them, no role names their
    /// family (Typst warns of a family its book does not know).
    pub extension: bool,
}

/// The data the template reads as `/data.json` (see [`data`]) for one run
/// of the pagination loop.
pub(super) fn template_data(
    doc: &Document,
    c: &Composition,
    fonts: &FontSet,
    pages: &Pagination,
    red: data::Red,
    scope: FontScope,
) -> data::TemplateData {
    // The item whose end is labelled, and the closing's first item.
    let anchor = c
        .items
        .iter()
        .position(|it| matches!(it.keep_with_next, Keep::LastLines(_)));
    // The closing's first item; what stands between the anchor and it
    // (the 附件说明) moves with the closing.
    let closing = anchor.map(|a| c.closing.as_ref().map_or(a + 1, |r| r.start));
    let items: Vec<data::Item> = c
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let blank = if i == 0 {
                c.title_gap_lines
            } else {
                item.blank_lines_before
            };
            // Without a title (a 命令 may have none, §10.2) the first item
            // stands where the title would: on the title's grid line.
            let on_title_line = i == 0 && c.title.is_empty();
            let mut labels = Vec::new();
            if anchor == Some(i) {
                labels.push(Labels::BODY_END);
            }
            if closing == Some(i) {
                labels.push(Labels::CLOSING);
            }
            if i + 1 == c.items.len() {
                labels.push(Labels::TEXT_END);
            }
            if c.closing.as_ref().is_some_and(|r| r.end == i + 1) {
                labels.push(Labels::CLOSING_END);
            }
            let break_before = pages
                .closing
                .filter(|b| b.item == i)
                .map(|b| b.line)
                .or_else(|| pages.leads.contains(&i).then_some(0));
            let overlays = c
                .overlays
                .iter()
                .filter(|o| o.anchor == i)
                .map(|o| data::Overlay {
                    path: image_path(o.image, &c.images[o.image]),
                    x: o.x,
                    dy: o.dy(g::LINE_PITCH),
                    width: o.width,
                    height: o.height,
                    alt: o.alt.clone(),
                })
                .collect();
            let mut d = item_data(item, blank, labels, break_before, overlays);
            if on_title_line {
                d.above = 0.0;
            }
            d.hold = pages.holds.hold.contains(&i);
            d.orphans = pages.holds.orphans.contains(&i);
            if pages.holds.pre.contains(&i) {
                d.pre = Some(keep::pre_label(i));
            }
            if let Some(next) = c.items.get(i + 1)
                && let ItemKind::Table(k) = next.kind
                && !c.tables[k].landscape
            {
                d.table_pre = Some(super::table_pre_label(k));
            }
            for lead in &pages.marks {
                if lead.item == i {
                    d.lead = Some(keep::start_label(i));
                }
                if let keep::Need::Line { item, line } = lead.need
                    && item == i
                    && let Some(l) = d.lines.get_mut(line)
                {
                    l.label = Some(keep::need_label(lead.item));
                }
            }
            if let ItemKind::Table(k) = item.kind {
                let split = pages.tables.get(k).copied().flatten();
                let tail = pages.tail == Some(k);
                d.table = Some(Box::new(table_data(&c.tables[k], k, split, tail)));
            }
            // A portrait table ends on the em-box top of a grid line (its
            // rows are whole line pitches, or the template takes a dense
            // table's end down to the next grid line): the text after it
            // starts one em further down, on the grid.
            if i > 0
                && let ItemKind::Table(k) = c.items[i - 1].kind
                && !c.tables[k].landscape
            {
                d.above += g::BODY_SIZE;
            }
            d
        })
        .collect();
    let role = |r: Role| data::RoleFonts {
        families: fonts
            .chain(r)
            .iter()
            .filter(|f| scope.extension || f.as_str() != EXTENSION_FAMILY)
            .cloned()
            .collect(),
        weight: FontSet::weight(r),
        latin: FontSet::uses_latin_font(r),
    };
    let pn = &c.page_numbers;
    data::TemplateData {
        meta: data::Meta {
            title: doc.display_title(),
            author: doc.issuer.join("、"),
        },
        geometry: data::Geometry {
            paper_width: mm(g::PAPER_WIDTH_MM),
            paper_height: mm(g::PAPER_HEIGHT_MM),
            margin_top: mm(g::TOP_MARGIN_MM),
            margin_left: mm(g::LEFT_MARGIN_MM),
            margin_right: mm(g::PAPER_WIDTH_MM - g::LEFT_MARGIN_MM) - g::LINE_WIDTH,
            margin_bottom: mm(g::BOTTOM_MARGIN_MM) - g::PDF_BOTTOM_SLACK,
            body_size: g::BODY_SIZE,
            title_size: g::TITLE_SIZE,
            // The title's line box is the 16 pt above its baseline, its top
            // on the grid line's top: the glyphs move down so that the 2号
            // em box starts where geometry puts it.
            title_drop: g::TITLE_EM_TOP_BELOW_GRID_LINE + g::EM_BOX_ASCENT * g::TITLE_SIZE
                - g::BODY_SIZE,
            tracking: g::BODY_TRACKING,
            line_gap: g::LINE_GAP,
            em_ascent: g::EM_BOX_ASCENT,
            em_descent: g::EM_BOX_DESCENT,
            page_number: data::PageNumber {
                dash: pn.dash,
                size: pn.size,
                dash_top: pn.dash_top,
                right_inset: mm(g::RIGHT_MARGIN_MM) + pn.inset,
                left_inset: mm(g::LEFT_MARGIN_MM) + pn.inset,
                first_page: pn.first_page,
            },
        },
        fonts: data::Fonts {
            latin: fonts.latin().to_string(),
            roles: data::Roles {
                body: role(Role::Body),
                hei: role(Role::Hei),
                kai: role(Role::Kai),
                title: role(Role::Title),
                song: role(Role::Song),
            },
        },
        header: c.header.as_ref().map(header_data),
        record: c.record.as_ref().map(record_data),
        record_side: match pages.record {
            RecordSide::Float => data::RecordSide::Float,
            RecordSide::NextPage => data::RecordSide::Next,
            RecordSide::AfterBlank { .. } => data::RecordSide::AfterBlank,
        },
        unnumbered_from: match pages.record {
            RecordSide::AfterBlank { from } => Some(from),
            _ => None,
        },
        title_line: c.title_line,
        labels: data::Labels {
            closing: Labels::CLOSING,
            body_end: Labels::BODY_END,
            text_end: Labels::TEXT_END,
            closing_end: Labels::CLOSING_END,
            record: Labels::RECORD,
        },
        red,
        block_width: mm(g::BLOCK_WIDTH_MM),
        separator_thickness: g::SEPARATOR_THICKNESS,
        line_pitch: g::LINE_PITCH,
        title: c.title.clone(),
        items: group_closing(c.closing.clone(), items),
    }
}

/// The closing ([`Composition::closing`]) as one group the template sets
/// unbreakable, so that the 署名, 成文日期 and their seals never part.
fn group_closing(
    closing: Option<std::ops::Range<usize>>,
    data: Vec<data::Item>,
) -> Vec<data::Entry> {
    let mut data = data;
    let Some(std::ops::Range { start, end }) = closing else {
        return data.into_iter().map(data::Entry::Item).collect();
    };
    let rest = data.split_off(end);
    let group = data.split_off(start);
    let sealed = group.iter().any(|i| !i.overlays.is_empty());
    let mut entries: Vec<data::Entry> = data.into_iter().map(data::Entry::Item).collect();
    entries.push(data::Entry::Group(data::Group { group, sealed }));
    entries.extend(rest.into_iter().map(data::Entry::Item));
    entries
}

fn placed_data(p: &compose::Placed) -> data::Placed {
    data::Placed {
        x: p.x,
        runs: data::runs(&p.runs),
    }
}

/// A composed table (§8) for the template.
///
/// `k`: the table's number in the composition; `split`: the line pitches
/// left for it on its first page when the layout breaks it.
fn table_data(
    t: &crate::compose::table::Composed,
    k: usize,
    split: Option<usize>,
    tail: bool,
) -> data::Table {
    let rows = |rows: &[crate::compose::table::Row]| -> Vec<data::TableRow> {
        rows.iter().map(row_data).collect()
    };
    let pages = match split {
        _ if t.landscape => t.pages.iter().map(|p| rows(p)).collect(),
        Some(first) => {
            let parts = t.split(first, super::table_page_lines(t));
            let parts = if tail {
                super::table_tail(t, parts, g::CLOSING_KEEPS_BODY_LINES)
            } else {
                parts
            };
            parts.iter().map(|p| rows(p)).collect()
        }
        None => Vec::new(),
    };
    data::Table {
        caption: t.caption.clone(),
        size: t.size,
        line_pitch: t.line_pitch,
        row_pitch: t.row_pitch,
        landscape: t.landscape,
        columns: t.columns.clone(),
        header_rows: t.header_rows,
        rows: rows(&t.rows),
        pages,
        mark: (!t.landscape).then(|| super::table_label(k)),
        width: mm(g::LANDSCAPE_TABLE_WIDTH_MM),
        height: mm(g::LANDSCAPE_TABLE_HEIGHT_MM),
        inset: mm(g::TABLE_CELL_INSET_MM),
        rule: g::TABLE_RULE,
    }
}

fn row_data(r: &crate::compose::table::Row) -> data::TableRow {
    data::TableRow {
        lines: r.lines,
        cells: r
            .cells
            .iter()
            .map(|c| data::TableCell {
                col: c.col,
                colspan: c.colspan,
                rowspan: c.rowspan,
                align: c.align,
                role: c.role.into(),
                lines: c.lines.clone(),
            })
            .collect(),
    }
}

fn header_data(h: &compose::Header) -> data::Header {
    let line = |l: &compose::HeaderLine| data::HeaderLine {
        top: l.top,
        placed: l.placed.iter().map(placed_data).collect(),
        centre: data::runs(&l.centre),
    };
    data::Header {
        corner: h.corner.iter().map(line).collect(),
        number: h.number.iter().map(line).collect(),
        mark: h.mark.as_ref().map(|m| data::Mark {
            size: m.size,
            pieces: m
                .pieces
                .iter()
                .map(|p| data::MarkPiece {
                    text: p.text.clone(),
                    x: p.x,
                    top: p.top,
                    spacing: p.spacing,
                })
                .collect(),
        }),
        separator: h.separator,
        order: h.reading_order(),
        double_rules: h
            .double_rules
            .iter()
            .map(|r| data::DoubleRule {
                x: r.x,
                length: r.length,
                lines: r
                    .lines()
                    .iter()
                    .map(|&(top, thickness)| data::RuleLine { top, thickness })
                    .collect(),
            })
            .collect(),
    }
}

fn record_data(r: &compose::Record) -> data::Record {
    data::Record {
        rows: r
            .rows
            .iter()
            .map(|l| data::RecordRow {
                placed: l.placed.iter().map(placed_data).collect(),
            })
            .collect(),
        thin_after: r.thin_after.clone(),
        rules: r.rules,
        size: g::RECORD_SIZE,
        thick: mm(g::RECORD_THICK_MM),
        thin: mm(g::RECORD_THIN_MM),
        slack: g::PDF_BOTTOM_SLACK,
    }
}

/// How the template sets an item: on the body grid, like the 标题's lines,
/// or as a new page.
fn item_style(item: &Item) -> data::Style {
    match item.kind {
        ItemKind::PageBreak => data::Style::PageBreak,
        ItemKind::Table(_) => data::Style::Table,
        ItemKind::AttachmentTitle => data::Style::Title,
        _ => data::Style::Text,
    }
}

fn item_data(
    item: &Item,
    blank_lines: usize,
    labels: Vec<&'static str>,
    break_before: Option<usize>,
    overlays: Vec<data::Overlay>,
) -> data::Item {
    let lines = item
        .lines
        .iter()
        .enumerate()
        .map(|(i, runs)| {
            let text: String = runs.iter().map(|r| r.text.as_str()).collect();
            data::Line {
                indent: if i == 0 {
                    item.first_indent
                } else {
                    item.rest_indent
                },
                runs: data::runs(runs),
                guard_start: text
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_ascii() && linebreak::no_line_end(c)),
                guard_end: text
                    .chars()
                    .last()
                    .is_some_and(|c| !c.is_ascii() && linebreak::no_line_start(c)),
                label: None,
            }
        })
        .collect();
    data::Item {
        style: item_style(item),
        above: g::LINE_GAP + blank_lines as f64 * g::LINE_PITCH,
        justify: item.justify,
        // Only a whole item is a sticky block; a paragraph whose last lines
        // go with the closing is broken by `break_before` instead.
        keep: item.keep_with_next == Keep::Whole,
        labels,
        lead: None,
        break_before,
        hold: false,
        orphans: false,
        pre: None,
        table_pre: None,
        lines,
        columns: item.columns.iter().map(placed_data).collect(),
        reserve: item.reserve_lines_after as f64 * g::LINE_PITCH,
        overlays,
        table: None,
    }
}
