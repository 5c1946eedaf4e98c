//! The YAML format as a JSON Schema (draft 2020-12), generated from the
//! model's types with `schemars`, so that editors can complete and check a
//! document while it is written (`gen schema`).
//!
//! Most types derive their schema next to their `Deserialize` (their serde
//! attributes — `deny_unknown_fields`, renames, defaults — carry over). The
//! types that deserialise by hand get their schema here, written from the
//! same rule their deserialiser enforces.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::json;

use crate::date::Date;
use crate::model::{
    Attachment, Block, Document, ImagePath, IssuerMark, Kind, Seal, SealImage, Section, Text,
};

/// What the schema calls itself.
pub const TITLE: &str = "gongwen document (公文, GB/T 9704-2012)";

/// The file name `gen build` gives the schema in its output folder.
pub const FILE_NAME: &str = "gongwen.schema.json";

/// The schema of one document file.
pub fn document_schema() -> Schema {
    let mut schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Document>();
    schema.insert("title".into(), TITLE.into());
    schema.insert("allOf".into(), format_rules());
    schema
}

/// What each format requires and allows (the rules of
/// [`crate::rules::formats`], §10): a 命令 needs its mark and 令号 and may
/// go without a title; every other format needs a title; the 令号 belongs
/// to a 命令 only; a 纪要 needs its mark and has no seal, 签名章, 签发人 or
/// 发文字号; the 期号 and attendance lists belong to a 纪要 only.
fn format_rules() -> serde_json::Value {
    let is = |format: &str| serde_json::json!({ "properties": { "format": { "const": format } }, "required": ["format"] });
    let absent = |fields: &[&str]| serde_json::json!({ "not": { "anyOf": fields.iter().map(|f| serde_json::json!({ "required": [f] })).collect::<Vec<_>>() } });
    serde_json::json!([
        {
            "if": is("order"),
            "then": { "required": ["issuer_mark", "order_number"], "allOf": [absent(&["doc_number", "signers"])] },
            "else": { "required": ["title"], "allOf": [absent(&["order_number"])] },
        },
        {
            "if": is("minutes"),
            "then": {
                "required": ["issuer_mark"],
                "allOf": [
                    absent(&["signature_seal", "signers", "doc_number"]),
                    { "properties": { "seal": { "const": "none" } } },
                ],
            },
            "else": absent(&["issue_number", "attendance"]),
        },
    ])
}

/// The schema as pretty JSON text, ending in a line feed.
pub fn document_schema_json() -> String {
    let mut text =
        serde_json::to_string_pretty(&document_schema()).expect("a schema serialises as JSON");
    text.push('\n');
    text
}

/// Non-blank text: what [`Text`] accepts (it trims; empty is an error).
const NON_BLANK: &str = r"\S";

/// One line of non-blank text: what the loader accepts for a paragraph or
/// a heading (no control character, line feeds included).
const ONE_LINE: &str = r"^[^\u0000-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F][^\u0000-\u001F\u007F-\u009F]*$";

/// A paragraph or heading: one line of text.
pub fn one_line(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": ONE_LINE,
        "description": "One line of text (no line break: start a new paragraph instead).",
    })
}

/// A list of one-line entries (a 纪要's attendance list).
pub fn one_line_list(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "array", "items": one_line(generator) })
}

/// 发文机关署名: one name, or a list of names for a joint document.
pub fn one_or_many(generator: &mut SchemaGenerator) -> Schema {
    let name = generator.subschema_for::<Text>();
    json_schema!({
        "anyOf": [name, { "type": "array", "items": name }],
    })
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": NON_BLANK })
    }
}

impl JsonSchema for Kind {
    fn schema_name() -> Cow<'static, str> {
        "Kind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let names: Vec<&str> = Kind::NAMES.iter().map(|(name, _)| *name).collect();
        json_schema!({
            "type": "string",
            "enum": names,
            "description": "文种: one of the fifteen kinds of 条例 Art. 8, written in Chinese.",
        })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date written YYYY-MM-DD, e.g. 2019-08-14.",
        })
    }
}

