//! The document's content: every element that is printed, in reading
//! order, with its text exactly as printed and what it is, but no fonts and
//! no positions. Placement (where each piece goes on the page, in which
//! face and size) is [`crate::compose`]'s job; it takes its labels and
//! marks from here, so that the wording (`附件：`, `抄送：`, `…印发`) lives in
//! one place. Writers that do not lay out pages (the web page of
//! [`crate::html`]) read only this.

use crate::date::Date;
use crate::fonts::Role;
use crate::model::table::{Align, Cell};
use crate::model::{AttachmentContent, AttendanceList, Block, Document, IssuerMark};

/// 签发人 label (§7.2.6).
pub const SIGNERS_LABEL: &str = "签发人：";
/// 附件说明 label (§7.3.4).
pub const ATTACHMENTS_LABEL: &str = "附件：";
/// 抄送 label (§7.4.2).
pub const CC_LABEL: &str = "抄送：";

/// An attendance list's label (§10.3), with its full-width colon.
pub fn attendance_label(list: AttendanceList) -> &'static str {
    match list {
        AttendanceList::Present => "出席：",
        AttendanceList::OnLeave => "请假：",
        AttendanceList::Attending => "列席：",
    }
}

/// The mark between attendance entries: the 顿号, GB/T 15834's mark
/// between coordinate words in a series (the standard is silent on the
/// lists' punctuation; §9 refers punctuation to GB/T 15834). No mark after
/// the last entry.
pub const ATTENDANCE_SEPARATOR: char = '、';

/// One attendance entry as printed: as written, except that spaces between
/// a unit and a name (`市财政局 赵六`, between two Chinese characters)
/// become one ideographic space, a character's width, where a half-width
/// space would be a quarter of one.
pub fn attendance_entry(entry: &str) -> String {
    let chars: Vec<char> = entry.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let cjk = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii());
            if i > 0 && cjk(chars.get(i - 1)) && cjk(chars.get(j)) {
                out.push('\u{3000}');
            } else {
                out.extend(&chars[i..j]);
            }
            i = j;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// An attendance list's entries each with its mark (§10.3): `、` after
/// every entry but the last, the units lines break between.
pub fn attendance_units(names: &[String]) -> Vec<String> {
    names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let mut unit = attendance_entry(name);
            if k + 1 < names.len() {
                unit.push(ATTENDANCE_SEPARATOR);
            }
            unit
        })
        .collect()
}

/// 主送机关 as printed (§7.3.2): the entries joined by `，`, a full-width
/// colon after the last. Each entry is a group of organs of one kind, its
/// members joined by `、` as written (`各省、自治区、直辖市人民政府`), the
/// groups separated by `，` as the State Council's documents print them
/// (`各省、自治区、直辖市人民政府，国务院各部委、各直属机构：`).
pub fn addressees_line(names: &[String]) -> String {
    format!("{}：", names.join("，"))
}

/// The number before the `index`-th (0-based) of `count` attachments in the
/// 附件说明 (§7.3.4): `1.` `2.` … when there are several, nothing for one.
pub fn attachment_number(index: usize, count: usize) -> String {
    if count > 1 {
        format!("{}.", index + 1)
    } else {
        String::new()
    }
}

/// The label on an attachment's first page (§7.3.7): `附件N`, N its number
/// in the 附件说明 of `count` attachments; `附件` alone for the only one.
pub fn attachment_label(index: usize, count: usize) -> String {
    if count > 1 {
        format!("附件{}", index + 1)
    } else {
        "附件".to_string()
    }
}

/// 附注 as printed (§7.3.6): in full-width parentheses. Authors often
/// write the parentheses themselves (`（联系人：…）`, or half-width
/// `(…)`): a note that is one parenthesised whole keeps its text inside
/// one pair of full-width parentheses, not two.
pub fn note_line(note: &str) -> String {
    format!("（{}）", enclosed(note).unwrap_or(note))
}

