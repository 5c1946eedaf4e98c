//! The DOCX writer: the composition as WordprocessingML, for Word and WPS
//! users who keep editing. Body text is real paragraphs in named styles (no
//! text boxes, no pictures of text); the word processor breaks the lines.

mod drawing;
mod font_table;
mod footer;
mod header;
mod letter;
mod parts;
mod record;
mod runs;
mod styles;
mod table;
mod xml;

use std::io::{Cursor, Write};

use crate::compose::{self, Composition, Item, ItemKind};
use crate::content::Run;
use crate::error::Error;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, twips};
use crate::layout::{Laid, PageBreaks, RecordSide};

use runs::RunProps;
use xml::Xml;

/// Which East Asian font names the DOCX asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FontNames {
    /// 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体, Times New Roman:
    /// what offices have installed, and what colleagues expect to see in the
    /// font box.
    #[default]
    Official,
    /// The open fonts gongwen bundles (install them from `fonts/` first).
    Bundled,
}

/// How a paragraph style lays its paragraphs out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// 左空二字 (§7.3.3), justified: the body, which Normal carries.
    Body,
    /// Centred, no indent.
    Centred,
    /// Flush left, justified (主送机关, 附件说明).
    Flush,
    /// Flush left, not justified (版头 lines, 成文日期).
    Left,
    /// Right-aligned 右空二字 (the 署名, §7.3.5.2).
    RightTwoChars,
    /// The page number: its own exact line (see `footer`).
    PageNumber,
}

/// A paragraph style of ours: id, name shown in Word's style pane, role.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub id: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub layout: Layout,
    /// Outline level (shown in Word's navigation pane), for headings.
    pub outline: Option<u8>,
    /// The style Word gives the paragraph after it when the user presses
    /// Enter (`w:next`; without it Word repeats the style, ISO/IEC 29500-1
    /// §17.7.4.10).
    pub next: Option<&'static str>,
}

/// 正文: Word's built-in Normal (正文 in Chinese Word and WPS) carries the
/// body format, so that 清除格式, a paste that merges formatting and new
/// documents' paragraphs all give body text.
pub(crate) const BODY: Style = Style {
    id: "Normal",
    name: "Normal",
    role: Role::Body,
    layout: Layout::Body,
    outline: None,
    next: None,
};
pub(crate) const TITLE: Style = Style {
    id: "GwTitle",
    name: "公文标题",
    role: Role::Title,
    layout: Layout::Centred,
    outline: None,
    next: Some(BODY.id),
};
pub(crate) const HEADINGS: [Style; 4] = [
    Style {
        id: "GwHeading1",
        name: "一级标题",
        role: Role::Hei,
        layout: Layout::Body,
        outline: Some(0),
        next: Some(BODY.id),
    },
    Style {
        id: "GwHeading2",
        name: "二级标题",
        role: Role::Kai,
        layout: Layout::Body,
        outline: Some(1),
        next: Some(BODY.id),
    },
    Style {
        id: "GwHeading3",
        name: "三级标题",
        role: Role::Body,
        layout: Layout::Body,
        outline: Some(2),
        next: Some(BODY.id),
    },
    Style {
        id: "GwHeading4",
        name: "四级标题",
        role: Role::Body,
        layout: Layout::Body,
        outline: Some(3),
        next: Some(BODY.id),
    },
];
pub(crate) const ADDRESSEES: Style = Style {
    id: "GwAddressees",
    name: "主送机关",
    role: Role::Body,
    layout: Layout::Flush,
    outline: None,
    next: Some(BODY.id),
};
pub(crate) const ATTACHMENT: Style = Style {
    id: "GwAttachment",
    name: "附件说明",
    role: Role::Body,
    layout: Layout::Flush,
    outline: None,
    next: None,
};
pub(crate) const SIGNATURE: Style = Style {
    id: "GwSignature",
    name: "发文机关署名",
    role: Role::Body,
    layout: Layout::RightTwoChars,
    outline: None,
    next: Some(DATE.id),
};
pub(crate) const DATE: Style = Style {
    id: "GwDate",
    name: "成文日期",
    role: Role::Body,
    layout: Layout::Left,
    outline: None,
    next: Some(BODY.id),
};
pub(crate) const NOTE: Style = Style {
    id: "GwNote",
    name: "附注",
    role: Role::Body,
    layout: Layout::Body,
    outline: None,
    next: Some(BODY.id),
};
/// 附件N on an attachment's first page (§7.3.7): 3号黑体, flush left.
pub(crate) const ATTACHMENT_LABEL: Style = Style {
    id: "GwAttachmentLabel",
    name: "附件标识",
    role: Role::Hei,
    layout: Layout::Left,
    outline: None,
    next: Some(TITLE.id),
};
/// A 纪要's attendance list (§10.3): flush left; its paragraphs carry the
/// label's indent and the hanging indent of the wrapped lines.
pub(crate) const ATTENDANCE: Style = Style {
    id: "GwAttendance",
    name: "出席列席",
    role: Role::Body,
    layout: Layout::Left,
    outline: None,
    next: Some(BODY.id),
};
/// Not 页码: that is the display name of Word's built-in character style
/// "page number" in Chinese Word.
pub(crate) const PAGE_NUMBER: Style = Style {
    id: "GwPageNumber",
    name: "公文页码",
    role: Role::Song,
    layout: Layout::PageNumber,
    outline: None,
    next: None,
};

