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
use serde::de::{self, Deserializer, MapAccess, SeqAccess};

use crate::date::Date;

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
    #[serde(default, deserialize_with = "copy_number")]
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
    #[serde(default, deserialize_with = "one_line_opt")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub order_number: Option<Text>,
    /// 期号 of a 纪要 (§10.3; local practice, not the standard): e.g.
    /// `第23期`, centred under the mark. Only in the 纪要 format.
    #[serde(default, deserialize_with = "one_line_opt")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub issue_number: Option<Text>,
    /// 标题 (§7.3.1). A line feed in the text forces a line break; without
    /// one, the title is broken automatically at word boundaries. Required,
    /// except in the 命令（令） format: a 令 (a 政府令, say) often has none
    /// (§10.2).
    #[serde(default)]
    pub title: Option<Text>,
    /// 主送机关 (§7.3.2).
    #[serde(default)]
    pub addressees: Vec<String>,
    /// 正文 (§7.3.3): paragraphs and numbered sections, up to four levels.
    pub body: Vec<Block>,
    /// 附件 (§7.3.4, §7.3.7), in order: each named in the 附件说明, and
    /// printed after the 正文 when its content is given.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// 发文机关署名 (§7.3.5): one name, or several for a joint document.
    #[serde(default, deserialize_with = "one_or_many")]
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
    pub table_size: crate::table::TableSize,
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
    #[serde(deserialize_with = "organs")]
    pub organs: Vec<String>,
    /// What follows the names, normally `文件`; absent for a mark of the
    /// names alone.
    #[serde(default, deserialize_with = "one_line_opt")]
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

impl<'de> Deserialize<'de> for IssuerMark {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = IssuerMark;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "the mark's text (`××市人民政府文件`), or for a joint document a map \
                     `{organs: [lead organ, …], suffix: 文件}`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IssuerMark, E> {
                let t = v.trim();
                if t.is_empty() {
                    return Err(E::custom("expected the mark's text, found an empty string"));
                }
                check_one_line(t).map_err(E::custom)?;
                Ok(IssuerMark::Single(t.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<IssuerMark, A::Error> {
                JointMark::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(IssuerMark::Joint)
            }
        }
        d.deserialize_any(V)
    }
}

/// The organs of a joint mark: at least one name, each one line.
fn organs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let names: Vec<Text> = Vec::deserialize(d)?;
    if names.is_empty() {
        return Err(de::Error::custom(
            "expected the organs' names, lead organ first, found an empty list",
        ));
    }
    names
        .into_iter()
        .map(|t| check_one_line(&t.0).map(|()| t.0))
        .collect::<Result<_, _>>()
        .map_err(de::Error::custom)
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

impl<'de> Deserialize<'de> for Attachment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Attachment;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "an attachment's name (listed in the 附件说明 only), or an attachment \
                     with its content: a map `{title: …, body: [...]}`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Attachment, E> {
                let t = v.trim();
                if t.is_empty() {
                    return Err(E::custom(
                        "expected an attachment's name, found an empty string",
                    ));
                }
                check_one_line(t).map_err(E::custom)?;
                Ok(Attachment::Named(t.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Attachment, A::Error> {
                let c = AttachmentContent::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if let Some(name) = &c.name {
                    let title = title_as_name(c.title.as_str());
                    if name.as_str() != title {
                        return Err(de::Error::custom(format!(
                            "the attachment's `name` `{name}` differs from its title `{title}`; \
                             the 附件说明 must name an attachment by its title \
                             (GB/T 9704-2012 §7.3.7): drop `name`, or make it the title"
                        )));
                    }
                }
                Ok(Attachment::Content(c))
            }
        }
        d.deserialize_any(V)
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

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let t = s.trim();
        if t.is_empty() {
            return Err(de::Error::custom("expected text, found an empty string"));
        }
        Ok(Text(t.to_string()))
    }
}

/// Checks that paragraph text is one line: a line break or another control
/// character inside a paragraph would either print as nothing or break the
/// line where the grid does not expect it.
fn check_one_line(t: &str) -> Result<(), String> {
    match t.chars().find(|c| c.is_control()) {
        None => Ok(()),
        Some('\n') => Err(
            "paragraph and heading text is one line, but this has a line break: \
                            start a new paragraph with a new `- ` item, or join the lines"
                .into(),
        ),
        Some(c) => Err(format!("control character U+{:04X} in text", c as u32)),
    }
}

fn one_line<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    let t = Text::deserialize(d)?;
    check_one_line(&t.0).map_err(de::Error::custom)?;
    Ok(t)
}

