//! The model's hand-written serde visitors: what a field accepts beyond
//! its type (one line of text, six digits, a size in millimetres, a fifth
//! heading level refused with its position), with messages that say what
//! was expected.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess};

use super::*;

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
pub(super) fn organs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
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
pub(super) fn check_one_line(t: &str) -> Result<(), String> {
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

pub(super) fn one_line<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    let t = Text::deserialize(d)?;
    check_one_line(&t.0).map_err(de::Error::custom)?;
    Ok(t)
}

pub(super) fn one_line_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Text>, D::Error> {
    one_line(d).map(Some)
}

/// 份号: "一般用6位3号阿拉伯数字" (§7.2.1). Written as a string, so that the
/// leading zeros survive (`000017`).
pub(super) fn copy_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Some(s))
    } else {
        Err(de::Error::custom(format!(
            "expected 份号 as six Arabic digits in quotes, e.g. \"000017\" (GB/T 9704-2012 §7.2.1), found {s:?}"
        )))
    }
}

pub(super) fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
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

/// The fifteen names, for messages.
pub(super) const FIFTEEN: [&str; 15] = {
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
pub(super) const MAX_SEAL_MM: f64 = 156.0;

pub(super) fn millimetres<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let v = f64::deserialize(d)?;
    if v.is_finite() && v > 0.0 && v <= MAX_SEAL_MM {
        Ok(Some(v))
    } else {
        Err(de::Error::custom(format!(
            "expected a size in millimetres, more than 0 and at most {MAX_SEAL_MM} (the 版心's width), found {v}"
        )))
    }
}

pub(super) fn seal_image<E: de::Error>(path: &str) -> Result<SealImage, E> {
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

/// Attendance entries: each one line of text (an empty list is allowed
/// and prints nothing).
pub(super) fn entries<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let names: Vec<Text> = Vec::deserialize(d)?;
    names
        .into_iter()
        .map(|t| check_one_line(&t.0).map(|()| t.0))
        .collect::<Result<_, _>>()
        .map_err(de::Error::custom)
}

thread_local! {
    /// Nesting depth of sections while deserialising (so that a fifth level
    /// is rejected with the YAML position of the offending item).
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

pub(super) struct DepthGuard;
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
pub(super) struct BlockMap {
    #[serde(default, deserialize_with = "one_line_opt")]
    heading: Option<Text>,
    #[serde(default, deserialize_with = "one_line_opt")]
    text: Option<Text>,
    #[serde(default)]
    body: Option<Vec<Block>>,
    #[serde(default)]
    table: Option<super::table::Table>,
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
