//! The editor's form: which fields each format offers (asked of the
//! rulebook, not written again here), and the document as JSON for the
//! form and as YAML for the file, converted both ways with the fields in
//! paper order.

use serde::Serialize;
use serde_json::Value as Json;
use serde_yaml_ng::Value as Yaml;

use crate::load::{self, Source};
use crate::rules::{self, Severity};

/// The top-level fields in paper order: 版头, 主体, 版记 (then settings).
pub const FIELD_ORDER: &[&str] = &[
    "format",
    "kind",
    "copy_number",
    "classification",
    "urgency",
    "issuer_mark",
    "order_number",
    "issue_number",
    "doc_number",
    "signers",
    "title",
    "addressees",
    "body",
    "attachments",
    "issuer",
    "date",
    "seal",
    "signature_seal",
    "attendance",
    "note",
    "cc",
    "printing",
    "table_size",
    "single_sided",
];

/// Keys of nested maps, in the order they are read.
const NESTED_ORDER: &[&str] = &[
    "level",
    "period",
    "organs",
    "suffix",
    "title",
    "name",
    "heading",
    "text",
    "body",
    "image",
    "diameter",
    "width",
    "present",
    "on_leave",
    "attending",
    "organ",
    "date",
    "caption",
    "columns",
    "header",
    "rows",
    "orientation",
];

/// The fields one format offers.
#[derive(Debug, Clone, Serialize)]
pub struct FormatFields {
    /// `general`, `letter`, `order`, `minutes`.
    pub format: &'static str,
    /// The optional fields the rulebook lets this format have, in paper
    /// order.
    pub fields: Vec<&'static str>,
}

/// The smallest valid document of each format.
fn base(format: &str) -> &'static str {
    match format {
        "order" => {
            "format: order\nkind: 命令\nissuer_mark: 测试市人民政府令\norder_number: 第1号\n\
             issuer: 测试市人民政府\ndate: 2024-01-02\nbody: [正文。]\n"
        }
        "minutes" => {
            "format: minutes\nkind: 纪要\nissuer_mark: 测试市人民政府专题会议纪要\n\
             title: 测试会议纪要\nissuer: 测试市人民政府\ndate: 2024-01-02\nbody: [正文。]\n"
        }
        "letter" => {
            "format: letter\nkind: 函\nissuer_mark: 测试市人民政府办公室\ntitle: 关于测试的函\n\
             issuer: 测试市人民政府办公室\ndate: 2024-01-02\nbody: [正文。]\n"
        }
        _ => {
            "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试局\ndate: 2024-01-02\nbody: [正文。]\n"
        }
    }
}

/// A sample value of each optional field, to ask the rulebook whether a
/// format has a place for it.
const SAMPLES: &[(&str, &str)] = &[
    ("copy_number", "copy_number: '000001'"),
    (
        "classification",
        "classification: {level: 秘密, period: 1年}",
    ),
    ("urgency", "urgency: 特急"),
    ("issuer_mark", "issuer_mark: 测试局文件"),
    ("order_number", "order_number: 第2号"),
    ("issue_number", "issue_number: 第2期"),
    ("doc_number", "doc_number: 测发〔2024〕1号"),
    ("signers", "signers: [张三]"),
    ("title", "title: 关于测试的通知"),
    ("addressees", "addressees: [各区人民政府]"),
    ("attachments", "attachments: [测试附件]"),
    ("seal", "seal: signature"),
    (
        "signature_seal",
        "signature_seal: {title: 市长, image: seals/s.png}",
    ),
    ("attendance", "attendance: {present: [张三]}"),
    ("note", "note: 联系人：张三"),
    ("cc", "cc: [测试局办公室]"),
    (
        "printing",
        "printing: {organ: 测试局办公室, date: 2024-01-02}",
    ),
];

/// Which optional fields each format has, asked of the rulebook: a field
/// is offered unless adding it to a valid document of the format makes
/// the rulebook refuse the document at that field.
pub fn formats() -> Vec<FormatFields> {
    ["general", "letter", "order", "minutes"]
        .into_iter()
        .map(|format| {
            let base = base(format);
            let fields = SAMPLES
                .iter()
                .filter(|(field, sample)| {
                    let text = replace_field(base, field, sample);
                    !refuses_field(&text, field)
                })
                .map(|(field, _)| *field)
                .collect();
            FormatFields { format, fields }
        })
        .collect()
}

