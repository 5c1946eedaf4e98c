//! The 正文's items (§7.3.3; tables, §8) and the 附件 with content that
//! follow the closing (§7.3.7).

use crate::content;
use crate::content::Run;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, CHAR_PITCH, mm};
use crate::model::Document;

use super::{Align, Item, ItemKind, Keep, Lead, measure_at, table, title};

/// 附件 with content (§7.3.7), after the 正文 and its closing, before the
/// 版记: each from a new page; `附件N` (N its number in the 附件说明, none
/// with a single attachment) in 3号黑体 flush left on line 1; the title
/// centred from line 3, set and broken like the 标题; then, after one blank
/// line as below the 标题 (§7.3.2), its 正文, numbered like the document's.
pub(crate) fn compose_attachments(
    doc: &Document,
    fonts: &FontSet,
    items: &mut Vec<Item>,
    tables: &mut Vec<table::Composed>,
) {
    let block = mm(g::BLOCK_WIDTH_MM);
    for (i, attachment) in doc.attachments.iter().enumerate() {
        let Some(content) = attachment.content() else {
            continue;
        };
        let path = format!("attachments[{i}]");
        let item = |kind, blank_lines_before, runs, indent, keep_with_next, path: String| Item {
            kind,
            blank_lines_before,
            runs,
            lines: Vec::new(),
            first_indent: indent,
            rest_indent: indent,
            justify: false,
            keep_with_next,
            columns: Vec::new(),
            reserve_lines_after: 0,
            align: Align::Indents,
            path,
        };
        items.push(item(
            ItemKind::PageBreak,
            0,
            Vec::new(),
            0.0,
            Keep::Free,
            path.clone(),
        ));
        let label = content::attachment_label(i, doc.attachments.len());
        let label = vec![Run {
            role: Role::Hei,
            text: label,
        }];
        items.push(item(
            ItemKind::AttachmentLabel,
            0,
            label,
            0.0,
            Keep::Whole,
            path.clone(),
        ));
        let title = title::break_title(content.title.as_str(), fonts);
        let start = items.len() + title.len();
        let title_lines = title.len();
        for (k, line) in title.into_iter().enumerate() {
            let w = measure_at(fonts, Role::Title, &line, g::TITLE_SIZE, 0.0);
            let blank = if k == 0 {
                g::ATTACHMENT_TITLE_GAP_LINES
            } else {
                0
            };
            let runs = vec![Run {
                role: Role::Title,
                text: line,
            }];
            let x = ((block - w) / 2.0).max(0.0);
            items.push(item(
                ItemKind::AttachmentTitle,
                blank,
                runs,
                x,
                // The title's last line leads the body (the label and the
                // title's other lines are kept whole with it).
                if k + 1 == title_lines {
                    Keep::Lead(Lead::AttachmentHead)
                } else {
                    Keep::Whole
                },
                format!("{path}.title"),
            ));
        }
        for (k, f) in content::attachment_flow(content, &path)
            .into_iter()
            .enumerate()
        {
            let blank = if k == 0 {
                g::ATTACHMENT_BODY_GAP_LINES
            } else {
                0
            };
            items.push(flow_item(f, blank, doc, fonts, tables));
        }
        lead_headings(&mut items[start..]);
    }
}

/// The headings among a 正文's `items` that head text lead it
/// ([`Lead::Heading`]): a heading alone in its paragraph followed by its
/// section's text (a paragraph, a table, or a heading of a deeper level).
/// A heading followed by one of its own level or above has no text of its
/// own: it is a numbered paragraph (（1）区政府……。) and breaks like one; one
/// run in (（一）标题。正文……) is text itself.
pub(crate) fn lead_headings(items: &mut [Item]) {
    for i in 0..items.len() {
        let ItemKind::Paragraph(Some(level)) = items[i].kind else {
            continue;
        };
        if items[i].runs.len() != 1 || items[i].keep_with_next != Keep::Free {
            continue;
        }
        let heads = items.get(i + 1).is_some_and(|next| match next.kind {
            ItemKind::Paragraph(Some(l)) => l > level,
            ItemKind::Paragraph(None) | ItemKind::Table(_) => true,
            _ => false,
        });
        if heads {
            items[i].keep_with_next = Keep::Lead(Lead::Heading);
        }
    }
}

/// An item of a 正文: a paragraph, or a table (§8), composed into `tables`
/// at the document's table size.
pub(crate) fn flow_item(
    f: crate::content::Flow,
    blank_lines_before: usize,
    doc: &Document,
    fonts: &FontSet,
    tables: &mut Vec<table::Composed>,
) -> Item {
    match f {
        crate::content::Flow::Paragraph(p) => body_item(p, blank_lines_before),
        crate::content::Flow::Table { table, path } => {
            let size = doc.table_size.points();
            tables.push(table::compose(&table, &path, size, fonts));
            Item {
                kind: ItemKind::Table(tables.len() - 1),
                blank_lines_before,
                runs: Vec::new(),
                lines: Vec::new(),
                first_indent: 0.0,
                rest_indent: 0.0,
                justify: false,
                keep_with_next: Keep::Free,
                columns: Vec::new(),
                reserve_lines_after: 0,
                align: Align::Indents,
                path,
            }
        }
    }
}

/// A 正文 paragraph (of the document or an attachment): 左空二字，回行顶格
/// (§7.3.3), justified.
fn body_item(p: crate::content::Paragraph, blank_lines_before: usize) -> Item {
    Item {
        kind: ItemKind::Paragraph(p.level),
        blank_lines_before,
        runs: p.runs,
        lines: Vec::new(),
        first_indent: g::PARAGRAPH_INDENT_CHARS as f64 * CHAR_PITCH,
        rest_indent: 0.0,
        justify: true,
        keep_with_next: Keep::Free,
        columns: Vec::new(),
        reserve_lines_after: 0,
        align: Align::Indents,
        path: p.path,
    }
}