/// Every paragraph style but Normal, in the order styles.xml lists them
/// (and Word's style gallery shows them).
pub(crate) fn paragraph_styles() -> Vec<Style> {
    let mut v = vec![TITLE];
    v.extend(header::styles());
    v.extend(HEADINGS);
    v.extend([
        ADDRESSEES,
        ATTACHMENT,
        SIGNATURE,
        DATE,
        NOTE,
        ATTACHMENT_LABEL,
        ATTENDANCE,
        table::CAPTION,
        table::HEADER,
        table::CELL,
        PAGE_NUMBER,
    ]);
    v
}

fn style_of(kind: ItemKind) -> Style {
    match kind {
        ItemKind::Addressees => ADDRESSEES,
        ItemKind::Paragraph(None) => BODY,
        ItemKind::Paragraph(Some(level)) => HEADINGS[level.clamp(1, 4) - 1],
        ItemKind::Attachment => ATTACHMENT,
        ItemKind::Signature | ItemKind::SignatureTitle => SIGNATURE,
        ItemKind::Date => DATE,
        ItemKind::Note => NOTE,
        ItemKind::AttachmentLabel => ATTACHMENT_LABEL,
        ItemKind::AttachmentTitle => TITLE,
        ItemKind::Attendance | ItemKind::AttendanceContinued => ATTENDANCE,
        // Not a paragraph: the next paragraph starts a page; a table.
        ItemKind::PageBreak | ItemKind::Table(_) => BODY,
    }
}

/// The fonts a role asks for in the DOCX.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RoleFont {
    pub east_asia: &'static str,
    pub latin: &'static str,
    pub bold: bool,
}

pub(crate) fn role_font(role: Role, names: FontNames) -> RoleFont {
    match names {
        FontNames::Official => RoleFont {
            east_asia: FontSet::official_name(role),
            latin: FontSet::official_latin(),
            bold: false,
        },
        FontNames::Bundled => RoleFont {
            east_asia: FontSet::bundled_legacy_name(role),
            latin: FontSet::bundled_latin(),
            bold: FontSet::weight(role) >= 700,
        },
    }
}

/// Which page setup the DOCX writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageGeometry {
    /// The 版心 filled with the text's em boxes, as in the PDF: line 1's em
    /// box at 37 mm, 22 lines of 29.6 pt, 28 characters of 15.8 pt (margins
    /// 3.36 / 3.36 / 2.8 / 2.58 cm in Word's page setup).
    #[default]
    Fill,
    /// The common Word template: margins 3.7 / 3.5 / 2.8 / 2.6 cm (the
    /// 版心's own), 22 lines of 28.95 pt, 28 characters of 15.75 pt.
    Template,
}

/// How the DOCX is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub fonts: FontNames,
    pub geometry: PageGeometry,
}

/// What the writer's parts share: the font names, the grid, the text width.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Setup {
    pub fonts: FontNames,
    pub grid: g::docx::Grid,
    /// Twips between the margins.
    pub text_width: i64,
}