fn one_line_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Text>, D::Error> {
    one_line(d).map(Some)
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// 份号: "一般用6位3号阿拉伯数字" (§7.2.1). Written as a string, so that the
/// leading zeros survive (`000017`).
fn copy_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Some(s))
    } else {
        Err(de::Error::custom(format!(
            "expected 份号 as six Arabic digits in quotes, e.g. \"000017\" (GB/T 9704-2012 §7.2.1), found {s:?}"
        )))
    }
}

fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct V;
    impl<'de> de::Visitor<'de> for V {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an issuing organ's name, or a list of names")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.trim().to_string()])
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(s) = seq.next_element::<Text>()? {
                out.push(s.0);
            }
            Ok(out)
        }
    }
    d.deserialize_any(V)
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

/// The fifteen names, for messages.
const FIFTEEN: [&str; 15] = {
    let mut names = [""; 15];
    let mut i = 0;
    while i < 15 {
        names[i] = Kind::NAMES[i].0;
        i += 1;
    }
    names
};

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Kind;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("one of the fifteen 文种 of 条例 Art. 8")
            }
            // Rejected inside the visitor, so that the error keeps the
            // value's position.
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Kind, E> {
                Kind::from_name(v.trim()).ok_or_else(|| E::unknown_variant(v, &FIFTEEN))
            }
        }
        d.deserialize_str(V)
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
    #[serde(default, deserialize_with = "millimetres")]
    #[schemars(range(min = 0.0, max = 156.0))]
    pub diameter: Option<f64>,
}

/// 签发人签名章 (§7.3.5.3): the signer's title and the stamp's image.
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatureSeal {
    /// The 签发人's title (职务), e.g. `市长`, set two characters left of
    /// the 签名章.
    #[serde(deserialize_with = "one_line")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub title: Text,
    /// The 签名章's image, relative to the YAML file.
    pub image: ImagePath,
    /// The stamp's width in millimetres, for an image without a physical
    /// size.
    #[serde(default, deserialize_with = "millimetres")]
    #[schemars(range(min = 0.0, max = 156.0))]
    pub width: Option<f64>,
}

/// An image path as written in the document (resolved and checked when
/// the image is read, see `assets`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImagePath(pub String);

impl<'de> Deserialize<'de> for ImagePath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let t = Text::deserialize(d)?;
        if t.0.chars().any(char::is_control) {
            return Err(de::Error::custom("an image path has no control characters"));
        }
        Ok(ImagePath(t.0))
    }
}

/// The largest seal or stamp the 版心 can hold: its width (§5.2.1).
const MAX_SEAL_MM: f64 = 156.0;

fn millimetres<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let v = f64::deserialize(d)?;
    if v.is_finite() && v > 0.0 && v <= MAX_SEAL_MM {
        Ok(Some(v))
    } else {
        Err(de::Error::custom(format!(
            "expected a size in millimetres, more than 0 and at most {MAX_SEAL_MM} (the 版心's width), found {v}"
        )))
    }
}

fn seal_image<E: de::Error>(path: &str) -> Result<SealImage, E> {
    Ok(SealImage {
        image: ImagePath::deserialize(de::value::StrDeserializer::<E>::new(path))?,
        diameter: None,
    })
}

impl<'de> Deserialize<'de> for Seal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Seal;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a seal image's path, a list of paths (one per issuer), a map \
                     `{image: …, diameter: …}`, or one of `none`, `signature`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Seal, E> {
                Ok(match v.trim() {
                    "none" => Seal::None,
                    "seal" => Seal::Unspecified,
                    "signature" => Seal::Signature,
                    _ => Seal::Images(vec![seal_image(v)?]),
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Seal, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<OneSeal>()? {
                    out.push(s.0);
                }
                if out.is_empty() {
                    return Err(de::Error::custom(
                        "expected one seal image per issuer, found an empty list",
                    ));
                }
                Ok(Seal::Images(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Seal, A::Error> {
                SealImage::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|s| Seal::Images(vec![s]))
            }
        }
        d.deserialize_any(V)
    }
}

/// One entry of a list of seals: a path or a map.
struct OneSeal(SealImage);

