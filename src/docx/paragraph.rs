//! The paragraphs of `word/document.xml`'s body: a composed item (split
//! where gongwen's layout breaks a page inside it), blank lines, a 标题, a
//! 纪要's attendance list, and the runs in them.

use super::catalogue::{ATTENDANCE, BODY, Style, TITLE, role_font};
use super::place::placement;
use super::runs::{self, RunProps};
use super::xml::Xml;
use super::{FontNames, Setup, drawing};
use crate::compose::{self, Align, Item, ItemKind};
use crate::content::Run;
use crate::fonts::Role;
use crate::geometry::{self as g, twips};

/// Seals drawn against a paragraph: the overlay, its image, a drawing id.
pub(super) type Drawings<'a> = [(&'a compose::Overlay, &'a crate::assets::Image, usize)];

/// Page breaks at a paragraph.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Placing {
    /// It starts a new page.
    pub new_page: bool,
    /// A page break inside it, before this character (0-based, counted
    /// over its runs).
    pub break_at: Option<usize>,
    /// For the 正文's last paragraph (Keep::LastLines): whether it is kept
    /// with the 署名 by `w:keepNext`: where the composition says it may move
    /// whole ([`compose::Composition::may_move_whole`]). Word then keeps
    /// only its last lines with the 署名, as gongwen's layout does, and
    /// keeps doing so when the text is edited; LibreOffice 7.4 moves the
    /// whole paragraph (measured).
    pub keep_whole: bool,
}

/// `<w:p>` with style, runs, the seals drawn against it and, for placed
/// items, direct indents, and the page breaks `placing` asks for.
pub(super) fn paragraph(
    x: &mut Xml,
    style: Style,
    item: &Item,
    placing: Placing,
    drawings: &Drawings,
    setup: Setup,
) {
    let Some(at) = placing.break_at.filter(|_| item.columns.is_empty()) else {
        paragraph_part(x, style, item, Part::Whole, placing, drawings, setup);
        return;
    };
    // Broken by gongwen's layout (§7.3.5.5): two paragraphs, the lines
    // before the break and the lines after it, which start the next page
    // unindented (回行顶格). A page break inside one paragraph (`w:br
    // w:type="page"`) would be the same in Word, but LibreOffice 7.4
    // splits the paragraph there on import and indents the second part's
    // first line again (measured).
    let (before, after) = split_runs(&item.runs, at);
    let first = Item {
        runs: before,
        ..item.clone()
    };
    paragraph_part(
        x,
        style,
        &first,
        Part::BeforeBreak,
        placing,
        drawings,
        setup,
    );
    let second = Item {
        runs: after,
        first_indent: item.rest_indent,
        ..item.clone()
    };
    paragraph_part(x, style, &second, Part::AfterBreak, placing, &[], setup);
}

/// Which part of a paragraph a `w:p` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    /// The lines before a page break gongwen's layout takes: every line
    /// full, the last one too.
    BeforeBreak,
    /// The lines after it, from the top of the next page, first line
    /// unindented.
    AfterBreak,
}

/// `runs` split before character `at`.
fn split_runs(runs: &[Run], at: usize) -> (Vec<Run>, Vec<Run>) {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let mut left = at;
    for run in runs {
        let n = run.text.chars().count();
        if left >= n {
            before.push(run.clone());
            left -= n;
        } else {
            let byte = run.text.char_indices().nth(left).map_or(0, |(b, _)| b);
            if byte > 0 {
                before.push(Run {
                    role: run.role,
                    text: run.text[..byte].to_string(),
                });
            }
            after.push(Run {
                role: run.role,
                text: run.text[byte..].to_string(),
            });
            left = 0;
        }
    }
    (before, after)
}