/// `base` with `field` set by `line` (replacing its own line if it has one).
fn replace_field(base: &str, field: &str, line: &str) -> String {
    let prefix = format!("{field}:");
    let mut out: String = base
        .lines()
        .filter(|l| !l.starts_with(&prefix))
        .map(|l| format!("{l}\n"))
        .collect();
    out.push_str(line);
    out.push('\n');
    out
}

/// Whether the rulebook refuses `yaml` at `field` (or the model cannot
/// hold it there).
fn refuses_field(yaml: &str, field: &str) -> bool {
    let source = Source {
        path: "form.yaml".into(),
        text: yaml.to_string(),
    };
    let Ok(doc) = load::parse_model(&source) else {
        return true;
    };
    rules::violations(&doc).iter().any(|v| {
        matches!(v.severity, Severity::Refused | Severity::Unprintable)
            && (v.field == field || v.field.starts_with(&format!("{field}.")))
    })
}

/// The document's YAML as JSON for the form (`None`: not YAML, or not a
/// map at the top).
pub fn to_json(yaml: &str) -> Option<Json> {
    let value: Yaml = serde_yaml_ng::from_str(yaml).ok()?;
    let json = serde_json::to_value(&value).ok()?;
    json.is_object().then_some(json)
}

/// The form's JSON as YAML, the fields in paper order; empty values
/// (blank text, empty lists and maps) left out.
pub fn to_yaml(json: &Json) -> Result<String, String> {
    let Some(top) = json.as_object() else {
        return Err("表单数据不是一个对象".into());
    };
    let mut map = serde_yaml_ng::Mapping::new();
    for (k, v) in ordered(top, FIELD_ORDER) {
        if let Some(v) = yaml_of(v, false) {
            map.insert(Yaml::String(k.clone()), v);
        }
    }
    serde_yaml_ng::to_string(&Yaml::Mapping(map)).map_err(|e| e.to_string())
}

/// The entries of `map`, those named in `order` first in that order.
fn ordered<'a>(
    map: &'a serde_json::Map<String, Json>,
    order: &[&str],
) -> Vec<(&'a String, &'a Json)> {
    let mut entries: Vec<(&String, &Json)> = map.iter().collect();
    entries.sort_by_key(|(k, _)| order.iter().position(|o| o == k).unwrap_or(order.len()));
    entries
}

/// `keep`: inside a table, where a blank cell is a cell (dropping it
/// would change the table's shape).
fn yaml_of(v: &Json, keep: bool) -> Option<Yaml> {
    match v {
        Json::Null => None,
        Json::Bool(b) => Some(Yaml::Bool(*b)),
        Json::Number(n) => Some(serde_yaml_ng::to_value(n).ok()?),
        Json::String(s) => {
            let s = s.trim_end_matches([' ', '\t']);
            (keep || !s.trim().is_empty()).then(|| Yaml::String(s.to_string()))
        }
        Json::Array(items) => {
            let items: Vec<Yaml> = items.iter().filter_map(|v| yaml_of(v, keep)).collect();
            (keep || !items.is_empty()).then_some(Yaml::Sequence(items))
        }
        Json::Object(map) => {
            let mut out = serde_yaml_ng::Mapping::new();
            for (k, v) in ordered(map, NESTED_ORDER) {
                if let Some(v) = yaml_of(v, keep || k == "table") {
                    out.insert(Yaml::String(k.clone()), v);
                }
            }
            (!out.is_empty()).then_some(Yaml::Mapping(out))
        }
    }
}

/// The form's field where a finding about `path` is shown: its own, or,
/// for one about the whole document (`kind`, `format`, none) whose
/// suggestion names the field that would satisfy it (`add \`signers: …\``,
/// `issuer_mark: 清河市人民政府令`), that field.
pub fn field_for(path: &str, suggestion: Option<&str>) -> String {
    if !matches!(path, "" | "kind" | "format") {
        return path.to_string();
    }
    let named = suggestion.and_then(|s| {
        let s = s.trim_start_matches("add ").trim_start_matches('`');
        let (name, _) = s.split_once(':')?;
        FIELD_ORDER.contains(&name).then(|| name.to_string())
    });
    named.unwrap_or_else(|| path.to_string())
}

