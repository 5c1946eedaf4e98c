//! Composition: the document's elements in page order, each with its
//! text, typeface role, indents and the blank lines before it, as the
//! standard prescribes. Independent of the output format: the PDF and DOCX
//! writers both set exactly this.

use crate::error::Error;
use crate::fonts::FontSet;
use crate::geometry::{self as g, CHAR_PITCH};
use crate::load::Source;
use crate::model::{Document, Format, Role, Run, Seal};
use crate::title;

/// What an item is (the writers style each kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// 主送机关 (§7.3.2).
    Addressees,
    /// A 正文 paragraph; `Some(level)` when it starts with a heading.
    Paragraph(Option<usize>),
    /// 附件说明 (§7.3.4), one item per attachment.
    Attachment,
    /// 发文机关署名 (§7.3.5).
    Signature,
    /// 成文日期 (§7.3.5).
    Date,
    /// 附注 (§7.3.6).
    Note,
}

/// One paragraph of the composed page.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    /// Blank lines between the previous item and this one.
    pub blank_lines_before: usize,
    pub runs: Vec<Run>,
    /// Indent of the first line from the 版心's left edge, in points.
    pub first_indent: f64,
    /// Indent of the other lines, in points.
    pub rest_indent: f64,
    /// Whether full lines are justified to the measure (the 署名 and date
    /// are placed, not justified).
    pub justify: bool,
    /// Whether the item must stay on the page of the item after it: the
    /// 署名 with the 成文日期, and the last lines of the 正文 with the 署名, so
    /// that no page holds a date alone or a signature without text
    /// (§7.3.5.5).
    pub keep_with_next: bool,
    /// The model field it came from, for messages.
    pub path: String,
}

/// The composed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Composition {
    /// 标题 lines (§7.3.1), already broken.
    pub title: Vec<String>,
    /// Blank lines between the title and the first item (§7.3.2/§7.3.3).
    pub title_gap_lines: usize,
    pub items: Vec<Item>,
}

impl Composition {
    /// Every piece of text with its role and field, title included.
    pub fn texts(&self) -> impl Iterator<Item = (Role, &str, &str)> {
        self.title
            .iter()
            .map(|l| (Role::Title, l.as_str(), "title"))
            .chain(self.items.iter().flat_map(|item| {
                item.runs
                    .iter()
                    .map(move |r| (r.role, r.text.as_str(), item.path.as_str()))
            }))
    }
}

/// Which writer asks (for messages about unsupported elements).
pub type WriterName = &'static str;

/// Composes `doc`, rejecting elements `writer` cannot typeset yet and
/// characters no font has.
pub fn compose(
    doc: &Document,
    source: &Source,
    fonts: &FontSet,
    writer: WriterName,
) -> Result<Composition, Error> {
    reject_unsupported(doc, source, writer)?;
    let cells = |n: usize| n as f64 * CHAR_PITCH;
    let body = |text: String| {
        vec![Run {
            role: Role::Body,
            text,
        }]
    };
    let mut items = Vec::new();

    if !doc.addressees.is_empty() {
        // 主送机关: flush left, full-width colon after the last name; a
        // wrapped line also starts flush left (§7.3.2).
        items.push(Item {
            kind: ItemKind::Addressees,
            blank_lines_before: 0,
            runs: body(format!("{}：", doc.addressees.join("、"))),
            first_indent: 0.0,
            rest_indent: 0.0,
            justify: true,
            keep_with_next: false,
            path: "addressees".into(),
        });
    }

    for p in doc.paragraphs() {
        // 左空二字，回行顶格 (§7.3.3).
        items.push(Item {
            kind: ItemKind::Paragraph(p.level),
            blank_lines_before: 0,
            runs: p.runs,
            first_indent: cells(g::PARAGRAPH_INDENT_CHARS),
            rest_indent: 0.0,
            justify: true,
            keep_with_next: false,
            path: p.path,
        });
    }

    if !doc.attachments.is_empty() {
        // 附件说明: one blank line below the 正文, 左空二字, "附件：" then the
        // name; several are numbered 1. 2. …, each name aligned under the
        // first; a wrapped name aligns with its own first character (§7.3.4).
        let label = "附件：";
        let many = doc.attachments.len() > 1;
        let label_w = measure(fonts, Role::Body, label);
        for (i, name) in doc.attachments.iter().enumerate() {
            let number = if many {
                format!("{}.", i + 1)
            } else {
                String::new()
            };
            let number_w = measure(fonts, Role::Body, &number);
            let start = cells(g::PARAGRAPH_INDENT_CHARS);
            let (text, first) = if i == 0 {
                (format!("{label}{number}{name}"), start)
            } else {
                (format!("{number}{name}"), start + label_w)
            };
            items.push(Item {
                kind: ItemKind::Attachment,
                blank_lines_before: usize::from(i == 0),
                runs: body(text),
                first_indent: first,
                rest_indent: start + label_w + number_w,
                justify: true,
                keep_with_next: false,
                path: format!("attachments[{i}]"),
            });
        }
    }

    compose_closing(doc, fonts, &mut items);

    if let Some(note) = &doc.note {
        // 附注: 居左空二字加圆括号, on the line below the 成文日期 (§7.3.6).
        items.push(Item {
            kind: ItemKind::Note,
            blank_lines_before: 0,
            runs: body(format!("（{note}）")),
            first_indent: cells(g::PARAGRAPH_INDENT_CHARS),
            rest_indent: 0.0,
            justify: true,
            keep_with_next: false,
            path: "note".into(),
        });
    }

    let composition = Composition {
        title: title::break_title(doc.title.as_str(), fonts),
        title_gap_lines: g::TITLE_GAP_LINES,
        items,
    };
    check_coverage(&composition, source, fonts)?;
    Ok(composition)
}