fn paragraph_part(
    x: &mut Xml,
    style: Style,
    item: &Item,
    part: Part,
    placing: Placing,
    drawings: &Drawings,
    setup: Setup,
) {
    x.open("w:p", &[]);
    x.open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", style.id)]);
    let keep_next = match item.keep_with_next {
        compose::Keep::Free => item.reserve_lines_after > 0,
        // A lead (a heading, an attachment's head) with what follows it;
        // where gongwen's layout broke the page before it, so does the
        // paragraph (`new_page`).
        compose::Keep::Whole | compose::Keep::Lead(_) => true,
        // The lines after gongwen's break are the kept ones.
        compose::Keep::LastLines(_) => placing.keep_whole || part == Part::AfterBreak,
    };
    if keep_next && part != Part::BeforeBreak {
        x.empty("w:keepNext", &[]);
    }
    if placing.new_page || part == Part::AfterBreak {
        x.empty("w:pageBreakBefore", &[]);
    }
    if let Align::Columns(centres) = &item.align {
        // Each name centred on its seal: a centre tab stop at the name's
        // centre, so that it stays centred in the word processor's widths.
        x.open("w:tabs", &[]);
        for &centre in centres {
            let pos = setup.grid.scale_twips(centre).to_string();
            x.empty("w:tab", &[("w:val", "center"), ("w:pos", &pos)]);
        }
        x.close();
    }
    if matches!(item.align, Align::CentreOn(_) | Align::Columns(_)) {
        // No extra space between digits and hanzi here, so that the text
        // keeps the width the composition measured and the 成文日期 is
        // 右空四字 and centred on its seal at once (§7.3.5.1). Word honours
        // this; LibreOffice 7.4 still adds the space (≈ 1 mm a side), so
        // there the date stays centred on the seal and ends up to ≈ 3 mm
        // further right.
        x.empty("w:autoSpaceDE", &[("w:val", "0")]);
        x.empty("w:autoSpaceDN", &[("w:val", "0")]);
    }
    let mut placed = placement(item, style, setup);
    if part == Part::AfterBreak && placed.ind.is_empty() {
        placed.ind.push(("w:firstLine", "0".into()));
    }
    if part == Part::BeforeBreak {
        // Its last line is full, justified like the others (the PDF's
        // too).
        placed.jc = Some("distribute");
    }
    if !placed.ind.is_empty() {
        let attrs: Vec<(&str, &str)> = placed.ind.iter().map(|(k, v)| (*k, v.as_str())).collect();
        x.empty("w:ind", &attrs);
    }
    if let Some(jc) = placed.jc {
        x.empty("w:jc", &[("w:val", jc)]);
    }
    // A heading with its text run in (（1）标题。正文……) is body text in the
    // navigation pane: `w:outlineLvl` 9, which Word shows as 正文文本 (ISO/IEC
    // 29500-1 §17.3.1.20: 9 is "body text"), so that the pane lists
    // headings, not whole paragraphs. It keeps its heading style.
    if matches!(item.kind, ItemKind::Paragraph(Some(_)))
        && item.runs.len() > 1
        && part != Part::AfterBreak
    {
        x.empty("w:outlineLvl", &[("w:val", "9")]);
    }
    x.close();
    for (overlay, image, id) in drawings {
        drawing::anchor_run(x, overlay, image, setup.grid, *id);
    }
    if item.columns.is_empty() {
        for run in &item.runs {
            run_xml(x, &run.text, run.role, style.role, setup.fonts);
        }
    } else {
        for c in &item.columns {
            x.open("w:r", &[]).empty("w:tab", &[]).close();
            for run in &c.runs {
                run_xml(x, &run.text, run.role, style.role, setup.fonts);
            }
        }
    }
    x.close();
}

/// Runs for `text`; a run whose role differs from its paragraph style's
/// gets its fonts directly.
pub(super) fn run_xml(x: &mut Xml, text: &str, role: Role, style_role: Role, names: FontNames) {
    let props = RunProps {
        fonts: (role != style_role).then(|| role_font(role, names)),
        ..RunProps::default()
    };
    runs::text(x, text, props);
}