/// Sets the value at a finding's field path (`body[2].heading`,
/// `doc_number`) in the form's JSON; `false` when the path is not there.
pub fn set_path(json: &mut Json, path: &str, value: &str) -> bool {
    let mut at = json;
    for part in path.split('.') {
        let (name, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            let Some(next) = at.get_mut(name) else {
                return false;
            };
            at = next;
        }
        for index in indexes.split('[').filter(|s| !s.is_empty()) {
            let Some(k) = index
                .strip_suffix(']')
                .and_then(|k| k.parse::<usize>().ok())
            else {
                return false;
            };
            let Some(next) = at.get_mut(k) else {
                return false;
            };
            at = next;
        }
    }
    if !at.is_string() {
        return false;
    }
    *at = Json::String(value.to_string());
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(format: &str) -> Vec<&'static str> {
        formats()
            .into_iter()
            .find(|f| f.format == format)
            .unwrap()
            .fields
    }

    /// §10: what each format has no place for is not offered.
    #[test]
    fn each_format_offers_what_the_standard_gives_it() {
        let general = fields("general");
        for f in [
            "copy_number",
            "doc_number",
            "signers",
            "printing",
            "cc",
            "note",
        ] {
            assert!(general.contains(&f), "general lacks {f}");
        }
        assert!(!general.contains(&"order_number"));
        assert!(!general.contains(&"attendance"));
        // §10.2: a 命令 has a 令号, no 发文字号 and no 签发人.
        let order = fields("order");
        assert!(order.contains(&"order_number"));
        assert!(!order.contains(&"doc_number"));
        assert!(!order.contains(&"signers"));
        // §10.3: a 纪要 has attendance lists, no seal, no 签发人.
        let minutes = fields("minutes");
        assert!(minutes.contains(&"attendance"));
        assert!(!minutes.contains(&"signers"));
        assert!(!minutes.contains(&"seal"));
        assert!(!minutes.contains(&"signature_seal"));
        // §10.1: a 信函 has no 印发 row and no 签发人.
        let letter = fields("letter");
        assert!(!letter.contains(&"printing"));
        assert!(!letter.contains(&"signers"));
        assert!(letter.contains(&"doc_number"));
    }

    #[test]
    fn the_form_round_trips_in_paper_order() {
        let yaml = "date: 2024-01-02\nbody:\n- 正文。\n- heading: 总体要求\n  body:\n  - 段落。\n\
                    title: 关于测试的通知\nkind: 通知\nissuer: 测试局\ncc: []\n";
        let json = to_json(yaml).unwrap();
        let out = to_yaml(&json).unwrap();
        assert_eq!(
            out,
            "kind: 通知\ntitle: 关于测试的通知\nbody:\n- 正文。\n- heading: 总体要求\n  body:\n  - 段落。\n\
             issuer: 测试局\ndate: 2024-01-02\n"
        );
        let doc = load::parse(&Source {
            path: "t.yaml".into(),
            text: out,
        })
        .unwrap();
        assert_eq!(doc.title.unwrap().as_str(), "关于测试的通知");
    }

    /// A blank cell stays a cell: the row keeps its width.
    #[test]
    fn blank_table_cells_are_kept() {
        let json =
            to_json("body:\n- table:\n    header: [[项目, 数量]]\n    rows: [[消防设施, '']]\n")
                .unwrap();
        let out = to_yaml(&json).unwrap();
        assert!(out.contains("- - 消防设施\n      - ''\n"), "{out}");
        let body = "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试局\ndate: 2024-01-02\n";
        load::parse(&Source {
            path: "t.yaml".into(),
            text: format!("{body}{out}"),
        })
        .unwrap();
    }

    #[test]
    fn a_finding_about_the_document_stands_at_the_field_that_answers_it() {
        assert_eq!(
            field_for("kind", Some("add `signers: [签发人姓名]`")),
            "signers"
        );
        assert_eq!(
            field_for("format", Some("issuer_mark: 清河市人民政府令")),
            "issuer_mark"
        );
        assert_eq!(field_for("format", None), "format");
        assert_eq!(field_for("title", Some("关于")), "title");
    }

    #[test]
    fn a_fix_lands_at_its_field() {
        let mut json = to_json("body:\n- heading: 一、总体要求\n").unwrap();
        assert!(set_path(&mut json, "body[0].heading", "总体要求"));
        assert_eq!(json["body"][0]["heading"], "总体要求");
        assert!(!set_path(&mut json, "body[3].heading", "x"));
        assert!(!set_path(&mut json, "body", "x"));
    }
}