impl<'de> Deserialize<'de> for OneSeal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = OneSeal;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a seal image's path, or a map `{image: …, diameter: …}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneSeal, E> {
                seal_image(v).map(OneSeal)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<OneSeal, A::Error> {
                SealImage::deserialize(de::value::MapAccessDeserializer::new(map)).map(OneSeal)
            }
        }
        d.deserialize_any(V)
    }
}

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
    #[serde(default, deserialize_with = "entries")]
    #[schemars(schema_with = "crate::schema::one_line_list")]
    pub present: Vec<String>,
    /// 请假: who was excused.
    #[serde(default, deserialize_with = "entries")]
    #[schemars(schema_with = "crate::schema::one_line_list")]
    pub on_leave: Vec<String>,
    /// 列席: who attended without being a member of the meeting.
    #[serde(default, deserialize_with = "entries")]
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

/// Attendance entries: each one line of text (an empty list is allowed
/// and prints nothing).
fn entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let names: Vec<Text> = Vec::deserialize(d)?;
    names
        .into_iter()
        .map(|t| check_one_line(&t.0).map(|()| t.0))
        .collect::<Result<_, _>>()
        .map_err(de::Error::custom)
}

/// A field that the document's format (§10) does not allow, or one it
/// lacks: the field the message is about, and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// Where the message points, e.g. `seal` (`format` for a missing
    /// field the format needs).
    pub field: &'static str,
    pub message: String,
}

impl Document {
    /// The rules each format (§7, §10) sets on which fields a document has:
    /// a 命令 has a 令号 and may lack a title (§10.2); a 纪要 has no seal and
    /// no 签发人 (§10.3); the 令号, 期号 and attendance lists belong to their
    /// format only.
    pub fn check_format(&self) -> Result<(), FormatError> {
        let fail = |field: &'static str, message: String| Err(FormatError { field, message });
        let order = self.format == Format::Order;
        let minutes = self.format == Format::Minutes;
        if self.title.is_none() && !order {
            return fail(
                "title",
                "missing field `title`; only a 命令（令） (`format: order`) may go without \
                 one (GB/T 9704-2012 §10.2)"
                    .into(),
            );
        }
        if order {
            if self.issuer_mark.is_none() {
                return fail(
                    "format",
                    "a 命令（令） is headed by its mark, the organ's full name and 命令 or 令 \
                     (GB/T 9704-2012 §10.2): add e.g. `issuer_mark: 清河市人民政府令`"
                        .into(),
                );
            }
            if self.order_number.is_none() {
                return fail(
                    "format",
                    "a 命令（令） carries its 令号 under the mark (GB/T 9704-2012 §10.2): add \
                     e.g. `order_number: 第3号`"
                        .into(),
                );
            }
            if self.doc_number.is_some() {
                return fail(
                    "doc_number",
                    "a 命令（令） is numbered by its 令号, not a 发文字号 (GB/T 9704-2012 \
                     §10.2): write it as `order_number: 第3号`"
                        .into(),
                );
            }
            if !self.signers.is_empty() {
                return fail(
                    "signers",
                    "a 命令（令） has no 签发人 line in its 版头: the 签发人 signs it with the \
                     签名章 (`signature_seal: {title: …, image: …}`, GB/T 9704-2012 §10.2, \
                     §7.3.5.3); remove `signers`"
                        .into(),
                );
            }
        } else if self.order_number.is_some() {
            return fail(
                "order_number",
                "a 令号 belongs to the 命令（令） format (GB/T 9704-2012 §10.2): add \
                 `format: order`, or write a 发文字号 as `doc_number`"
                    .into(),
            );
        }
        if minutes {
            let no_seal = "a 纪要 carries no seal and no 签名章 (GB/T 9704-2012 §10.3; the \
                           应用指南: 纪要不加盖印章)";
            if self.issuer_mark.is_none() {
                return fail(
                    "format",
                    "a 纪要 is headed by its mark, `×××纪要` (GB/T 9704-2012 §10.3): add e.g. \
                     `issuer_mark: 清河市人民政府专题会议纪要`"
                        .into(),
                );
            }
            if self.seal != Seal::None {
                return fail("seal", format!("{no_seal}: remove `seal`"));
            }
            if self.signature_seal.is_some() {
                return fail(
                    "signature_seal",
                    format!("{no_seal}: remove `signature_seal`"),
                );
            }
            if !self.signers.is_empty() {
                return fail(
                    "signers",
                    "a 纪要 has no 签发人 line in its 版头 (GB/T 9704-2012 §10.3): remove \
                     `signers`"
                        .into(),
                );
            }
            if self.doc_number.is_some() {
                return fail(
                    "doc_number",
                    "a 纪要 is numbered by its 期号 under the mark, not a 发文字号 \
                     (GB/T 9704-2012 §10.3): write it as `issue_number: 第23期`"
                        .into(),
                );
            }
            if self
                .attendance
                .as_ref()
                .is_some_and(|a| a.lists().is_empty())
            {
                return fail(
                    "attendance",
                    "the attendance lists name no one: give `present`, `on_leave` or \
                     `attending`, or remove `attendance`"
                        .into(),
                );
            }
        } else {
            if self.issue_number.is_some() {
                return fail(
                    "issue_number",
                    "a 期号 belongs to the 纪要 format (`format: minutes`, GB/T 9704-2012 \
                     §10.3)"
                        .into(),
                );
            }
            if self.attendance.is_some() {
                return fail(
                    "attendance",
                    "the attendance lists (出席, 请假, 列席) belong to the 纪要 format \
                     (`format: minutes`, GB/T 9704-2012 §10.3)"
                        .into(),
                );
            }
        }
        Ok(())
    }

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
    Table(crate::table::Table),
}

