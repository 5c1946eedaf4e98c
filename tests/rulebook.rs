//! One rulebook (`src/rules/`): whatever `gen pdf` or `gen docx` refuses
//! for what the YAML says, `gen check` reports first, as an error at the
//! same field and the same place. Checked as a property over generated
//! documents of every format, with every seal combination, and with a
//! character no font has in any one of their texts.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use gongwen::assets::Assets;
use gongwen::check::{Severity, check_bytes};
use gongwen::error::{Error, Pos};
use gongwen::fonts::Role;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

use common::{fonts, path_str, root, run_gen};

/// A character of the supplementary private use area: no bundled font has
/// it, in any typeface (checked below).
const UNCOVERED: char = '\u{F0001}';

/// A folder with the seal images the generated documents name.
fn folder() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = common::tempdir();
        std::fs::create_dir_all(dir.path().join("seals")).unwrap();
        for name in ["culture.png", "education.png"] {
            std::fs::copy(
                root().join("data/seals").join(name),
                dir.path().join("seals").join(name),
            )
            .unwrap();
        }
        dir
    })
    .path()
}

/// The choices a generated document is made of: its format, and for each
/// field a die (0..100) that the format reads. Each format mostly gets the
/// fields it has, and now and then one it has no place for, so that every
/// rule is met both kept and broken.
#[derive(Debug, Clone)]
struct Choices {
    format: usize,
    kind: usize,
    dice: [u8; 19],
    /// Which text (counted over those the document has) gets the
    /// character no font has, if any.
    glyph: Option<usize>,
}

fn choices() -> impl Strategy<Value = Choices> {
    (
        0..5usize,
        0..5usize,
        prop::array::uniform19(0..100u8),
        prop::option::weighted(0.4, 0..40usize),
    )
        .prop_map(|(format, kind, dice, glyph)| Choices {
            format,
            kind,
            dice,
            glyph,
        })
}

