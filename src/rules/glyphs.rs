//! Characters no font has (GB/T 9704-2012 §5.2.2 sets each element in a
//! named typeface): every text the YAML writes, with the typeface it is set
//! in and the element it belongs to, checked against the fonts. A character
//! missing from every font of its typeface would print as nothing, so the
//! page writers refuse it, and `gen check` reports it at the same field.

use super::{Severity, Violation};
use crate::content::heading_role;
use crate::fonts::{FontSet, Role};
use crate::model::{Attachment, AttendanceList, Block, Document, IssuerMark};

const CLAUSE: &str = "GB/T 9704-2012 §5.2.2";

/// A text as the YAML writes it, and how it is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldText<'a> {
    /// Its field, e.g. `classification.period`, `body[1].body[0].heading`.
    pub field: String,
    /// The typeface it is set in.
    pub role: Role,
    /// The element it belongs to, as the standard names it (密级和保密期限).
    pub element: &'static str,
    pub text: &'a str,
}

/// The element a heading at `depth` belongs to (§7.3.3 结构层次序数).
fn heading_element(depth: usize) -> &'static str {
    match depth {
        1 => "正文第一层标题",
        2 => "正文第二层标题",
        3 => "正文第三层标题",
        _ => "正文第四层标题",
    }
}

/// The 正文 of the document or of an attachment, under `path`.
fn body<'a>(
    blocks: &'a [Block],
    depth: usize,
    path: &str,
    element: &'static str,
    out: &mut Vec<FieldText<'a>>,
) {
    for (i, block) in blocks.iter().enumerate() {
        let here = format!("{path}[{i}]");
        match block {
            Block::Paragraph(text) => out.push(FieldText {
                field: here,
                role: Role::Body,
                element,
                text,
            }),
            Block::Section(s) => {
                out.push(FieldText {
                    field: format!("{here}.heading"),
                    role: heading_role(depth),
                    element: heading_element(depth),
                    text: s.heading.as_str(),
                });
                if let Some(t) = &s.text {
                    out.push(FieldText {
                        field: format!("{here}.text"),
                        role: Role::Body,
                        element,
                        text: t.as_str(),
                    });
                }
                body(&s.body, depth + 1, &format!("{here}.body"), element, out);
            }
            Block::Table(table) => {
                // 公文中的横排表格 (§8): the caption and the header rows in
                // 黑体, the body rows in 仿宋.
                let element = "横排表格";
                if let Some(c) = &table.caption {
                    out.push(FieldText {
                        field: format!("{here}.table.caption"),
                        role: Role::Hei,
                        element,
                        text: c,
                    });
                }
                let header_rows = table.header.len();
                for (r, (row_field, row)) in table.all_rows().enumerate() {
                    let role = if r < header_rows {
                        Role::Hei
                    } else {
                        Role::Body
                    };
                    for (k, cell) in row.iter().enumerate() {
                        out.push(FieldText {
                            field: format!("{here}.table.{row_field}[{k}]"),
                            role,
                            element,
                            text: &cell.text,
                        });
                    }
                }
            }
        }
    }
}