/// The text inside `s`'s parentheses when the parenthesis that opens `s`
/// is the one that closes it (`（甲（乙）丙）`, not `（甲）乙（丙）`); either
/// width, and a pair of mixed widths, counts.
fn enclosed(s: &str) -> Option<&str> {
    let opens = |c: char| c == '（' || c == '(';
    let closes = |c: char| c == '）' || c == ')';
    let first = s.chars().next().filter(|&c| opens(c))?;
    let last = s.chars().next_back().filter(|&c| closes(c))?;
    let inner = &s[first.len_utf8()..s.len() - last.len_utf8()];
    let mut depth = 0usize;
    for c in inner.chars() {
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            // The opening parenthesis closes inside: not one whole.
            depth = depth.checked_sub(1)?;
        }
    }
    (depth == 0).then_some(inner)
}

/// Names of 签发人 sharing a line (§7.2.6), separated by an ideographic
/// space.
pub fn signers_line(names: &[String]) -> String {
    names.join("\u{3000}")
}

/// The 抄送 names each with its mark (§7.4.2): `，` after every name but the
/// last, `。` after the last.
pub fn cc_units(names: &[String]) -> Vec<String> {
    names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let mark = if k + 1 == names.len() { '。' } else { '，' };
            format!("{name}{mark}")
        })
        .collect()
}

/// 印发日期 as printed in the 版记 (§7.4.3): the date followed by 印发.
pub fn printing_date(date: Date) -> String {
    format!("{date}印发")
}

/// The 标题's parts between forced line breaks (a line feed in the YAML,
/// §7.3.1), each trimmed; the title's text is their concatenation.
pub fn title_parts(title: &str) -> Vec<String> {
    title
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// One printed element of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// 份号 (§7.2.1).
    CopyNumber(String),
    /// 密级和保密期限 (§7.2.2), e.g. `秘密★1年`.
    Classification(String),
    /// 紧急程度 (§7.2.3).
    Urgency(String),
    /// 发文机关标志 (§7.2.4).
    IssuerMark(String),
    /// A joint 发文机关标志 (§7.2.4): the organs' names, lead organ first,
    /// stacked, and the suffix (`文件`) beside them.
    JointIssuerMark {
        organs: Vec<String>,
        suffix: Option<String>,
    },
    /// 发文字号 (§7.2.5).
    DocNumber(String),
    /// 令号 of a 命令 (§10.2), e.g. `第3号`.
    OrderNumber(String),
    /// 期号 of a 纪要 (§10.3, local practice), e.g. `第23期`.
    IssueNumber(String),
    /// 签发人 (§7.2.6): the label and the names, in order.
    Signers {
        label: &'static str,
        names: Vec<String>,
    },
    /// 标题 (§7.3.1): unbroken; `parts` are the pieces between the author's
    /// forced line breaks (one part when there are none).
    Title { parts: Vec<String> },
    /// 主送机关 (§7.3.2), with its colon.
    Addressees(String),
    /// A 正文 heading alone in its paragraph (§7.3.3): `level` 1..=4, the
    /// text with its number (`一、` `（一）` `1.` `（1）`).
    Heading { level: usize, text: String },
    /// A run-in heading (§7.3.3): the heading with its number, then the
    /// rest of the same paragraph.
    RunIn {
        level: usize,
        heading: String,
        text: String,
    },
    /// A 正文 paragraph.
    Paragraph(String),
    /// A table (§8): its caption, header rows and body rows, and each
    /// column's alignment.
    Table {
        caption: Option<String>,
        header: Vec<Vec<Cell>>,
        rows: Vec<Vec<Cell>>,
        align: Vec<Align>,
    },
    /// 附件说明 (§7.3.4): the label, then each attachment's name with its
    /// number.
    Attachments {
        label: &'static str,
        items: Vec<String>,
    },
    /// An attendance list of a 纪要 (§10.3): its label (`出席：`), then the
    /// entries with their marks.
    Attendance {
        label: &'static str,
        names: Vec<String>,
    },
    /// 发文机关署名 (§7.3.5), one per issuer.
    Signature(String),
    /// The 签发人's title beside the 签名章 (§7.3.5.3), which stands for the
    /// 署名.
    SignerTitle(String),
    /// 成文日期 (§7.3.5.4): as printed (`2019年8月14日`) and as ISO 8601
    /// (`2019-08-14`).
    Date { printed: String, iso: String },
    /// 附注 (§7.3.6), with its parentheses.
    Note(String),
    /// The start of an attachment with content (§7.3.7), on a new page:
    /// its label (`附件2`) and its title's parts; its body follows as
    /// headings and paragraphs.
    Attachment { label: String, parts: Vec<String> },
    /// 抄送机关 (§7.4.2): the label, then the names with their marks.
    Cc {
        label: &'static str,
        names: Vec<String>,
    },
    /// 印发机关和印发日期 (§7.4.3): the organ, and the date with 印发.
    Printing { organ: String, date: String },
}