/// The document the choices make, as YAML.
fn yaml(c: &Choices) -> String {
    // Every text the user writes goes through `t`, which counts it and
    // puts the uncovered character into the chosen one.
    let mut slots = 0usize;
    let mut texts: Vec<(usize, String)> = Vec::new();
    let mut t = |s: &str| {
        let k = slots;
        slots += 1;
        texts.push((k, s.to_string()));
        format!("\"@{k}@\"")
    };
    let (letter, order, minutes) = (c.format == 2, c.format == 3, c.format == 4);
    // Whether die `i` falls under `percent`.
    let d = |i: usize, percent: u8| c.dice[i] < percent;
    let mut y = String::new();
    y += [
        "",
        "format: general\n",
        "format: letter\n",
        "format: order\n",
        "format: minutes\n",
    ][c.format];
    let kind = match c.kind {
        0 if order => "命令",
        0 if minutes => "纪要",
        0 if letter => "函",
        k => ["通知", "命令", "纪要", "函", "请示"][k],
    };
    y += &format!("kind: {kind}\n");
    if d(0, 30) {
        y += "copy_number: \"000017\"\n";
    }
    if d(1, 30) {
        y += &format!("classification: {{level: 秘密, period: {}}}\n", t("1年"));
    } else if d(1, 40) {
        y += "classification: {level: 秘密}\n";
    }
    let mark = c.dice[2];
    match (letter, order, minutes) {
        _ if mark < 8 => {}
        _ if mark < 16 => {
            y += &format!(
                "issuer_mark: {{organs: [{}, {}], suffix: {}}}\n",
                t("甲局"),
                t("乙局"),
                t("文件")
            )
        }
        _ if mark < 22 => y += &format!("issuer_mark: {{organs: [{}]}}\n", t("甲局")),
        (true, _, _) => y += &format!("issuer_mark: {}\n", t("甲市人民政府")),
        (_, true, _) => y += &format!("issuer_mark: {}\n", t("甲市人民政府令")),
        (_, _, true) => y += &format!("issuer_mark: {}\n", t("甲市人民政府专题会议纪要")),
        _ => y += &format!("issuer_mark: {}\n", t("甲市人民政府文件")),
    }
    if d(3, if order || minutes { 10 } else { 60 }) {
        y += &format!("doc_number: {}\n", t("甲发〔2024〕3号"));
    }
    if d(4, if letter || order || minutes { 10 } else { 30 }) {
        y += &format!("signers: [{}]\n", t("张三"));
    }
    if d(5, if order { 90 } else { 5 }) {
        y += &format!(
            "order_number: {}\n",
            t(if d(6, 90) { "第3号" } else { "三号" })
        );
    }
    if d(7, if minutes { 80 } else { 5 }) {
        y += &format!("issue_number: {}\n", t("第2期"));
    }
    if d(8, 92) {
        y += &format!("title: {}\n", t("关于做好测试工作的通知"));
    }
    if d(9, 60) {
        y += &format!(
            "addressees: [{}, {}]\n",
            t("各区人民政府"),
            t("市政府各部门")
        );
    }
    y += "body:\n";
    y += &format!("  - {}\n", t("现将有关事项通知如下。"));
    if d(10, 40) {
        y += &format!(
            "  - heading: {}\n    text: {}\n    body:\n      - heading: {}\n      - {}\n",
            t("总体要求"),
            t("坚持问题导向。"),
            t("工作目标"),
            t("全面完成。")
        );
    }
    if d(11, 25) {
        y += &format!(
            "  - table:\n      caption: {}\n      header: [[{}, {}]]\n      rows: [[{}, {}]]\n",
            t("完成情况"),
            t("区"),
            t("户数"),
            t("东区"),
            t("1204")
        );
    }
    if d(12, 20) {
        y += &format!("attachments: [{}]\n", t("检查表"));
    } else if d(12, 35) {
        y += &format!(
            "attachments:\n  - title: {}\n    body: [{}]\n",
            t("值班安排表"),
            t("二十四小时值班。")
        );
    }
    let issuers = match c.dice[13] {
        0..10 => 0,
        10..80 => 1,
        _ => 2,
    };
    match issuers {
        1 => y += &format!("issuer: [{}]\n", t("甲市人民政府")),
        2 => y += &format!("issuer: [{}, {}]\n", t("甲局"), t("乙局")),
        _ => {}
    }
    y += "date: 2024-03-05\n";
    if d(14, 30) {
        y += &format!("note: {}\n", t("此件公开发布"));
    }
    if d(15, if minutes { 85 } else { 5 }) {
        if d(16, 90) {
            y += &format!("attendance: {{present: [{}]}}\n", t("张三"));
        } else {
            y += "attendance: {}\n";
        }
    }
    // Seals: a 命令 mostly signed with its 签名章, a 纪要 mostly unsealed,
    // the others anything.
    let seal = c.dice[17];
    let (seal, signature) = match (order, minutes) {
        (true, _) if seal < 80 => (["", "seal: signature\n"][usize::from(seal < 40)], true),
        (_, true) if seal < 85 => ("", false),
        _ => (
            [
                "",
                "seal: none\n",
                "seal: seal\n",
                "seal: signature\n",
                if issuers == 2 {
                    "seal: [seals/culture.png, seals/education.png]\n"
                } else {
                    "seal: seals/culture.png\n"
                },
                "seal: [seals/culture.png, seals/education.png]\n",
            ][usize::from(seal % 6)],
            c.dice[18] < 15,
        ),
    };
    y += seal;
    if signature {
        y += &format!(
            "signature_seal: {{title: {}, image: seals/culture.png}}\n",
            t("市长")
        );
    }
    if d(18, 40) {
        y += &format!("cc: [{}]\n", t("市委办公室"));
    }
    if d(16, if letter { 10 } else { 40 }) {
        y += &format!(
            "printing: {{organ: {}, date: 2024-03-05}}\n",
            t("甲市人民政府办公室")
        );
    }
    let glyph = c.glyph.map(|g| g % slots.max(1));
    for (k, text) in texts {
        let text = if Some(k) == glyph {
            // Inside the text, not at its edge (where it might be trimmed).
            let mut chars: Vec<char> = text.chars().collect();
            chars.insert(chars.len().min(1), UNCOVERED);
            chars.into_iter().collect()
        } else {
            text
        };
        y = y.replace(&format!("@{k}@"), &text);
    }
    y
}

/// Why the writers refuse the document at `path`, if they do: `gen pdf`'s
/// error, or else `gen docx`'s. Each reads the document as `gen` does:
/// load, the images, then the writer.
fn refusal(path: &Path) -> Option<Error> {
    let (doc, source) = match gongwen::load::load(path) {
        Ok(loaded) => loaded,
        Err(e) => return Some(e),
    };
    let assets = match Assets::load(&doc, &source, None) {
        Ok(a) => a,
        Err(e) => return Some(e),
    };
    // Laid out once, as `gen pdf` and `gen docx` do; each writer then reads
    // the same pages.
    let typesetter = gongwen::layout::Typesetter::new(fonts(), Default::default());
    let laid = match typesetter.lay_out(&doc, &source, &assets) {
        Ok(laid) => laid,
        Err(e) => return Some(e),
    };
    if let Err(e) = gongwen::pdf::export(&laid, &gongwen::pdf::Settings::default()) {
        return Some(e);
    }
    gongwen::docx::render(&laid, gongwen::docx::Options::default()).err()
}

