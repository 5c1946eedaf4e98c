//! The document model: one 公文, as the 条例 (Art. 9) and GB/T 9704-2012
//! define it. Readers (YAML today, `gen import` later) build it; writers
//! (PDF, DOCX) only read it.
//!
//! Field names are English; each carries the standard's term in its doc
//! comment. Every element of Art. 9 has a place here, even those the
//! writers do not render yet: a writer that meets one it cannot render
//! says so instead of dropping it.

use std::fmt;

use serde::Deserialize;

use crate::date::Date;

mod de;
pub mod table;

/// One official document (公文).
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// 公文格式: general (the default), 信函, 命令 or 纪要 (§10).
    #[serde(default)]
    pub format: Format,
    /// 文种 (条例 Art. 8): one of the fifteen kinds, written in Chinese.
    pub kind: Kind,
    /// 份号 (§7.2.1): six digits, e.g. `000017`.
    #[serde(default, deserialize_with = "de::copy_number")]
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    pub copy_number: Option<String>,
    /// 密级和保密期限 (§7.2.2).
    #[serde(default)]
    pub classification: Option<Classification>,
    /// 紧急程度 (§7.2.3).
    #[serde(default)]
    pub urgency: Option<Urgency>,
    /// 发文机关标志 (§7.2.4): `××市人民政府文件`, or the organs of a joint
    /// document stacked with `文件` beside them.
    #[serde(default)]
    pub issuer_mark: Option<IssuerMark>,
    /// 发文字号 (§7.2.5), e.g. `国办发〔2012〕1号`.
    #[serde(default)]
    pub doc_number: Option<String>,
    /// 签发人 (§7.2.6): the names of the signing leaders.
    #[serde(default)]
    pub signers: Vec<String>,
    /// 令号 (§10.2): the 命令's number, e.g. `第3号`, centred two lines
    /// below the mark. Only in the 命令（令） format, where it is required.
    #[serde(default, deserialize_with = "de::one_line_opt")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub order_number: Option<Text>,
    /// 期号 of a 纪要 (§10.3; local practice, not the standard): e.g.
    /// `第23期`, centred under the mark. Only in the 纪要 format.
    #[serde(default, deserialize_with = "de::one_line_opt")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub issue_number: Option<Text>,
    /// 标题 (§7.3.1). A line feed in the text forces a line break; without
    /// one, the title is broken automatically at word boundaries. Required,
    /// except in the 命令（令） format: a 令 (a 政府令, say) often has none
    /// (§10.2).
    #[serde(default)]
    pub title: Option<Text>,
    /// 主送机关 (§7.3.2): groups of organs, printed joined by `，`; a
    /// group lists organs of one kind joined by `、`
    /// (`[各省、自治区、直辖市人民政府, 国务院各部委、各直属机构]`).
    #[serde(default)]
    pub addressees: Vec<String>,
    /// 正文 (§7.3.3): paragraphs and numbered sections, up to four levels.
    pub body: Vec<Block>,
    /// 附件 (§7.3.4, §7.3.7), in order: each named in the 附件说明, and
    /// printed after the 正文 when its content is given.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// 发文机关署名 (§7.3.5): one name, or several for a joint document.
    #[serde(default, deserialize_with = "de::one_or_many")]
    #[schemars(schema_with = "crate::schema::one_or_many")]
    pub issuer: Vec<String>,
    /// 成文日期 (§7.3.5.4).
    pub date: Date,
    /// 印章 (§7.3.5.1): the seal image(s), or how else the 署名 is
    /// authenticated.
    #[serde(default)]
    pub seal: Seal,
    /// 签发人签名章 (§7.3.5.3): the signer's title and the stamp's image.
    #[serde(default)]
    pub signature_seal: Option<SignatureSeal>,
    /// 出席、请假、列席 (§10.3): a 纪要's attendance lists, printed after the
    /// 正文 with their labels. Only in the 纪要 format.
    #[serde(default)]
    pub attendance: Option<Attendance>,
    /// 附注 (§7.3.6), without its parentheses.
    #[serde(default)]
    pub note: Option<String>,
    /// 抄送机关 (§7.4.2).
    #[serde(default)]
    pub cc: Vec<String>,
    /// 印发机关和印发日期 (§7.4.3).
    #[serde(default)]
    pub printing: Option<Printing>,
    /// The size tables are set in (§8 names none): `三号` (the body's, the
    /// default), `四号` or `小四` for dense tables.
    #[serde(default)]
    pub table_size: table::TableSize,
    /// Printed on one side only (单面印刷): the 版记 stays at the foot of
    /// the last page. By default a document is printed on both sides and
    /// the 版记 stands on its last side, an even page (§7.4, §7.5).
    #[serde(default)]
    pub single_sided: bool,
}