impl Element {
    /// The element's text as printed: its pieces in reading order, nothing
    /// between them (a line feed in the title is a break point, not text).
    pub fn text(&self) -> String {
        match self {
            Element::CopyNumber(t)
            | Element::Classification(t)
            | Element::Urgency(t)
            | Element::IssuerMark(t)
            | Element::DocNumber(t)
            | Element::OrderNumber(t)
            | Element::IssueNumber(t)
            | Element::SignerTitle(t)
            | Element::Addressees(t)
            | Element::Paragraph(t)
            | Element::Signature(t)
            | Element::Note(t) => t.clone(),
            Element::JointIssuerMark { organs, suffix } => {
                format!(
                    "{}{}",
                    organs.concat(),
                    suffix.as_deref().unwrap_or_default()
                )
            }
            Element::Attachment { label, parts } => format!("{label}{}", parts.concat()),
            Element::Signers { label, names } => format!("{label}{}", signers_line(names)),
            Element::Title { parts } => parts.concat(),
            Element::Heading { text, .. } => text.clone(),
            Element::RunIn { heading, text, .. } => format!("{heading}{text}"),
            Element::Attachments { label, items } => format!("{label}{}", items.concat()),
            Element::Date { printed, .. } => printed.clone(),
            Element::Cc { label, names } | Element::Attendance { label, names } => {
                format!("{label}{}", names.concat())
            }
            Element::Printing { organ, date } => format!("{organ}{date}"),
            Element::Table {
                caption,
                header,
                rows,
                ..
            } => {
                let cells = header.iter().chain(rows).flatten().map(|c| c.text.as_str());
                caption.iter().map(String::as_str).chain(cells).collect()
            }
        }
    }
}

/// The document's elements in reading order: 版头, 标题, 主送机关, 正文,
/// 附件说明, attendance lists (纪要), 署名 (or the 签发人's title beside the
/// 签名章), 成文日期, 附注, 版记.
pub fn elements(doc: &Document) -> Vec<Element> {
    let mut out = Vec::new();
    if let Some(n) = &doc.copy_number {
        out.push(Element::CopyNumber(n.clone()));
    }
    if let Some(c) = &doc.classification {
        out.push(Element::Classification(c.label()));
    }
    if let Some(u) = doc.urgency {
        out.push(Element::Urgency(u.label().to_string()));
    }
    match &doc.issuer_mark {
        Some(IssuerMark::Joint(j)) if j.organs.len() > 1 => out.push(Element::JointIssuerMark {
            organs: j.organs.clone(),
            suffix: j.suffix.as_ref().map(|s| s.as_str().to_string()),
        }),
        Some(m) => out.push(Element::IssuerMark(m.text())),
        None => {}
    }
    if let Some(n) = &doc.doc_number {
        out.push(Element::DocNumber(n.clone()));
    }
    if let Some(n) = &doc.order_number {
        out.push(Element::OrderNumber(n.to_string()));
    }
    if let Some(n) = &doc.issue_number {
        out.push(Element::IssueNumber(n.to_string()));
    }
    if !doc.signers.is_empty() {
        out.push(Element::Signers {
            label: SIGNERS_LABEL,
            names: doc.signers.clone(),
        });
    }
    if let Some(title) = &doc.title {
        out.push(Element::Title {
            parts: title_parts(title.as_str()),
        });
    }
    if !doc.addressees.is_empty() {
        out.push(Element::Addressees(addressees_line(&doc.addressees)));
    }
    flow_elements(flow(doc), &mut out);
    if !doc.attachments.is_empty() {
        let count = doc.attachments.len();
        out.push(Element::Attachments {
            label: ATTACHMENTS_LABEL,
            items: doc
                .attachments
                .iter()
                .enumerate()
                .map(|(i, a)| format!("{}{}", attachment_number(i, count), a.name()))
                .collect(),
        });
    }
    if let Some(a) = &doc.attendance {
        for (list, names) in a.lists() {
            out.push(Element::Attendance {
                label: attendance_label(list),
                names: attendance_units(names),
            });
        }
    }
    match &doc.signature_seal {
        // The 签名章 stands for the 署名 (§7.3.5.3).
        Some(s) => out.push(Element::SignerTitle(s.title.to_string())),
        None => out.extend(doc.issuer.iter().cloned().map(Element::Signature)),
    }
    out.push(Element::Date {
        printed: doc.date.to_string(),
        iso: doc.date.iso(),
    });
    if let Some(note) = &doc.note {
        out.push(Element::Note(note_line(note)));
    }
    let count = doc.attachments.len();
    for (i, a) in doc.attachments.iter().enumerate() {
        if let Some(c) = a.content() {
            out.push(Element::Attachment {
                label: attachment_label(i, count),
                parts: title_parts(c.title.as_str()),
            });
            flow_elements(attachment_flow(c, &format!("attachments[{i}]")), &mut out);
        }
    }
    if !doc.cc.is_empty() {
        out.push(Element::Cc {
            label: CC_LABEL,
            names: cc_units(&doc.cc),
        });
    }
    if let Some(p) = &doc.printing {
        out.push(Element::Printing {
            organ: p.organ.clone(),
            date: printing_date(p.date),
        });
    }
    out
}