/// The field a refusal names, and where it points in the file (if it
/// says).
fn field_of(e: &Error) -> Option<(String, Option<Pos>)> {
    match e {
        Error::Format { field, pos, .. } | Error::Image { field, pos, .. } => {
            Some((field.clone(), *pos))
        }
        Error::Invalid { pos, message, .. } => {
            // The model's messages start with their field, as `gen check`'s
            // schema rule reads them.
            let field = match message.split_once(": ") {
                Some((p, _)) if !p.contains(' ') => p.to_string(),
                _ => String::new(),
            };
            Some((field, *pos))
        }
        Error::Seal { field, .. } => Some((field.to_string(), None)),
        _ => None,
    }
}

/// The property for one document: a refusal by the writers is an error
/// finding of `gen check` at the same field and place.
fn check_agrees(yaml: &str) -> Result<(), TestCaseError> {
    let path: PathBuf = folder().join("doc.yaml");
    std::fs::write(&path, yaml).unwrap();
    let Some(e) = refusal(&path) else {
        return Ok(());
    };
    let Some((field, pos)) = field_of(&e) else {
        return Err(TestCaseError::fail(format!(
            "the writers refuse without naming a field: {e}\n{yaml}"
        )));
    };
    let report = check_bytes(&path, yaml.as_bytes(), fonts()).unwrap();
    let found = report.findings.iter().any(|f| {
        f.severity == Severity::Error
            && f.path == field
            && pos.is_none_or(|p| (f.line, f.column) == (p.line, p.column))
    });
    prop_assert!(
        found,
        "the writers refuse at {field} ({pos:?}): {e}\nbut gen check reports:\n{}\n{yaml}",
        report.render()
    );
    Ok(())
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn whatever_the_writers_refuse_gen_check_reports_at_the_same_field(c in choices()) {
        check_agrees(&yaml(&c))?;
    }
}

#[test]
fn the_uncovered_character_is_in_no_font() {
    for role in [Role::Body, Role::Hei, Role::Kai, Role::Title, Role::Song] {
        assert!(!fonts().covers(role, UNCOVERED), "{role:?}");
    }
}

#[test]
fn the_generator_makes_documents_the_writers_take_and_refuse() {
    // The property says something only if the writers both take and refuse
    // generated documents, for each kind of reason the rulebook knows.
    let mut taken = 0;
    let mut refused: std::collections::BTreeMap<String, usize> = Default::default();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let path = folder().join("sample.yaml");
    for _ in 0..160 {
        let c = choices().new_tree(&mut runner).unwrap().current();
        std::fs::write(&path, yaml(&c)).unwrap();
        match refusal(&path) {
            None => taken += 1,
            Some(e) => {
                let kind = match &e {
                    Error::Format { message, .. } if message.contains("U+F0001") => "glyph",
                    Error::Format { message, .. } if message.contains("信函") => "letter",
                    Error::Format { message, .. } if message.contains("印章") => "seal",
                    Error::Format { .. } => "format",
                    Error::Invalid { .. } => "model",
                    _ => "other",
                };
                *refused.entry(kind.to_string()).or_default() += 1;
            }
        }
    }
    assert!(taken >= 16, "{taken} taken, refused: {refused:?}");
    for kind in ["glyph", "letter", "seal", "format"] {
        assert!(
            refused.get(kind).is_some_and(|&n| n >= 3),
            "{kind}: {refused:?}"
        );
    }
}

/// The drift the rulebook ends: a character no font has in the 保密期限
/// passed `gen check` with no findings while `gen pdf` refused it, naming
/// the wrong field (`header`) and the wrong element (first-level heading).
#[test]
fn an_uncovered_character_in_the_secrecy_period_is_found_by_check_and_named_by_pdf() {
    let dir = common::tempdir();
    let path = dir.path().join("doc.yaml");
    std::fs::write(
        &path,
        format!(
            "kind: 通知\ntitle: 关于测试的通知\nclassification: {{level: 秘密, period: \"1年{UNCOVERED}\"}}\n\
             body: [正文。]\nissuer: 甲局\ndate: 2024-03-05\n"
        ),
    )
    .unwrap();
    // The 保密期限's value starts at column 38 (after the quote at 37);
    // the character follows `1年`.
    let o = run_gen(&["check", path_str(&path)]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("doc.yaml:3:40: error: classification.period: ")
            && out.contains("黑体 (密级和保密期限)"),
        "{out}"
    );
    for writer in ["pdf", "docx"] {
        let out_file = dir.path().join(format!("doc.{writer}"));
        let o = run_gen(&[writer, path_str(&path), "-o", path_str(&out_file)]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{writer}");
        assert!(
            err.contains("doc.yaml:3:40: classification.period: no bundled or chosen font")
                && err.contains("that 黑体 (密级和保密期限) text uses"),
            "{writer}: {err}"
        );
        assert!(
            !err.contains("header") && !err.contains("first-level heading"),
            "{err}"
        );
    }
}