impl JsonSchema for Block {
    fn schema_name() -> Cow<'static, str> {
        "Block".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let section = generator.subschema_for::<Section>();
        let table = generator.subschema_for::<crate::model::table::Table>();
        json_schema!({
            "description": "A paragraph (one line of text), a numbered section, or a table (§8).",
            "anyOf": [
                one_line(generator),
                section,
                {
                    "type": "object",
                    "properties": { "table": table },
                    "required": ["table"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

impl JsonSchema for ImagePath {
    fn schema_name() -> Cow<'static, str> {
        "ImagePath".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": NON_BLANK,
            "description": "An image file (PNG with transparency, or a self-contained SVG), relative to the YAML file and inside its folder.",
        })
    }
}

impl JsonSchema for Seal {
    fn schema_name() -> Cow<'static, str> {
        "Seal".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let path = generator.subschema_for::<ImagePath>();
        let image = generator.subschema_for::<SealImage>();
        json_schema!({
            "description": "印章 (§7.3.5.1): an image path, a map {image, diameter}, or a list of either (one per issuer); `none`, `seal` (no image: refused when typeset) or `signature` (the 签名章 in signature_seal).",
            "anyOf": [
                path,
                image,
                { "type": "array", "minItems": 1, "items": { "anyOf": [path, image] } },
            ],
        })
    }
}

impl JsonSchema for IssuerMark {
    fn schema_name() -> Cow<'static, str> {
        "IssuerMark".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "发文机关标志 (§7.2.4): one line, or {organs, suffix} for a joint document.",
            "anyOf": [
                { "type": "string", "pattern": NON_BLANK },
                {
                    "type": "object",
                    "properties": {
                        "organs": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": ONE_LINE } },
                        "suffix": { "type": "string", "pattern": ONE_LINE },
                    },
                    "required": ["organs"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

impl JsonSchema for Attachment {
    fn schema_name() -> Cow<'static, str> {
        "Attachment".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let block = generator.subschema_for::<Block>();
        json_schema!({
            "description": "附件 (§7.3.4, §7.3.7): its name, or {title, name, body} with its content.",
            "anyOf": [
                { "type": "string", "pattern": NON_BLANK },
                {
                    "type": "object",
                    "properties": {
                        "title": { "type": "string", "pattern": NON_BLANK },
                        "name": { "type": "string", "pattern": NON_BLANK },
                        "body": { "type": "array", "items": block },
                    },
                    "required": ["title", "body"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

impl JsonSchema for crate::model::table::Cell {
    fn schema_name() -> Cow<'static, str> {
        "Cell".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let span = json!({ "type": "integer", "minimum": 1 });
        json_schema!({
            "description": "A table cell: its text (one line; a number or truth value is taken exactly as written, e.g. 0.50, 1e3, 007, true), or {text, colspan, rowspan}.",
            "anyOf": [
                { "type": "string", "pattern": CELL_TEXT },
                { "type": "number" },
                { "type": "boolean" },
                { "type": "null" },
                {
                    "type": "object",
                    "properties": {
                        "text": { "anyOf": [{ "type": "string", "pattern": CELL_TEXT }, { "type": "number" }, { "type": "boolean" }] },
                        "colspan": span,
                        "rowspan": span,
                    },
                    "additionalProperties": false,
                },
            ],
        })
    }
}

/// A cell's text: one line, possibly empty.
const CELL_TEXT: &str = r"^[^\u0000-\u001F\u007F-\u009F]*$";

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    fn schema() -> Value {
        serde_json::from_str(&document_schema_json()).unwrap()
    }

    #[test]
    fn is_draft_2020_12_and_closed() {
        let s = schema();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["additionalProperties"], false);
        let required: Vec<&str> = s["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for field in ["kind", "body", "date"] {
            assert!(required.contains(&field), "{field} not required");
        }
        assert!(!required.contains(&"issuer"));
        // The title is required except in a 命令 (§10.2), which needs its
        // 令号 instead.
        assert!(!required.contains(&"title"));
        let order = &s["allOf"][0];
        assert_eq!(order["if"]["properties"]["format"]["const"], "order");
        assert_eq!(order["else"]["required"], serde_json::json!(["title"]));
        assert_eq!(
            order["then"]["required"],
            serde_json::json!(["issuer_mark", "order_number"])
        );
    }

    #[test]
    fn kinds_are_the_fifteen_and_the_forms_of_order() {
        let s = schema();
        let names: Vec<&str> = s["$defs"]["Kind"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "决议",
                "决定",
                "命令",
                "公报",
                "公告",
                "通告",
                "意见",
                "通知",
                "通报",
                "报告",
                "请示",
                "批复",
                "议案",
                "函",
                "纪要",
                "令",
                "命令（令）"
            ]
        );
    }
}