/// A 正文 as elements: plain paragraphs, headings alone in their
/// paragraph, run-in headings, and tables.
fn flow_elements(flow: Vec<Flow>, out: &mut Vec<Element>) {
    for f in flow {
        let p = match f {
            Flow::Paragraph(p) => p,
            Flow::Table { table, .. } => {
                let n = table.column_count();
                out.push(Element::Table {
                    align: (0..n)
                        .map(|k| table.columns.get(k).map_or(Align::Center, |c| c.align))
                        .collect(),
                    caption: table.caption,
                    header: table.header,
                    rows: table.rows,
                });
                continue;
            }
        };
        let mut runs = p.runs.into_iter().map(|r| r.text);
        let first = runs.next().unwrap_or_default();
        let rest: String = runs.collect();
        out.push(match p.level {
            None => Element::Paragraph(first + &rest),
            Some(level) if rest.is_empty() => Element::Heading { level, text: first },
            Some(level) => Element::RunIn {
                level,
                heading: first,
                text: rest,
            },
        });
    }
}

// ---------------------------------------------------------------------
// The 正文 in reading order: numbers from the structure, typefaces from
// the heading level.
// ---------------------------------------------------------------------

/// A run of text in one role.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Run {
    pub role: Role,
    pub text: String,
}

/// A paragraph of the 正文 ready to be typeset: numbering resolved, runs
/// styled. Both writers consume these; neither numbers on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Heading depth (1..=4) if this paragraph starts with a heading.
    pub level: Option<usize>,
    pub runs: Vec<Run>,
    /// Where it came from in the model, e.g. `body[1].body[0].heading`.
    pub path: String,
}

impl Paragraph {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// The typeface role of a heading at `depth` (§7.3.3): 一、 黑体,
/// （一） 楷体, 1. and （1） 仿宋.
pub fn heading_role(depth: usize) -> Role {
    match depth {
        1 => Role::Hei,
        2 => Role::Kai,
        _ => Role::Body,
    }
}

/// One item of a 正文 in reading order: a paragraph, or a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    Paragraph(Paragraph),
    /// A table (§8) and its field, e.g. `body[2].body[1].table`.
    Table {
        table: crate::model::table::Table,
        path: String,
    },
}

/// The 正文 in reading order: paragraphs (numbered) and tables.
pub fn flow(doc: &Document) -> Vec<Flow> {
    let mut out = Vec::new();
    flatten(&doc.body, 1, "body", &mut out);
    out
}

/// The 正文 as a flat list of paragraphs, numbers generated from the
/// structure (§7.3.3); tables left out.
pub fn paragraphs(doc: &Document) -> Vec<Paragraph> {
    flow(doc)
        .into_iter()
        .filter_map(|f| match f {
            Flow::Paragraph(p) => Some(p),
            Flow::Table { .. } => None,
        })
        .collect()
}