/// 发文机关标志 (§7.2.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssuerMark {
    /// One line as written, e.g. `××市人民政府文件` (or the name alone).
    Single(String),
    /// 联合行文: the organs' names stacked, the lead organ first, and the
    /// suffix (`文件`) to their right, centred on the stack.
    Joint(JointMark),
}

/// A joint 发文机关标志 (§7.2.4).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JointMark {
    /// The organs' names (full or standard short names), lead organ first.
    #[serde(deserialize_with = "de::organs")]
    pub organs: Vec<String>,
    /// What follows the names, normally `文件`; absent for a mark of the
    /// names alone.
    #[serde(default, deserialize_with = "de::one_line_opt")]
    pub suffix: Option<Text>,
}

impl IssuerMark {
    /// The mark's text in reading order: the names, then the suffix.
    pub fn text(&self) -> String {
        match self {
            IssuerMark::Single(t) => t.clone(),
            IssuerMark::Joint(j) => {
                let mut s = j.organs.concat();
                if let Some(x) = &j.suffix {
                    s.push_str(x.as_str());
                }
                s
            }
        }
    }
}

/// 附件 (§7.3.4, §7.3.7).
#[derive(Debug, Clone, PartialEq)]
pub enum Attachment {
    /// Named in the 附件说明 only (its content is not part of this file).
    Named(String),
    /// Printed after the 正文, each from a new page, and named in the
    /// 附件说明 by its title.
    Content(AttachmentContent),
}

/// An attachment with its content (§7.3.7).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentContent {
    /// Its title, set like the document's 标题 (a line feed forces a break).
    pub title: Text,
    /// The name the 附件说明 gives it, if written out: it must be the title
    /// (§7.3.7: an attachment's number and title match the 附件说明), so it is
    /// only checked against the title.
    #[serde(default)]
    pub name: Option<Text>,
    /// Its 正文: paragraphs and numbered sections, as the document's.
    pub body: Vec<Block>,
}

impl Attachment {
    /// The name the 附件说明 lists: the title, its forced line breaks
    /// removed.
    pub fn name(&self) -> String {
        match self {
            Attachment::Named(n) => n.clone(),
            Attachment::Content(c) => title_as_name(c.title.as_str()),
        }
    }

    /// The content, if the attachment has any.
    pub fn content(&self) -> Option<&AttachmentContent> {
        match self {
            Attachment::Named(_) => None,
            Attachment::Content(c) => Some(c),
        }
    }
}

/// A title as one line: its lines trimmed and joined.
pub fn title_as_name(title: &str) -> String {
    title.lines().map(str::trim).collect()
}

impl PartialEq<&str> for Attachment {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

/// Non-empty, trimmed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(pub String);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// 公文格式 (§7 and §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// 通用格式 (§7).
    #[default]
    General,
    /// 信函格式 (§10.1).
    Letter,
    /// 命令（令）格式 (§10.2).
    Order,
    /// 纪要格式 (§10.3).
    Minutes,
}

/// 文种: the fifteen kinds of 条例 Art. 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Resolution,
    Decision,
    Order,
    Communique,
    Announcement,
    PublicNotice,
    Opinion,
    Notice,
    Circular,
    Report,
    Request,
    Reply,
    Motion,
    Letter,
    Minutes,
}