/// An empty paragraph: a blank line `height` twips tall (exact), kept with
/// what follows it.
pub(super) fn blank(x: &mut Xml, height: i64, grid: g::docx::Grid) {
    blank_kept(x, height, grid, true);
}

/// An empty paragraph, kept with what follows it or not.
pub(super) fn blank_kept(x: &mut Xml, height: i64, grid: g::docx::Grid, keep: bool) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", BODY.id)]);
    if keep {
        x.empty("w:keepNext", &[]);
    }
    if height != grid.line_twips {
        x.empty(
            "w:spacing",
            &[("w:line", &height.to_string()), ("w:lineRule", "exact")],
        );
    }
    x.close().close();
}

pub(super) fn item_text(item: &Item) -> String {
    item.runs.iter().map(|r| r.text.as_str()).collect()
}

/// A 标题 (the document's, or an attachment's, §7.3.1, §7.3.7): one
/// paragraph, the composed lines joined by `<w:br/>`. It starts `before`
/// (twips) plus the drop below its grid line, so that its 2号 em box starts
/// at the grid line's; the blank line after it is that much shorter. An
/// attachment's title (`attachment`) stays on the page of the body after
/// it; the document's does not need to (and must not: LibreOffice drops
/// every keep of a chain longer than a page, and page 1's would run from
/// the title to a 署名 kept with the body).
pub(super) fn title_paragraph(
    x: &mut Xml,
    lines: &[String],
    before: i64,
    attachment: bool,
    setup: Setup,
) {
    let line = setup.grid.line_twips;
    let drop = twips(g::docx::title_drop(setup.grid.line()));
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", TITLE.id)]);
    if attachment {
        x.empty("w:keepNext", &[]);
    }
    x.empty(
        "w:spacing",
        &[
            ("w:before", &(before + drop).to_string()),
            ("w:line", &line.to_string()),
            ("w:lineRule", "exact"),
        ],
    );
    x.close();
    for (i, text) in lines.iter().enumerate() {
        if i > 0 {
            x.open("w:r", &[]).empty("w:br", &[]).close();
        }
        runs::text(x, text, RunProps::default());
    }
    x.close();
}

/// A 纪要's attendance list (§10.3): the label 左空二字, the entries after
/// it, each composed line after a `<w:br/>`, so that the lines break
/// between entries as in the PDF; a hanging indent puts the wrapped lines
/// under the first character after the colon. `lines` may also be the
/// wrapped lines alone (the part of a list after a page break), which then
/// all start under the first entry; `new_page` starts the paragraph on a
/// new page.
pub(super) fn attendance_paragraph(x: &mut Xml, lines: &[&Item], new_page: bool, setup: Setup) {
    let first = lines[0];
    let last = lines[lines.len() - 1];
    let left = setup.grid.scale_twips(first.rest_indent);
    let hanging = left - setup.grid.scale_twips(first.first_indent);
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:pStyle", &[("w:val", ATTENDANCE.id)]);
    if last.keep_with_next != compose::Keep::Free {
        x.empty("w:keepNext", &[]);
    }
    // The label does not stand alone at the foot of a page (the styles
    // turn widow control off for the grid's sake; a list's lines are on
    // the grid either way).
    if new_page {
        x.empty("w:pageBreakBefore", &[]);
    }
    if first.keep_with_next == compose::Keep::Whole {
        x.empty("w:widowControl", &[]);
    }
    x.empty(
        "w:ind",
        &[
            ("w:left", &left.to_string()),
            ("w:hanging", &hanging.to_string()),
        ],
    );
    x.close();
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            x.open("w:r", &[]).empty("w:br", &[]).close();
        }
        for run in &line.runs {
            run_xml(x, &run.text, run.role, ATTENDANCE.role, setup.fonts);
        }
    }
    x.close();
}