/// Natural width of `text` in `role` at 3号 on the body grid, in points.
pub fn measure(fonts: &FontSet, role: Role, text: &str) -> f64 {
    text.chars()
        .map(|c| fonts.advance(role, c).unwrap_or(1.0) * g::BODY_SIZE + g::BODY_TRACKING)
        .sum()
}

/// 署名 and 成文日期 without a seal (§7.3.5.2): the 署名 one blank line
/// below the 正文 (or 附件说明), 右空二字; the date on the next line, its
/// first character two characters right of the 署名's first; if the date is
/// the longer, the date is set 右空二字 and the 署名 moves left to keep the
/// two-character shift. Joint issuers: one 署名 per line, in order.
fn compose_closing(doc: &Document, fonts: &FontSet, items: &mut Vec<Item>) {
    // What precedes the 署名 stays with it.
    if let Some(last) = items.last_mut() {
        last.keep_with_next = true;
    }
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
    if doc.issuer.is_empty() || date_start + date_w > right - cells(g::DATE_RIGHT_CHARS) {
        date_start = right - cells(g::DATE_RIGHT_CHARS) - date_w;
        sig_start = date_start - cells(g::DATE_SHIFT_CHARS);
    }
    for (i, name) in doc.issuer.iter().enumerate() {
        // Each name 右空二字 within the block (a shorter co-issuer's name
        // ends where the longest ends).
        let w = measure(fonts, Role::Body, name);
        let x = sig_start + (widest - w);
        items.push(Item {
            kind: ItemKind::Signature,
            blank_lines_before: if i == 0 { g::SIGNATURE_GAP_LINES } else { 0 },
            runs: vec![Run {
                role: Role::Body,
                text: name.clone(),
            }],
            first_indent: x,
            rest_indent: x,
            justify: false,
            keep_with_next: true,
            path: format!("issuer[{i}]"),
        });
    }
    items.push(Item {
        kind: ItemKind::Date,
        blank_lines_before: if doc.issuer.is_empty() {
            g::SIGNATURE_GAP_LINES
        } else {
            0
        },
        runs: vec![Run {
            role: Role::Body,
            text: date,
        }],
        first_indent: date_start,
        rest_indent: date_start,
        justify: false,
        keep_with_next: false,
        path: "date".into(),
    });
}

fn reject_unsupported(doc: &Document, source: &Source, writer: WriterName) -> Result<(), Error> {
    let unsupported = |field, element, clause| Error::Unsupported {
        path: source.path.clone(),
        field,
        element,
        clause,
        writer,
    };
    if doc.format != Format::General {
        return Err(unsupported("format", "the 信函/命令/纪要 formats", "§10"));
    }
    let checks: [(bool, &str, &str, &str); 9] = [
        (doc.copy_number.is_some(), "copy_number", "份号", "§7.2.1"),
        (
            doc.classification.is_some(),
            "classification",
            "密级和保密期限",
            "§7.2.2",
        ),
        (doc.urgency.is_some(), "urgency", "紧急程度", "§7.2.3"),
        (
            doc.issuer_mark.is_some(),
            "issuer_mark",
            "发文机关标志",
            "§7.2.4",
        ),
        (doc.doc_number.is_some(), "doc_number", "发文字号", "§7.2.5"),
        (!doc.signers.is_empty(), "signers", "签发人", "§7.2.6"),
        (doc.seal != Seal::None, "seal", "印章", "§7.3.5.1"),
        (!doc.cc.is_empty(), "cc", "抄送机关", "§7.4.2"),
        (
            doc.printing.is_some(),
            "printing",
            "印发机关和印发日期",
            "§7.4.3",
        ),
    ];
    for (present, field, element, clause) in checks {
        if present {
            return Err(unsupported(field, element, clause));
        }
    }
    Ok(())
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Body => "仿宋 (body)",
        Role::Hei => "黑体 (first-level heading)",
        Role::Kai => "楷体 (second-level heading)",
        Role::Title => "小标宋 (title)",
        Role::Song => "宋体 (page number)",
    }
}

/// Every character must exist in a font of its role: a character none has
/// is an error naming it and where it is, never a blank box.
fn check_coverage(c: &Composition, source: &Source, fonts: &FontSet) -> Result<(), Error> {
    for (role, text, field) in c.texts() {
        if let Some(ch) = text.chars().find(|&ch| !fonts.covers(role, ch)) {
            return Err(Error::MissingGlyph {
                path: source.path.clone(),
                pos: source.find_char(ch),
                field: field.to_string(),
                ch,
                role: role_name(role),
            });
        }
    }
    Ok(())
}