impl Kind {
    /// Every name a 文种 is written with: the fifteen of 条例 Art. 8 first
    /// (each kind's own name), then the other forms of 命令（令）.
    pub const NAMES: [(&'static str, Kind); 17] = [
        ("决议", Kind::Resolution),
        ("决定", Kind::Decision),
        ("命令", Kind::Order),
        ("公报", Kind::Communique),
        ("公告", Kind::Announcement),
        ("通告", Kind::PublicNotice),
        ("意见", Kind::Opinion),
        ("通知", Kind::Notice),
        ("通报", Kind::Circular),
        ("报告", Kind::Report),
        ("请示", Kind::Request),
        ("批复", Kind::Reply),
        ("议案", Kind::Motion),
        ("函", Kind::Letter),
        ("纪要", Kind::Minutes),
        ("令", Kind::Order),
        ("命令（令）", Kind::Order),
    ];

    /// The 文种's name as written in a title.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .expect("every kind is named")
    }

    /// The 文种 written `name`, if it is one.
    pub fn from_name(name: &str) -> Option<Kind> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, k)| *k)
    }

    /// 上行文 (sent to a higher organ): the 条例 requires a 签发人 on these.
    pub fn is_upward(self) -> bool {
        matches!(self, Kind::Report | Kind::Request)
    }
}

/// 密级和保密期限 (§7.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Classification {
    /// 密级.
    pub level: SecrecyLevel,
    /// 保密期限, e.g. `1年`; written after a ★.
    #[serde(default)]
    pub period: Option<String>,
}

/// 密级 (条例 Art. 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
pub enum SecrecyLevel {
    #[serde(rename = "绝密")]
    TopSecret,
    #[serde(rename = "机密")]
    Secret,
    #[serde(rename = "秘密")]
    Confidential,
}

impl Classification {
    /// As printed: `秘密★1年`, or the level alone (§7.2.2).
    pub fn label(&self) -> String {
        let level = match self.level {
            SecrecyLevel::TopSecret => "绝密",
            SecrecyLevel::Secret => "机密",
            SecrecyLevel::Confidential => "秘密",
        };
        match &self.period {
            Some(p) => format!("{level}★{p}"),
            None => level.to_string(),
        }
    }
}

impl Urgency {
    /// As printed (§7.2.3).
    pub fn label(self) -> &'static str {
        match self {
            Urgency::Flash => "特提",
            Urgency::Immediate => "特急",
            Urgency::Urgent => "加急",
            Urgency::Priority => "平急",
        }
    }
}

/// 紧急程度 (§7.2.3; 特提 and 平急 are for telegrams).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
pub enum Urgency {
    #[serde(rename = "特提")]
    Flash,
    #[serde(rename = "特急")]
    Immediate,
    #[serde(rename = "加急")]
    Urgent,
    #[serde(rename = "平急")]
    Priority,
}

/// 印章 (§7.3.5): how the 署名 is authenticated.
///
/// Written as one image path (`seal: seals/office.png`), a list of them
/// for a joint document (one per issuer, in issuer order), or maps
/// `{image: …, diameter: 42}`; `none`, `seal` and `signature` keep the
/// meaning they had before seals carried images.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Seal {
    /// 不加盖印章 (§7.3.5.2).
    #[default]
    None,
    /// `seal: seal`: sealed, but without an image (the form before seal
    /// images existed). Loads; the writers ask for the image.
    Unspecified,
    /// 加盖签发人签名章 (§7.3.5.3): the image is in `signature_seal`.
    Signature,
    /// 加盖印章 (§7.3.5.1): the seal images, one per issuer.
    Images(Vec<SealImage>),
}

/// One seal image (印章, §7.3.5.1).
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SealImage {
    /// The image file (PNG with transparency, or SVG), relative to the
    /// YAML file.
    pub image: ImagePath,
    /// The seal's diameter in millimetres (the image's width), for an
    /// image without a physical size; otherwise the image's own size.
    #[serde(default, deserialize_with = "de::millimetres")]
    #[schemars(range(min = 0.0, max = 156.0))]
    pub diameter: Option<f64>,
}