/// Points as the half-points of `w:sz`.
pub(crate) fn half_points(pt: f64) -> String {
    ((pt * 2.0).round() as i64).to_string()
}

/// Writes a laid-out document as DOCX bytes: its composition, with the
/// page breaks the layout decided where the word processor's own
/// pagination would not take them.
pub fn render(laid: &Laid, options: Options) -> Result<Vec<u8>, Error> {
    let (doc, source, fonts) = (laid.doc, laid.source, laid.fonts);
    let composition = &laid.composition;
    let grid = match options.geometry {
        PageGeometry::Fill => g::docx::Grid::fill(),
        PageGeometry::Template => g::docx::Grid::template(),
    };
    // The footer is placed for the font the page number is set in: the
    // 宋体 the font set resolves (an office's own SimSun with --font-dir,
    // else the bundled stand-in). Every role's chain holds Noto Serif CJK
    // SC, which has the dash, so the fallback is never used.
    let dash_top = fonts
        .ink_top_and_descent(Role::Song, g::PAGE_NUMBER_DASH)
        .map_or(g::docx::DASH_TOP_FALLBACK_EM, |(top, _)| top);
    let page = parts::PageSetup::new(options.geometry, grid, dash_top);
    let setup = Setup {
        fonts: options.fonts,
        grid,
        text_width: page.text_width(),
    };
    // Where the 版记 stands is a question of pagination, which the word
    // processor does: gongwen's own layout (the same composition) says
    // whether the 版记 must leave the last page of text.
    let document = document_xml(composition, fonts, setup, page, &laid.breaks);
    // The images (seals): a media part each, related from the document; an
    // SVG also gets a PNG that Word shows where it cannot draw SVG.
    let mut media: Vec<(String, String, Vec<u8>)> = Vec::new();
    let mut image_types: Vec<(&str, &str)> = Vec::new();
    for (k, image) in composition.images.iter().enumerate() {
        let (part, rel) = drawing::media_part(k, image);
        media.push((part, rel, image.bytes.to_vec()));
        image_types.push((image.format.extension(), image.format.mime()));
        if image.format == crate::assets::ImageFormat::Svg {
            let width = composition
                .overlays
                .iter()
                .filter(|o| o.image == k)
                .map(|o| o.width)
                .fold(0.0, f64::max);
            let png =
                drawing::png_fallback(image, width, fonts).map_err(|message| Error::Output {
                    path: source.path.clone(),
                    message: format!("{} ({}): {message}", image.field, image.written),
                })?;
            let (part, rel) = drawing::fallback_part(k);
            media.push((part, rel, png));
            image_types.push(("png", "image/png"));
        }
    }
    let image_rels: Vec<(&str, &str)> = media
        .iter()
        .map(|(part, rel, _)| (rel.as_str(), part.as_str()))
        .collect();
    let mut files: Vec<(String, Vec<u8>)> = [
        ("[Content_Types].xml", parts::content_types(&image_types)),
        ("_rels/.rels", parts::package_rels()),
        ("docProps/core.xml", parts::core(doc)),
        ("docProps/app.xml", parts::app()),
        (
            "word/_rels/document.xml.rels",
            parts::document_rels(&image_rels),
        ),
        ("word/document.xml", document),
        ("word/styles.xml", styles::styles(options.fonts, grid)),
        ("word/settings.xml", parts::settings(grid)),
        ("word/fontTable.xml", font_table::font_table(options.fonts)),
        (
            "word/footer1.xml",
            footer::footer_xml(true, &composition.page_numbers),
        ),
        (
            "word/footer2.xml",
            footer::footer_xml(false, &composition.page_numbers),
        ),
        ("word/footer3.xml", footer::empty_footer_xml()),
        (
            "word/footer4.xml",
            footer::landscape_footer_xml(true, &composition.page_numbers, dash_top),
        ),
        (
            "word/footer5.xml",
            footer::landscape_footer_xml(false, &composition.page_numbers, dash_top),
        ),
    ]
    .into_iter()
    .map(|(name, text)| (name.to_string(), text.into_bytes()))
    .collect();
    for (part, _, bytes) in media {
        files.push((format!("word/{part}"), bytes));
    }
    zip(&files).map_err(|e| Error::Output {
        path: source.path.clone(),
        message: format!("building the DOCX package: {e}"),
    })
}