/// A numbered section of the 正文 (§7.3.3 结构层次序数). Its number
/// (一、 / （一） / 1. / （1）) follows from its depth and position; the
/// author writes only the heading text.
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading's text, without its number.
    #[serde(deserialize_with = "one_line")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub heading: Text,
    /// Run-in text: the rest of the heading's own paragraph (the heading and
    /// this text form one paragraph, as in `（1）标题。正文……`).
    #[serde(default, deserialize_with = "one_line_opt")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub text: Option<Text>,
    /// The paragraphs and subsections under this heading.
    #[serde(default)]
    pub body: Vec<Block>,
}

/// The deepest heading level the standard numbers (§7.3.3).
pub const MAX_HEADING_DEPTH: usize = 4;

thread_local! {
    /// Nesting depth of sections while deserialising (so that a fifth level
    /// is rejected with the YAML position of the offending item).
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

struct DepthGuard;
impl DepthGuard {
    fn enter() -> Result<Self, usize> {
        let depth = DEPTH.with(|d| {
            d.set(d.get() + 1);
            d.get()
        });
        let guard = DepthGuard;
        if depth > MAX_HEADING_DEPTH {
            return Err(depth);
        }
        Ok(guard)
    }
}
impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// A block written as a map: a section, or `table:`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockMap {
    #[serde(default, deserialize_with = "one_line_opt")]
    heading: Option<Text>,
    #[serde(default, deserialize_with = "one_line_opt")]
    text: Option<Text>,
    #[serde(default)]
    body: Option<Vec<Block>>,
    #[serde(default)]
    table: Option<crate::table::Table>,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Block;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a paragraph (text), a section (a map with `heading`, and optionally `text` and `body`) or a table (`table:`)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Block, E> {
                let t = v.trim();
                if t.is_empty() {
                    return Err(E::custom(
                        "expected a paragraph's text, found an empty string",
                    ));
                }
                check_one_line(t).map_err(E::custom)?;
                Ok(Block::Paragraph(t.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Block, A::Error> {
                // The depth counts sections; a table inside the deepest
                // section is fine.
                let depth = DepthGuard::enter();
                let m = BlockMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if let Some(table) = m.table {
                    if m.heading.is_some() || m.text.is_some() || m.body.is_some() {
                        return Err(de::Error::custom(
                            "a table is an item of its own (`- table: …`): it cannot share a map with                              `heading`, `text` or `body`; put it in the section's `body`",
                        ));
                    }
                    return Ok(Block::Table(table));
                }
                let _guard = depth.map_err(|depth| {
                    de::Error::custom(format!(
                        "a section nested {depth} levels deep; the standard numbers four levels \
                         (一、 / （一） / 1. / （1）, GB/T 9704-2012 §7.3.3): make this a paragraph \
                         or move it up a level"
                    ))
                })?;
                let Some(heading) = m.heading else {
                    return Err(de::Error::custom(
                        "missing field `heading`: a section is a map with `heading` (and optionally \
                         `text` and `body`); a table is written `- table: {rows: [...]}`",
                    ));
                };
                Ok(Block::Section(Section {
                    heading,
                    text: m.text,
                    body: m.body.unwrap_or_default(),
                }))
            }
        }
        d.deserialize_any(V)
    }
}

impl Document {
    /// Every table of the document (正文 and attachments) with its field,
    /// e.g. `body[2].body[1].table`, in reading order.
    pub fn tables(&self) -> Vec<(String, crate::table::Table)> {
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

fn tables_in(blocks: &[Block], path: &str, out: &mut Vec<(String, crate::table::Table)>) {
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