/// 签发人签名章 (§7.3.5.3): the signer's title and the stamp's image.
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatureSeal {
    /// The 签发人's title (职务), e.g. `市长`, set two characters left of
    /// the 签名章.
    #[serde(deserialize_with = "de::one_line")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub title: Text,
    /// The 签名章's image, relative to the YAML file.
    pub image: ImagePath,
    /// The stamp's width in millimetres, for an image without a physical
    /// size.
    #[serde(default, deserialize_with = "de::millimetres")]
    #[schemars(range(min = 0.0, max = 156.0))]
    pub width: Option<f64>,
}

/// An image path as written in the document (resolved and checked when
/// the image is read, see `assets`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImagePath(pub String);

/// 印发机关和印发日期 (§7.4.3).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Printing {
    /// 印发机关.
    pub organ: String,
    /// 印发日期.
    pub date: Date,
}

/// A 纪要's attendance lists (§10.3): printed after the 正文, each from a
/// new line, its label (`出席：`, `请假：`, `列席：`) written by gongwen; the
/// entries are names or `单位 姓名`, in the order given.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// 出席: who attended.
    #[serde(default, deserialize_with = "de::entries")]
    #[schemars(schema_with = "crate::schema::one_line_list")]
    pub present: Vec<String>,
    /// 请假: who was excused.
    #[serde(default, deserialize_with = "de::entries")]
    #[schemars(schema_with = "crate::schema::one_line_list")]
    pub on_leave: Vec<String>,
    /// 列席: who attended without being a member of the meeting.
    #[serde(default, deserialize_with = "de::entries")]
    #[schemars(schema_with = "crate::schema::one_line_list")]
    pub attending: Vec<String>,
}

/// Which attendance list (§10.3), in printing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttendanceList {
    /// 出席.
    Present,
    /// 请假.
    OnLeave,
    /// 列席.
    Attending,
}

impl AttendanceList {
    /// The field that holds it, for messages and paths.
    pub fn field(self) -> &'static str {
        match self {
            AttendanceList::Present => "present",
            AttendanceList::OnLeave => "on_leave",
            AttendanceList::Attending => "attending",
        }
    }
}

impl Attendance {
    /// The lists that have entries, in printing order: 出席, 请假, 列席
    /// (§10.3).
    pub fn lists(&self) -> Vec<(AttendanceList, &[String])> {
        [
            (AttendanceList::Present, &self.present),
            (AttendanceList::OnLeave, &self.on_leave),
            (AttendanceList::Attending, &self.attending),
        ]
        .into_iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(list, names)| (list, names.as_slice()))
        .collect()
    }
}

impl Document {
    /// The document's title as one line, for metadata: the 标题, or for a
    /// 命令 without one its mark and 令号 (`清河市人民政府令（第3号）`).
    pub fn display_title(&self) -> String {
        match (&self.title, &self.issuer_mark, &self.order_number) {
            (Some(t), _, _) => title_as_name(t.as_str()),
            (None, Some(m), Some(n)) => format!("{}（{n}）", m.text()),
            (None, Some(m), None) => m.text(),
            (None, None, _) => self.kind.name().to_string(),
        }
    }
}

/// An item of the 正文.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A plain paragraph (自然段).
    Paragraph(String),
    /// A numbered section: its heading, and what follows it.
    Section(Section),
    /// A table (§8), written `- table: {…}`.
    Table(table::Table),
}

/// A numbered section of the 正文 (§7.3.3 结构层次序数). Its number
/// (一、 / （一） / 1. / （1）) follows from its depth and position; the
/// author writes only the heading text.
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading's text, without its number.
    #[serde(deserialize_with = "de::one_line")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub heading: Text,
    /// Run-in text: the rest of the heading's own paragraph (the heading and
    /// this text form one paragraph, as in `（1）标题。正文……`).
    #[serde(default, deserialize_with = "de::one_line_opt")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub text: Option<Text>,
    /// The paragraphs and subsections under this heading.
    #[serde(default)]
    pub body: Vec<Block>,
}