/// An attachment's 正文 in reading order, numbered like the document's own
/// (§7.3.7 "其他要素格式与正文相同"), tables included; `path` is the
/// attachment's field, e.g. `attachments[1]`.
pub fn attachment_flow(content: &AttachmentContent, path: &str) -> Vec<Flow> {
    let mut out = Vec::new();
    flatten(&content.body, 1, &format!("{path}.body"), &mut out);
    out
}

fn flatten(blocks: &[Block], depth: usize, path: &str, out: &mut Vec<Flow>) {
    let mut number = 0;
    for (i, block) in blocks.iter().enumerate() {
        let here = format!("{path}[{i}]");
        match block {
            Block::Paragraph(text) => out.push(Flow::Paragraph(Paragraph {
                level: None,
                runs: vec![Run {
                    role: Role::Body,
                    text: text.clone(),
                }],
                path: here,
            })),
            Block::Table(table) => out.push(Flow::Table {
                table: table.clone(),
                path: format!("{here}.table"),
            }),
            Block::Section(section) => {
                number += 1;
                let role = heading_role(depth);
                let marker = crate::numbering::marker(depth, number);
                let mut runs = vec![Run {
                    role,
                    text: format!("{marker}{}", section.heading),
                }];
                if let Some(text) = &section.text {
                    runs.push(Run {
                        role: Role::Body,
                        text: text.0.clone(),
                    });
                }
                out.push(Flow::Paragraph(Paragraph {
                    level: Some(depth),
                    runs,
                    path: format!("{here}.heading"),
                }));
                flatten(&section.body, depth + 1, &format!("{here}.body"), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_doc(body: &str) -> Result<Document, serde_yaml_ng::Error> {
        serde_yaml_ng::from_str(&format!(
            "kind: 通知\ntitle: 关于测试的通知\ndate: 2020-01-02\nbody:\n{body}"
        ))
    }

    #[test]
    fn numbers_follow_structure() {
        let d = body_doc(concat!(
            "  - heading: 甲\n    body:\n",
            "      - heading: 乙\n        body:\n",
            "          - heading: 丙\n            body:\n",
            "              - heading: 丁\n                text: 正文。\n",
            "              - heading: 戊\n",
            "  - heading: 己\n",
        ))
        .unwrap();
        let texts: Vec<String> = paragraphs(&d).iter().map(Paragraph::text).collect();
        assert_eq!(
            texts,
            [
                "一、甲",
                "（一）乙",
                "1.丙",
                "（1）丁正文。",
                "（2）戊",
                "二、己"
            ]
        );
        let roles: Vec<Role> = paragraphs(&d).iter().map(|p| p.runs[0].role).collect();
        assert_eq!(
            roles,
            [
                Role::Hei,
                Role::Kai,
                Role::Body,
                Role::Body,
                Role::Body,
                Role::Hei
            ]
        );
    }

    fn doc(yaml: &str) -> Document {
        serde_yaml_ng::from_str(yaml).expect("test YAML")
    }

    #[test]
    fn a_note_in_its_own_parentheses_gets_one_pair() {
        // (as written, as printed): compared by code point.
        for (written, printed) in [
            ("此件公开发布", "（此件公开发布）"),
            ("（此件公开发布）", "（此件公开发布）"),
            ("(此件公开发布)", "（此件公开发布）"),
            (
                "（联系人：杨秀梅，电话：0855-8222716）",
                "（联系人：杨秀梅，电话：0855-8222716）",
            ),
            ("（甲（乙）丙）", "（甲（乙）丙）"),
            ("（甲）乙（丙）", "（（甲）乙（丙））"),
            ("（）", "（）"),
            ("（", "（（）"),
            ("）", "（））"),
        ] {
            assert_eq!(note_line(written), printed, "{written}");
        }
    }

    #[test]
    fn every_element_in_reading_order_with_its_printed_text() {
        let d = doc("\
kind: 通知
copy_number: \"000042\"
classification: {level: 秘密, period: 1年}
urgency: 加急
issuer_mark: 东湖县人民政府文件
doc_number: 东政发〔2031〕3号
signers: [赵一, 钱二, 孙三]
title: \"东湖县人民政府\\n关于春耕的通知\"
addressees: [各乡镇人民政府, 县直各单位]
body:
  - 开头一段。
  - heading: 要求
    body:
      - heading: 备种
        text: 及早备种。
attachments: [种子清单, 农机名录]
issuer: [东湖县人民政府, 东湖县农业局]
date: 2031-02-03
note: 此件公开发布
cc: [县委办, 县人大办]
printing: {organ: 东湖县人民政府办公室, date: 2031-02-04}
");
        let texts: Vec<String> = elements(&d).iter().map(Element::text).collect();
        assert_eq!(
            texts,
            [
                "000042",
                "秘密★1年",
                "加急",
                "东湖县人民政府文件",
                "东政发〔2031〕3号",
                "签发人：赵一\u{3000}钱二\u{3000}孙三",
                "东湖县人民政府关于春耕的通知",
                "各乡镇人民政府，县直各单位：",
                "开头一段。",
                "一、要求",
                "（一）备种及早备种。",
                "附件：1.种子清单2.农机名录",
                "东湖县人民政府",
                "东湖县农业局",
                "2031年2月3日",
                "（此件公开发布）",
                "抄送：县委办，县人大办。",
                "东湖县人民政府办公室2031年2月4日印发",
            ]
        );
        let all = elements(&d);
        assert_eq!(
            all[6],
            Element::Title {
                parts: vec!["东湖县人民政府".into(), "关于春耕的通知".into()]
            }
        );
        assert_eq!(
            all[10],
            Element::RunIn {
                level: 2,
                heading: "（一）备种".into(),
                text: "及早备种。".into()
            }
        );
        assert_eq!(
            all[14],
            Element::Date {
                printed: "2031年2月3日".into(),
                iso: "2031-02-03".into()
            }
        );
    }

    #[test]
    fn one_attachment_has_no_number() {
        let d = doc(
            "kind: 函\ntitle: 关于某事的函\ndate: 2020-01-02\nbody: [正文。]\nattachments: [名单]\n",
        );
        let att = elements(&d)
            .into_iter()
            .find(|e| matches!(e, Element::Attachments { .. }))
            .unwrap();
        assert_eq!(att.text(), "附件：名单");
    }

    #[test]
    fn joint_marks_and_attachments_with_content() {
        let d = doc(concat!(
            "kind: 通知\ntitle: 关于某事的通知\ndate: 2020-01-02\nbody: [正文。]\n",
            "issuer_mark:\n  organs: [甲省财政厅, 甲省教育厅]\n  suffix: 文件\n",
            "attachments:\n  - 名单\n  - title: \"经费\\n分配方案\"\n    body:\n      - heading: 分配原则\n      - 按人数分配。\n",
            "note: 此件公开发布\ncc: [乙局]\n",
        ));
        let all = elements(&d);
        assert_eq!(
            all[0],
            Element::JointIssuerMark {
                organs: vec!["甲省财政厅".into(), "甲省教育厅".into()],
                suffix: Some("文件".into())
            }
        );
        assert_eq!(all[0].text(), "甲省财政厅甲省教育厅文件");
        let texts: Vec<String> = all.iter().map(Element::text).collect();
        // The 附件说明 names the attachment by its title; the attachment
        // follows the 附注 and precedes the 版记, numbered as in the list.
        let note = texts.iter().position(|t| t == "（此件公开发布）").unwrap();
        assert!(texts.contains(&"附件：1.名单2.经费分配方案".to_string()));
        assert_eq!(
            all[note + 1],
            Element::Attachment {
                label: "附件2".into(),
                parts: vec!["经费".into(), "分配方案".into()]
            }
        );
        assert_eq!(texts[note + 2], "一、分配原则");
        assert_eq!(texts[note + 3], "按人数分配。");
        assert_eq!(texts[note + 4], "抄送：乙局。");
        // One organ is a one-line mark.
        let one = doc(
            "kind: 通知\ntitle: 关于某事的通知\ndate: 2020-01-02\nbody: [正文。]\nissuer_mark:\n  organs: [甲省财政厅]\n  suffix: 文件\n",
        );
        assert_eq!(
            elements(&one)[0],
            Element::IssuerMark("甲省财政厅文件".into())
        );
    }
}
