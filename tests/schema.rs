//! `gen schema`: the JSON Schema of the YAML format, checked by a third
//! party (check-jsonschema) against every document in data/ and against
//! documents written here — the loader and the schema must agree.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::tools::{Tool, need, venv_tool};
use common::{path_str, run_gen};

/// check-jsonschema from the test venv (`.ci/run` installs it beside the
/// Python that `GONGWEN_PYTHON` names).
fn check_jsonschema() -> PathBuf {
    venv_tool("check-jsonschema")
}

fn schema_file(dir: &Path) -> PathBuf {
    let o = run_gen(&["schema"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let path = dir.join("gongwen.schema.json");
    std::fs::write(&path, &o.stdout).unwrap();
    path
}

/// Whether check-jsonschema accepts `files`; its report.
fn validate(schema: &Path, files: &[PathBuf]) -> (bool, String) {
    let o = Command::new(check_jsonschema())
        .arg("--schemafile")
        .arg(schema)
        .args(files)
        .output()
        .unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.success(), report)
}

/// Whether gongwen's loader accepts the document.
fn gen_loads(path: &Path) -> bool {
    gongwen::load::load(path).is_ok()
}

#[test]
fn the_schema_is_draft_2020_12_json() {
    let o = run_gen(&["schema"]);
    let schema: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["type"], "object");
}