/// The deepest heading level the standard numbers (§7.3.3).
pub const MAX_HEADING_DEPTH: usize = 4;

impl Document {
    /// Every table of the document (正文 and attachments) with its field,
    /// e.g. `body[2].body[1].table`, in reading order.
    pub fn tables(&self) -> Vec<(String, table::Table)> {
        let mut out = Vec::new();
        tables_in(&self.body, "body", &mut out);
        for (i, a) in self.attachments.iter().enumerate() {
            if let Some(c) = a.content() {
                tables_in(&c.body, &format!("attachments[{i}].body"), &mut out);
            }
        }
        out
    }
}

impl Document {
    /// Every table of the document with its field, as [`Document::tables`],
    /// to change in place.
    pub fn tables_mut(&mut self) -> Vec<(String, &mut table::Table)> {
        let mut out = Vec::new();
        tables_in_mut(&mut self.body, "body", &mut out);
        for (i, a) in self.attachments.iter_mut().enumerate() {
            if let Attachment::Content(c) = a {
                tables_in_mut(&mut c.body, &format!("attachments[{i}].body"), &mut out);
            }
        }
        out
    }
}

fn tables_in_mut<'a>(
    blocks: &'a mut [Block],
    path: &str,
    out: &mut Vec<(String, &'a mut table::Table)>,
) {
    for (i, block) in blocks.iter_mut().enumerate() {
        let here = format!("{path}[{i}]");
        match block {
            Block::Paragraph(_) => {}
            Block::Table(table) => out.push((format!("{here}.table"), table)),
            Block::Section(section) => {
                tables_in_mut(&mut section.body, &format!("{here}.body"), out)
            }
        }
    }
}