/// Packs the parts with fixed timestamps (1980-01-01), so that the same
/// input gives the same bytes.
fn zip(files: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, content) in files {
        w.start_file(name.as_str(), options)?;
        w.write_all(content)?;
    }
    Ok(w.finish()?.into_inner())
}

/// A placed item's direct paragraph properties, where the style's do not
/// say it: `w:ind` attributes (twips) and a `w:jc`.
#[derive(Debug, Default)]
struct Placement {
    ind: Vec<(&'static str, String)>,
    jc: Option<&'static str>,
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
fn placement(item: &Item, fonts: &FontSet, setup: Setup) -> Placement {
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

/// Seals drawn against a paragraph: the overlay, its image, a drawing id.
type Drawings<'a> = [(&'a compose::Overlay, &'a crate::assets::Image, usize)];

/// Page breaks at a paragraph.
#[derive(Debug, Clone, Copy, Default)]
struct Placing {
    /// It starts a new page.
    new_page: bool,
    /// A page break inside it, before this character (0-based, counted
    /// over its runs).
    break_at: Option<usize>,
    /// For the 正文's last paragraph (Keep::LastLines): whether it is kept
    /// with the 署名 by `w:keepNext` (see [`keep_last_paragraph_whole`]).
    keep_whole: bool,
}

/// `<w:p>` with style, runs, the seals drawn against it and, for placed
/// items, direct indents, and the page breaks `placing` asks for.
fn paragraph(
    x: &mut Xml,
    style: Style,
    item: &Item,
    placing: Placing,
    drawings: &Drawings,
    fonts: &FontSet,
    setup: Setup,
) {
    let Some(at) = placing.break_at.filter(|_| item.columns.is_empty()) else {
        paragraph_part(x, style, item, Part::Whole, placing, drawings, fonts, setup);
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
        fonts,
        setup,
    );
    let second = Item {
        runs: after,
        first_indent: item.rest_indent,
        ..item.clone()
    };
    paragraph_part(
        x,
        style,
        &second,
        Part::AfterBreak,
        placing,
        &[],
        fonts,
        setup,
    );
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

#[allow(clippy::too_many_arguments)]
fn paragraph_part(
    x: &mut Xml,
    style: Style,
    item: &Item,
    part: Part,
    placing: Placing,
    drawings: &Drawings,
    fonts: &FontSet,
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
    if !item.columns.is_empty() {
        // Each name centred on its seal: a centre tab stop at the name's
        // centre, so that it stays centred in the word processor's widths.
        x.open("w:tabs", &[]);
        for c in &item.columns {
            let text: String = c.runs.iter().map(|r| r.text.as_str()).collect();
            let centre = c.x + compose::measure(fonts, Role::Body, &text) / 2.0;
            let pos = setup.grid.scale_twips(centre).to_string();
            x.empty("w:tab", &[("w:val", "center"), ("w:pos", &pos)]);
        }
        x.close();
    }
    if item.centre_on.is_some() || !item.columns.is_empty() {
        // No extra space between digits and hanzi here, so that the text
        // keeps the width the composition measured and the 成文日期 is
        // 右空四字 and centred on its seal at once (§7.3.5.1). Word honours
        // this; LibreOffice 7.4 still adds the space (≈ 1 mm a side), so
        // there the date stays centred on the seal and ends up to ≈ 3 mm
        // further right.
        x.empty("w:autoSpaceDE", &[("w:val", "0")]);
        x.empty("w:autoSpaceDN", &[("w:val", "0")]);
    }
    let mut placed = placement(item, fonts, setup);
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
fn run_xml(x: &mut Xml, text: &str, role: Role, style_role: Role, names: FontNames) {
    let props = RunProps {
        fonts: (role != style_role).then(|| role_font(role, names)),
        ..RunProps::default()
    };
    runs::text(x, text, props);
}

/// A table's fixed layout and zero cell margins (the end of `w:tblPr`, in
/// schema order), so that its cells are exactly the widths given and text
/// starts at their edges.
pub(crate) fn fixed_layout_no_margins(x: &mut Xml) {
    x.empty("w:tblLayout", &[("w:type", "fixed")]);
    x.open("w:tblCellMar", &[]);
    for side in ["w:top", "w:left", "w:bottom", "w:right"] {
        x.empty(side, &[("w:w", "0"), ("w:type", "dxa")]);
    }
    x.close();
}

/// An empty paragraph: a blank line `height` twips tall (exact), kept with
/// what follows it.
fn blank(x: &mut Xml, height: i64, grid: g::docx::Grid) {
    blank_kept(x, height, grid, true);
}

/// An empty paragraph, kept with what follows it or not.
fn blank_kept(x: &mut Xml, height: i64, grid: g::docx::Grid, keep: bool) {
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

fn item_text(item: &Item) -> String {
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
fn title_paragraph(x: &mut Xml, lines: &[String], before: i64, attachment: bool, setup: Setup) {
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
fn attendance_paragraph(x: &mut Xml, lines: &[&Item], new_page: bool, setup: Setup) {
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

fn document_xml(
    c: &Composition,
    fonts: &FontSet,
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
        .is_some_and(|h| !h.double_rules.is_empty())
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
        if h.double_rules.is_empty() {
            header::header_xml(&mut x, h, c.title_line, top_margin, setup)
        } else {
            // A 信函 (§10.1).
            letter::header_xml(&mut x, h, c.title_line, top_margin, setup)
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
    let mut items = c.items.iter().enumerate().peekable();
    while let Some((i, item)) = items.next() {
        let blanks = if i == 0 {
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
                    let first = if first_section {
                        first_page(c)
                    } else {
                        FirstPage::AsOthers
                    };
                    section_end(&mut x, page, setup, first);
                    first_section = false;
                    table::caption_xml(&mut x, t);
                    table::table_xml(&mut x, t, setup, twips(g::mm(g::LANDSCAPE_TABLE_WIDTH_MM)));
                    section_end_with(
                        &mut x,
                        page.turned(),
                        setup,
                        FirstPage::AsOthers,
                        FOOTERS_LANDSCAPE,
                    );
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
                let keep_whole = match item.keep_with_next {
                    compose::Keep::LastLines(_) => keep_last_paragraph_whole(c, i, fonts),
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
                            compose::item_lines(item, fonts)[..line]
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
                    fonts,
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
    section_properties(&mut x, page, setup, Some(footers), first, None);
    x.close().close();
    x.finish()
}

/// Whether the 正文's last paragraph (item `i`) is kept with the 署名 by
/// `w:keepNext` (§7.3.5.5). Word then keeps only its last lines with the
/// 署名, as gongwen's layout does, and keeps doing so when the text is
/// edited; LibreOffice 7.4 moves the whole paragraph (measured). Moving it
/// whole is harmless unless it empties a page of text: when the paragraph
/// is the 正文's first (a one-paragraph notice: page 1 would keep only the
/// 版头, the 标题 and the 主送), or when it and the closing do not fit one
/// page (measured: a 39-line paragraph left pages 1–2 empty). There the
/// paragraph has no keepNext and follows gongwen's own page breaks.
fn keep_last_paragraph_whole(c: &Composition, i: usize, fonts: &FontSet) -> bool {
    let first = !c.items[..i]
        .iter()
        .any(|it| matches!(it.kind, ItemKind::Paragraph(_)));
    let lines = compose::item_lines(&c.items[i], fonts).len();
    !first && lines <= g::docx::KEEP_WHOLE_MAX_LINES
}

/// How a section's first page is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FirstPage {
    /// Like the section's other pages.
    AsOthers,
    /// Without a number (page 1 of a 信函, §10.1): a first page of its own
    /// (`w:titlePg`) with no footer.
    Unnumbered,
}

/// The document's first section's first page, as the composition says.
fn first_page(c: &Composition) -> FirstPage {
    if c.page_numbers.first_page {
        FirstPage::AsOthers
    } else {
        FirstPage::Unnumbered
    }
}

/// A paragraph that ends a section of `page`'s setup (with the numbered
/// footers): as small as Word allows and off the grid, so that it never
/// takes a line of its own.
fn section_end(x: &mut Xml, page: parts::PageSetup, setup: Setup, first: FirstPage) {
    section_end_with(x, page, setup, first, FOOTERS_NUMBERED);
}

/// [`section_end`] with the given footers.
fn section_end_with(
    x: &mut Xml,
    page: parts::PageSetup,
    setup: Setup,
    first: FirstPage,
    footers: (&str, &str),
) {
    x.open("w:p", &[]).open("w:pPr", &[]);
    x.empty("w:snapToGrid", &[("w:val", "0")]);
    x.empty(
        "w:spacing",
        &[
            ("w:before", "0"),
            ("w:after", "0"),
            ("w:line", "20"),
            ("w:lineRule", "exact"),
        ],
    );
    x.open("w:rPr", &[]);
    x.empty("w:sz", &[("w:val", "2")]);
    x.empty("w:szCs", &[("w:val", "2")]);
    x.close();
    section_properties(x, page, setup, Some(footers), first, None);
    x.close().close();
}

/// The footers of a section: odd pages, even pages (relationship ids).
const FOOTERS_NUMBERED: (&str, &str) = ("rIdFooterOdd", "rIdFooterEven");
/// The footers of a landscape table's section (§8): the portrait number,
/// turned with the sheet.
const FOOTERS_LANDSCAPE: (&str, &str) = ("rIdFooterLandOdd", "rIdFooterLandEven");
/// Empty footers: pages without numbers.
const FOOTERS_NONE: (&str, &str) = ("rIdFooterNone", "rIdFooterNone");

/// `<w:sectPr>`: A4, the margins of the chosen geometry, the footers
/// (`None`: those of the section before), and how the section starts.
fn section_properties(
    x: &mut Xml,
    page: parts::PageSetup,
    setup: Setup,
    footers: Option<(&str, &str)>,
    first: FirstPage,
    start: Option<&str>,
) {
    x.open("w:sectPr", &[]);
    if let Some((odd, even)) = footers {
        x.empty("w:footerReference", &[("w:type", "default"), ("r:id", odd)]);
        x.empty("w:footerReference", &[("w:type", "even"), ("r:id", even)]);
    }
    // A first page of its own names its footer, the empty one: left
    // unnamed, LibreOffice 25.2 gives it a default footer of the body's
    // size, which lowered a 信函's page 1 by 4.1 mm and lost a line.
    if first == FirstPage::Unnumbered {
        x.empty(
            "w:footerReference",
            &[("w:type", "first"), ("r:id", FOOTERS_NONE.0)],
        );
    }
    if let Some(kind) = start {
        x.empty("w:type", &[("w:val", kind)]);
    }
    let (w, h) = (page.width.to_string(), page.height.to_string());
    if page.landscape {
        x.empty(
            "w:pgSz",
            &[("w:w", &w), ("w:h", &h), ("w:orient", "landscape")],
        );
    } else {
        x.empty("w:pgSz", &[("w:w", &w), ("w:h", &h)]);
    }
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &page.top.to_string()),
            ("w:right", &page.right.to_string()),
            ("w:bottom", &page.bottom.to_string()),
            ("w:left", &page.left.to_string()),
            ("w:header", &page.header.to_string()),
            ("w:footer", &page.footer.to_string()),
            ("w:gutter", "0"),
        ],
    );
    x.empty("w:cols", &[("w:space", "0")]);
    // A first page of its own (its footer, the empty one, named above:
    // with the page number's size it no longer lowers page 1, as an empty
    // footer at the body's size did in LibreOffice 7.4).
    if first == FirstPage::Unnumbered {
        x.empty("w:titlePg", &[]);
    }
    // A lines-only grid of 22 lines a page, for Word's page setup (每页22行);
    // lines are exact and paragraphs do not snap, so it moves nothing. Not
    // on a landscape table's pages, which hold no lines of text: there
    // LibreOffice started a table continued from the page before 14.4 pt
    // below the text area's top, and a page held a row less than the PDF's.
    let pitch = setup.grid.line_twips.to_string();
    let grid: &[(&str, &str)] = if page.landscape {
        &[("w:linePitch", &pitch)]
    } else {
        &[("w:type", "lines"), ("w:linePitch", &pitch)]
    };
    x.empty("w:docGrid", grid);
    x.close();
}