#[test]
fn every_document_in_data_is_valid() {
    if !need(&[Tool::CheckJsonschema]) {
        return;
    }
    let dir = common::tempdir();
    let schema = schema_file(dir.path());
    let mut docs: Vec<PathBuf> = std::fs::read_dir(common::root().join("data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    docs.sort();
    assert!(!docs.is_empty());
    let (ok, report) = validate(&schema, &docs);
    assert!(ok, "{report}");
}

/// Documents using every field, in each of its written forms.
const VALID: &[&str] = &[
    // 版头, 版记, a joint 署名 as a list, sections four deep, run-in text.
    "copy_number: \"000017\"\nclassification: {level: 机密, period: 5年}\nurgency: 加急\n\
     issuer_mark: 甲乙联合文件\ndoc_number: 甲发〔2021〕3号\nsigners: [张三]\nkind: 请示\n\
     title: \"关于甲的\\n请示\"\naddressees: [上级机关]\nbody:\n  - 第一段。\n\
     \x20 - heading: 一级\n    body:\n      - heading: 二级\n        body:\n\
     \x20         - heading: 三级\n            body:\n              - heading: 四级\n\
     \x20               text: 正文。\nattachments: [附件甲]\nissuer: [甲机关, 乙机关]\n\
     date: 2021-06-30\nseal: signature\nnote: 联系人：张三\ncc: [丙机关]\n\
     printing: {organ: 甲机关办公室, date: \"2021-07-01\"}\nformat: general\n",
    // The fewest fields, a 文种 written 命令（令）, 署名 as one string.
    "kind: 命令（令）\ntitle: 嘉奖令\nissuer: 某部\ndate: 2020-02-29\nbody: [特此嘉奖。]\n",
    // A 命令 without a title (§10.2), with its 令号 and 签名章.
    "format: order\nkind: 令\nissuer_mark: 某市人民政府令\norder_number: 第3号\n\
     body: [现予公布。]\nsignature_seal: {title: 市长, image: s.png}\ndate: 2020-02-29\n",
    // A 纪要 (§10.3) with its 期号 and attendance lists.
    "format: minutes\nkind: 纪要\nissuer_mark: 某市人民政府常务会议纪要\nissue_number: 第2期\n\
     title: 常务会议纪要\nbody: [会议研究了有关事项。]\n\
     attendance: {present: [张三, 某局 李四], on_leave: [], attending: [王五]}\ndate: 2020-02-29\n",
];

/// Documents `gen` rejects, each for one reason the schema also sees.
const INVALID: &[(&str, &str)] = &[
    (
        "an unknown field",
        "kind: 通知\ntitel: 关于测试的通知\ndate: 2020-01-02\nbody: [正文。]\n",
    ),
    (
        "an unknown field in a section",
        "kind: 通知\ntitle: 关于测试的通知\ndate: 2020-01-02\nbody:\n  - heading: 甲\n    bdy: [正文。]\n",
    ),
    (
        "a 文种 that is not one of the fifteen",
        "kind: 会议纪要\ntitle: 会议纪要\ndate: 2020-01-02\nbody: [正文。]\n",
    ),
    (
        "a 份号 of five digits",
        "copy_number: \"00017\"\nkind: 通知\ntitle: 关于测试的通知\ndate: 2020-01-02\nbody: [正文。]\n",
    ),
    (
        "a missing 成文日期",
        "kind: 通知\ntitle: 关于测试的通知\nbody: [正文。]\n",
    ),
    (
        "a date not written YYYY-MM-DD",
        "kind: 通知\ntitle: 关于测试的通知\ndate: 2020年1月2日\nbody: [正文。]\n",
    ),
    (
        "a paragraph with a line break",
        "kind: 通知\ntitle: 关于测试的通知\ndate: 2020-01-02\nbody:\n  - \"第一行\\n第二行\"\n",
    ),
    (
        "an empty title",
        "kind: 通知\ntitle: \"  \"\ndate: 2020-01-02\nbody: [正文。]\n",
    ),
    (
        "a document other than a 命令 without a title",
        "kind: 通知\ndate: 2020-01-02\nbody: [正文。]\n",
    ),
    (
        "a 命令 without its 令号",
        "format: order\nkind: 令\nissuer_mark: 某市人民政府令\nbody: [现予公布。]\ndate: 2020-01-02\n",
    ),
    (
        "a 令号 outside a 命令",
        "kind: 通知\ntitle: 关于测试的通知\norder_number: 第3号\ndate: 2020-01-02\nbody: [正文。]\n",
    ),
    (
        "a 纪要 with a seal",
        "format: minutes\nkind: 纪要\nissuer_mark: 某会议纪要\ntitle: 某会议纪要\nseal: s.png\n\
         date: 2020-01-02\nbody: [正文。]\n",
    ),
    (
        "attendance lists outside a 纪要",
        "kind: 通知\ntitle: 关于测试的通知\nattendance: {present: [张三]}\ndate: 2020-01-02\nbody: [正文。]\n",
    ),
    (
        "a 密级 that does not exist",
        "classification: {level: 内部}\nkind: 通知\ntitle: 关于测试的通知\ndate: 2020-01-02\nbody: [正文。]\n",
    ),
];

#[test]
fn documents_gen_loads_are_valid_and_documents_it_rejects_are_not() {
    // Without check-jsonschema (and not required), only gen's side.
    let checker = need(&[Tool::CheckJsonschema]);
    let dir = common::tempdir();
    let schema = schema_file(dir.path());
    for (i, yaml) in VALID.iter().enumerate() {
        let path = dir.path().join(format!("valid{i}.yaml"));
        std::fs::write(&path, yaml).unwrap();
        assert!(gen_loads(&path), "gen rejects valid document {i}");
        if checker {
            let (ok, report) = validate(&schema, std::slice::from_ref(&path));
            assert!(ok, "valid document {i}: {report}");
        }
    }
    for (i, (why, yaml)) in INVALID.iter().enumerate() {
        let path = dir.path().join(format!("invalid{i}.yaml"));
        std::fs::write(&path, yaml).unwrap();
        assert!(!gen_loads(&path), "gen accepts {why}");
        if checker {
            let (ok, report) = validate(&schema, std::slice::from_ref(&path));
            assert!(!ok, "the schema accepts {why}: {report}");
        }
    }
}

#[test]
fn gen_build_publishes_the_same_schema() {
    let dir = common::tempdir();
    let out = dir.path().join("out");
    let o = run_gen(&["build", "data", "-o", path_str(&out), "--formats", "docx"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read(out.join("gongwen.schema.json")).unwrap(),
        run_gen(&["schema"]).stdout
    );
    // The DOCX files it wrote on the way.
    let docx: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert!(!docx.is_empty());
    common::ooxml::assert_valid(&docx.iter().map(PathBuf::as_path).collect::<Vec<_>>());
}