fn tables_in(blocks: &[Block], path: &str, out: &mut Vec<(String, table::Table)>) {
    for (i, block) in blocks.iter().enumerate() {
        let here = format!("{path}[{i}]");
        match block {
            Block::Paragraph(_) => {}
            Block::Table(table) => out.push((format!("{here}.table"), table.clone())),
            Block::Section(section) => tables_in(&section.body, &format!("{here}.body"), out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> Result<Document, serde_yaml_ng::Error> {
        serde_yaml_ng::from_str(&format!(
            "kind: 通知\ntitle: 关于测试的通知\ndate: 2020-01-02\nbody:\n{body}"
        ))
    }

    #[test]
    fn fifth_level_is_rejected_with_position() {
        let e = doc(concat!(
            "  - heading: a\n    body:\n",
            "      - heading: b\n        body:\n",
            "          - heading: c\n            body:\n",
            "              - heading: d\n                body:\n",
            "                  - heading: e\n",
        ))
        .unwrap_err();
        assert!(e.to_string().contains("four levels"), "{e}");
        assert!(e.location().is_some());
        // The guard unwinds: a fresh parse is unaffected.
        assert!(doc("  - heading: a\n").is_ok());
    }

    #[test]
    fn copy_numbers_are_six_digits() {
        let base = "kind: 通知\ntitle: 标题\ndate: 2020-01-02\nbody: [正文]\n";
        let ok: Document =
            serde_yaml_ng::from_str(&format!("{base}copy_number: \"000017\"\n")).unwrap();
        assert_eq!(ok.copy_number.as_deref(), Some("000017"));
        for bad in ["\"17\"", "\"0000017\"", "\"00001a\"", "17"] {
            let e = serde_yaml_ng::from_str::<Document>(&format!("{base}copy_number: {bad}\n"))
                .unwrap_err();
            assert!(e.to_string().contains("six Arabic digits"), "{bad}: {e}");
        }
    }

    fn with(extra: &str) -> Result<Document, serde_yaml_ng::Error> {
        serde_yaml_ng::from_str(&format!(
            "kind: 通知\ntitle: 关于测试的通知\ndate: 2020-01-02\nbody: [正文]\n{extra}"
        ))
    }

    #[test]
    fn issuer_marks_are_a_string_or_stacked_organs() {
        let one = with("issuer_mark: ××市人民政府文件\n").unwrap();
        assert_eq!(
            one.issuer_mark,
            Some(IssuerMark::Single("××市人民政府文件".into()))
        );
        let joint = with("issuer_mark:\n  organs: [甲省财政厅, 甲省教育厅]\n  suffix: 文件\n")
            .unwrap()
            .issuer_mark
            .unwrap();
        assert_eq!(joint.text(), "甲省财政厅甲省教育厅文件");
        let IssuerMark::Joint(j) = joint else {
            panic!("joint")
        };
        assert_eq!(j.organs, ["甲省财政厅", "甲省教育厅"]);
        // The suffix is optional; the organs are not, and not empty.
        assert!(with("issuer_mark:\n  organs: [甲, 乙]\n").is_ok());
        for (bad, says) in [
            ("issuer_mark:\n  suffix: 文件\n", "missing field `organs`"),
            ("issuer_mark:\n  organs: []\n", "found an empty list"),
            (
                "issuer_mark:\n  organs: [甲]\n  sufix: 文件\n",
                "unknown field `sufix`",
            ),
            ("issuer_mark: \"\"\n", "empty string"),
        ] {
            let e = with(bad).unwrap_err();
            assert!(e.to_string().contains(says), "{bad}: {e}");
            assert!(e.location().is_some(), "{bad}");
        }
    }

    #[test]
    fn attachments_are_names_or_content() {
        // Old documents: names only.
        let old = with("attachments: [检查表, 值班表]\n").unwrap();
        assert_eq!(old.attachments, ["检查表", "值班表"]);
        assert!(old.attachments.iter().all(|a| a.content().is_none()));
        let d = with(concat!(
            "attachments:\n",
            "  - 检查表\n",
            "  - title: \"节日期间\\n值班安排表\"\n",
            "    body:\n",
            "      - heading: 值班要求\n",
            "        body: [二十四小时值班。]\n",
        ))
        .unwrap();
        // The 附件说明 names it by its title, the forced break removed.
        assert_eq!(d.attachments, ["检查表", "节日期间值班安排表"]);
        let c = d.attachments[1].content().unwrap();
        let texts: Vec<(String, String)> = crate::content::attachment_flow(c, "attachments[1]")
            .into_iter()
            .filter_map(|f| match f {
                crate::content::Flow::Paragraph(p) => Some((p.text(), p.path)),
                crate::content::Flow::Table { .. } => None,
            })
            .collect();
        assert_eq!(
            texts,
            [
                (
                    "一、值班要求".to_string(),
                    "attachments[1].body[0].heading".to_string()
                ),
                (
                    "二十四小时值班。".to_string(),
                    "attachments[1].body[0].body[0]".to_string()
                )
            ]
        );
        // A `name` must be the title.
        assert!(with("attachments:\n  - {name: 值班表, title: 值班表, body: [正文]}\n").is_ok());
        let e = with("attachments:\n  - {name: 值班表, title: 值班安排表, body: [正文]}\n")
            .unwrap_err();
        assert!(e.to_string().contains("differs from its title"), "{e}");
        for (bad, says) in [
            (
                "attachments:\n  - {title: 值班表}\n",
                "missing field `body`",
            ),
            (
                "attachments:\n  - {body: [正文]}\n",
                "missing field `title`",
            ),
            ("attachments:\n  - \"\"\n", "empty string"),
            (
                "attachments:\n  - {title: 值班表, body: [正文], text: 多余}\n",
                "unknown field `text`",
            ),
        ] {
            let e = with(bad).unwrap_err();
            assert!(e.to_string().contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn kinds_are_the_fifteen() {
        for k in [
            "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示",
            "批复", "议案", "函", "纪要",
        ] {
            let kind: Kind = serde_yaml_ng::from_str(k).unwrap();
            assert_eq!(kind.name(), k);
        }
        assert!(serde_yaml_ng::from_str::<Kind>("会议纪要").is_err());
    }
}