/// Every text the YAML writes that the pages print, in the typeface the
/// composition sets it in. Text gongwen writes itself (labels, numbers,
/// dates) is not among them: the bundled fonts have all of it.
pub fn texts(doc: &Document) -> Vec<FieldText<'_>> {
    let mut out = Vec::new();
    let mut push = |field: String, role, element, text| {
        out.push(FieldText {
            field,
            role,
            element,
            text,
        })
    };
    let list = |name: &str, items: &[String]| -> Vec<(String, usize)> {
        (0..items.len())
            .map(|i| (format!("{name}[{i}]"), i))
            .collect()
    };
    // 版头 (§7.2).
    if let Some(n) = &doc.copy_number {
        push("copy_number".into(), Role::Body, "份号", n.as_str());
    }
    if let Some(p) = doc.classification.as_ref().and_then(|c| c.period.as_ref()) {
        push(
            "classification.period".into(),
            Role::Hei,
            "密级和保密期限",
            p.as_str(),
        );
    }
    match &doc.issuer_mark {
        Some(IssuerMark::Single(t)) => push("issuer_mark".into(), Role::Title, "发文机关标志", t),
        Some(IssuerMark::Joint(j)) => {
            for (field, i) in list("issuer_mark.organs", &j.organs) {
                push(field, Role::Title, "发文机关标志", &j.organs[i]);
            }
            if let Some(s) = &j.suffix {
                push(
                    "issuer_mark.suffix".into(),
                    Role::Title,
                    "发文机关标志",
                    s.as_str(),
                );
            }
        }
        None => {}
    }
    if let Some(n) = &doc.doc_number {
        push("doc_number".into(), Role::Body, "发文字号", n);
    }
    for (field, i) in list("signers", &doc.signers) {
        push(field, Role::Kai, "签发人", &doc.signers[i]);
    }
    if let Some(n) = &doc.order_number {
        push("order_number".into(), Role::Body, "令号", n.as_str());
    }
    if let Some(n) = &doc.issue_number {
        push("issue_number".into(), Role::Body, "期号", n.as_str());
    }
    // 主体 (§7.3).
    if let Some(t) = &doc.title {
        push("title".into(), Role::Title, "标题", t.as_str());
    }
    for (field, i) in list("addressees", &doc.addressees) {
        push(field, Role::Body, "主送机关", &doc.addressees[i]);
    }
    body(&doc.body, 1, "body", "正文", &mut out);
    for (i, a) in doc.attachments.iter().enumerate() {
        match a {
            Attachment::Named(name) => out.push(FieldText {
                field: format!("attachments[{i}]"),
                role: Role::Body,
                element: "附件说明",
                text: name,
            }),
            Attachment::Content(c) => {
                // Named in the 附件说明 by its title, and set like the 标题
                // on its own page (§7.3.7).
                for (role, element) in [(Role::Body, "附件说明"), (Role::Title, "附件")] {
                    out.push(FieldText {
                        field: format!("attachments[{i}].title"),
                        role,
                        element,
                        text: c.title.as_str(),
                    });
                }
                body(
                    &c.body,
                    1,
                    &format!("attachments[{i}].body"),
                    "附件",
                    &mut out,
                );
            }
        }
    }
    if let Some(a) = &doc.attendance {
        for (list_kind, names) in a.lists() {
            let (name, element) = match list_kind {
                AttendanceList::Present => ("present", "出席人员"),
                AttendanceList::OnLeave => ("on_leave", "请假人员"),
                AttendanceList::Attending => ("attending", "列席人员"),
            };
            for (k, n) in names.iter().enumerate() {
                out.push(FieldText {
                    field: format!("attendance.{name}[{k}]"),
                    role: Role::Body,
                    element,
                    text: n,
                });
            }
        }
    }
    let mut push = |field: String, role, element, text| {
        out.push(FieldText {
            field,
            role,
            element,
            text,
        })
    };
    for (field, i) in list("issuer", &doc.issuer) {
        push(field, Role::Body, "发文机关署名", &doc.issuer[i]);
    }
    if let Some(s) = &doc.signature_seal {
        push(
            "signature_seal.title".into(),
            Role::Body,
            "签发人职务",
            s.title.as_str(),
        );
    }
    if let Some(n) = &doc.note {
        push("note".into(), Role::Body, "附注", n);
    }
    // 版记 (§7.4).
    for (field, i) in list("cc", &doc.cc) {
        push(field, Role::Body, "抄送机关", &doc.cc[i]);
    }
    if let Some(p) = &doc.printing {
        push(
            "printing.organ".into(),
            Role::Body,
            "印发机关和印发日期",
            &p.organ,
        );
    }
    out
}

/// Every character of `doc`'s texts that no font of its typeface has,
/// once per field.
pub fn violations(doc: &Document, fonts: &FontSet) -> Vec<Violation> {
    let mut out = Vec::new();
    for t in texts(doc) {
        let mut seen: Vec<char> = Vec::new();
        for ch in t.text.chars() {
            if ch.is_control() || seen.contains(&ch) || fonts.covers(t.role, ch) {
                continue;
            }
            seen.push(ch);
            let mut v = Violation::new(
                "missing-glyph",
                CLAUSE,
                Severity::Unprintable,
                t.field.clone(),
                format!(
                    "no bundled or chosen font has the character {ch:?} (U+{:04X}) that {} \
                     ({}) text uses; add a font that has it with --font-dir, or replace the \
                     character",
                    ch as u32,
                    t.role.typeface(),
                    t.element
                ),
            )
            .suggest("replace the character, or add a font that has it with --font-dir");
            v.ch = Some(ch);
            out.push(v);
        }
    }
    out
}
