//! `word/document.xml`: the 版头, the 标题, the composed items in page
//! order with the page breaks gongwen's layout decided, the tables, the
//! 版记, and the sections.

use super::catalogue::style_of;
use super::paragraph::{
    Placing, attendance_paragraph, blank, blank_kept, item_text, paragraph, title_paragraph,
};
use super::section::{
    FOOTERS_LANDSCAPE, FOOTERS_NONE, FOOTERS_NUMBERED, FirstPage, first_page, section_end,
    section_end_with, section_properties,
};
use super::xml::Xml;
use super::{Setup, drawing, header, letter, parts, record, table};
use crate::compose::{self, Composition, HeaderForm, Item, ItemKind};
use crate::geometry::{self as g, twips};
use crate::layout::{PageBreaks, RecordSide};

pub(super) fn document_xml(
    c: &Composition,
    setup: Setup,
    page: parts::PageSetup,
    breaks: &PageBreaks,
) -> String {
    let record_side = breaks.record;
    let mut x = Xml::new();
    let mut namespaces = vec![
        ("xmlns:w", parts::NS_W),
        ("xmlns:r", parts::NS_R),
        ("xmlns:wp", drawing::NS_WP),
        ("xmlns:a", drawing::NS_A),
        ("xmlns:pic", drawing::NS_PIC),
    ];
    // The shapes of a 信函's first page (§10.1).
    if c.header
        .as_ref()
        .is_some_and(|h| h.form == HeaderForm::Letter)
    {
        namespaces.push(("xmlns:wps", letter::NS_WPS));
    }
    x.open("w:document", &namespaces);
    x.open("w:body", &[]);
    // Whether the next sectPr written starts the document.
    let mut first_section = true;

    // 版头, and the spacing that puts the 标题 on its grid line.
    let top_margin = page.top as f64 / 20.0;
    let title_before = c.header.as_ref().map(|h| {
        match h.form {
            HeaderForm::Block => header::header_xml(&mut x, h, c.title_line, top_margin, setup),
            // A 信函 (§10.1): shapes placed against the page.
            HeaderForm::Letter => letter::header_xml(&mut x, h, c.title_line, top_margin, setup),
        }
    });

    // 标题: its em box on its grid line; the blank line after it is shorter
    // by the drop (see `title_paragraph`).
    let line = setup.grid.line_twips;
    let drop = twips(g::docx::title_drop(setup.grid.line()));
    let before = title_before.map_or(0, |b| twips(b.max(0.0)));
    if c.title.is_empty() {
        // A 命令 without a title (§10.2): an empty exact line down to the
        // title's grid line, where the 正文 starts.
        if before > 0 {
            blank(&mut x, before, setup.grid);
        }
    } else {
        title_paragraph(&mut x, &c.title, before, false, setup);
    }

    // Whether the paragraph before is a title (the next blank line is
    // shorter), and whether the next paragraph starts a page.
    let mut after_title = !c.title.is_empty();
    let mut new_page = false;
    // Whether the last thing written is a landscape table's section, and
    // whether that section ends the document.
    let mut ends_turned = false;
    let mut last_turned = false;
    let mut items = c.items.iter().enumerate().peekable();
    while let Some((i, item)) = items.next() {
        // A landscape table right after another continues the turned
        // pages: no portrait section between them (an empty one was a
        // blank page in LibreOffice), and no blank lines above it.
        let after_turned = ends_turned;
        ends_turned = matches!(item.kind, ItemKind::Table(k) if c.tables[k].landscape);
        let blanks = if ends_turned && after_turned {
            0
        } else if i == 0 {
            c.title_gap_lines
        } else {
            item.blank_lines_before
        };
        for k in 0..blanks {
            let height = if after_title && k == 0 {
                line - drop
            } else {
                line
            };
            blank(&mut x, height, setup.grid);
        }
        after_title = false;
        // Where gongwen's layout starts a page so that a lead stands with
        // what it leads.
        new_page |= breaks.leads.contains(&i);
        match item.kind {
            ItemKind::PageBreak => new_page = true,
            ItemKind::Table(k) => {
                let t = &c.tables[k];
                if t.landscape {
                    // The portrait section ends before the table; the
                    // table's section is the sheet turned (§8).
                    if !after_turned {
                        let first = if first_section {
                            first_page(c)
                        } else {
                            FirstPage::AsOthers
                        };
                        section_end(&mut x, page, setup, first);
                        first_section = false;
                    }
                    table::caption_xml(&mut x, t);
                    table::table_xml(&mut x, t, setup, twips(g::mm(g::LANDSCAPE_TABLE_WIDTH_MM)));
                    section_end_with(
                        &mut x,
                        page.turned(),
                        setup,
                        FirstPage::AsOthers,
                        FOOTERS_LANDSCAPE,
                    );
                    last_turned = i + 1 == c.items.len() && c.record.is_none();
                } else {
                    table::caption_xml(&mut x, t);
                    table::table_xml(&mut x, t, setup, twips(g::mm(g::BLOCK_WIDTH_MM)));
                }
                new_page = false;
            }
            // An attachment's title (§7.3.7): its composed lines, one title
            // paragraph.
            ItemKind::AttachmentTitle => {
                let mut lines = vec![item_text(item)];
                while let Some((_, next)) =
                    items.next_if(|(_, n)| n.kind == ItemKind::AttachmentTitle)
                {
                    lines.push(item_text(next));
                }
                title_paragraph(&mut x, &lines, 0, true, setup);
                after_title = true;
            }
            // An attendance list (§10.3): its composed lines, one paragraph.
            ItemKind::Attendance => {
                let mut lines = vec![(i, item)];
                while let Some(next) =
                    items.next_if(|(_, n)| n.kind == ItemKind::AttendanceContinued)
                {
                    lines.push(next);
                }
                // §7.3.5.5: where gongwen's layout starts a page inside the
                // list so that its last lines go with the 署名, the list is
                // two paragraphs, the second from a new page (as for the
                // 正文's last paragraph).
                let split = breaks
                    .closing
                    .and_then(|(k, _)| lines.iter().position(|(j, _)| *j == k));
                let lines: Vec<&Item> = lines.into_iter().map(|(_, it)| it).collect();
                match split {
                    Some(p) if p > 0 => {
                        attendance_paragraph(&mut x, &lines[..p], false, setup);
                        attendance_paragraph(&mut x, &lines[p..], true, setup);
                    }
                    Some(_) => attendance_paragraph(&mut x, &lines, true, setup),
                    None => attendance_paragraph(&mut x, &lines, false, setup),
                }
            }
            _ => {
                let drawings: Vec<_> = c
                    .overlays
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.anchor == i)
                    .map(|(k, o)| (o, &c.images[o.image], k + 1))
                    .collect();
                // §7.3.5.5: the 正文's last lines stay with the 署名.
                // Only where moving it whole keeps the pages (the layout
                // measured the room).
                let keep_whole = match item.keep_with_next {
                    compose::Keep::LastLines(_) => breaks.last_moves_whole,
                    _ => false,
                };
                // Where gongwen's layout breaks that paragraph so that its
                // last lines go with the 署名, it holds a page break at
                // that character.
                let break_at =
                    breaks
                        .closing
                        .filter(|&(k, _)| k == i && !keep_whole)
                        .map(|(_, line)| {
                            item.lines[..line]
                                .iter()
                                .flatten()
                                .map(|r| r.text.chars().count())
                                .sum::<usize>()
                        });
                paragraph(
                    &mut x,
                    style_of(item.kind),
                    item,
                    Placing {
                        new_page,
                        break_at,
                        keep_whole,
                    },
                    &drawings,
                    setup,
                );
                new_page = false;
                // Room a seal needs below the item, on the item's page:
                // blank lines kept with it (§7.3.5.5).
                for k in 0..item.reserve_lines_after {
                    blank_kept(&mut x, line, setup.grid, k + 1 < item.reserve_lines_after);
                }
            }
        }
    }

    // 版记: a table floating at the foot of the last page. Printed on both
    // sides it stands on an even page (§7.4): where gongwen's layout puts
    // it on a page of its own, its anchor paragraph breaks the page; after a
    // blank side, both pages are a section without page numbers (§7.5).
    if let Some(r) = &c.record {
        if let RecordSide::AfterBlank { .. } = record_side {
            x.open("w:p", &[]).open("w:pPr", &[]);
            let first = first_page(c);
            section_properties(&mut x, page, setup, Some(FOOTERS_NUMBERED), first, None);
            first_section = false;
            x.close().close();
            // The blank side.
            blank(&mut x, setup.grid.line_twips, setup.grid);
        }
        // After a landscape table's section, the portrait section the
        // 版记 floats in starts with a line of its own: anchored right
        // after the section break, LibreOffice floated the 版记 onto the
        // turned page, under the table (found by the page parity of
        // generated documents, tests/pages.rs).
        if ends_turned && record_side == RecordSide::Float {
            blank(&mut x, line, setup.grid);
        }
        let area_bottom = (page.height - page.bottom) as f64 / 20.0;
        let new_page = record_side != RecordSide::Float;
        record::record_xml(&mut x, r, area_bottom, setup, new_page);
    }
    let footers = match record_side {
        RecordSide::AfterBlank { .. } => FOOTERS_NONE,
        _ => FOOTERS_NUMBERED,
    };
    let first = if first_section {
        first_page(c)
    } else {
        FirstPage::AsOthers
    };
    // Nothing after a landscape table that ends the document (no 版记): the
    // last section, empty, continues the turned page (a new portrait page
    // was a blank last page in LibreOffice).
    if last_turned {
        section_properties(
            &mut x,
            page.turned(),
            setup,
            Some(FOOTERS_LANDSCAPE),
            FirstPage::AsOthers,
            Some("continuous"),
        );
    } else {
        section_properties(&mut x, page, setup, Some(footers), first, None);
    }
    x.close().close();
    x.finish()
}
