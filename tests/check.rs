//! `gen check`: each rule, on input that trips it and input that does not,
//! with the clause and the file:line:column it reports; the exit status;
//! and no input makes it panic.

mod common;

use std::path::Path;

use common::{path_str, root, run_gen};
use gongwen::check::{Finding, Severity, check_bytes};
use proptest::prelude::*;

/// A clean document; each case below changes one thing.
const CLEAN: &str = "\
kind: 通知
title: 关于做好安全工作的通知
issuer: 测试机关
date: 2020-01-02
body:
  - 为做好安全工作，现通知如下。
  - heading: 总体要求
    text: 坚持安全第一。
";

fn lint(yaml: &str) -> Vec<Finding> {
    check_bytes(Path::new("t.yaml"), yaml.as_bytes(), common::fonts())
        .expect("lintable")
        .findings
}

/// The findings of `rule`, as (line, column, severity, clause).
fn of(findings: &[Finding], rule: &str) -> Vec<(usize, usize, Severity, &'static str)> {
    findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.line, f.column, f.severity, f.clause))
        .collect()
}

fn one<'a>(findings: &'a [Finding], rule: &str) -> &'a Finding {
    let found: Vec<&Finding> = findings.iter().filter(|f| f.rule == rule).collect();
    assert_eq!(found.len(), 1, "{rule}: {findings:#?}");
    found[0]
}

#[test]
fn clean_documents_have_no_findings() {
    assert_eq!(lint(CLEAN), []);
    let seed = std::fs::read_to_string(root().join(common::SEED)).unwrap();
    assert_eq!(lint(&seed), []);
}

#[test]
fn doc_number_form() {
    let bad = [
        ("国办发[2012]1号", "〔〕"),
        ("国办发【2012】1号", "〔〕"),
        ("国办发〔2012〕第1号", "第"),
        ("国办发〔2012〕01号", "zeros"),
    ];
    for (number, says) in bad {
        let f = lint(&CLEAN.replace(
            "issuer: 测试机关\n",
            &format!("issuer: 测试机关\ndoc_number: {number}\n"),
        ));
        let d = one(&f, "doc-number");
        assert_eq!(
            (d.line, d.column, d.severity, d.clause),
            (4, 13, Severity::Error, "GB/T 9704-2012 §7.2.5"),
            "{number}"
        );
        assert!(d.message.contains(says), "{number}: {}", d.message);
        assert_eq!(
            d.suggestion.as_deref(),
            Some("国办发〔2012〕1号"),
            "{number}"
        );
    }
    let good = lint(&CLEAN.replace(
        "issuer: 测试机关\n",
        "issuer: 测试机关\ndoc_number: 国办发〔2012〕1号\n",
    ));
    assert_eq!(of(&good, "doc-number"), []);
}

#[test]
fn real_calendar_dates() {
    let f = lint(&CLEAN.replace("date: 2020-01-02", "date: 2019-02-29"));
    assert_eq!(
        of(&f, "date"),
        [(4, 7, Severity::Error, "GB/T 9704-2012 §7.3.5.4")]
    );
    // The load error for the same place is not repeated.
    assert_eq!(of(&f, "schema"), []);
    let f = lint(&CLEAN.replace("date: 2020-01-02", "date: 2020年1月2日"));
    assert_eq!(
        of(&f, "date"),
        [(4, 7, Severity::Error, "GB/T 9704-2012 §7.3.5.4")]
    );
    // In the text: a date that does not exist, and one that lost its 月.
    let f = lint(&CLEAN.replace("为做好安全工作", "2019年2月30日和329日"));
    assert_eq!(
        of(&f, "date"),
        [(6, 5, Severity::Error, "GB/T 9704-2012 §9")]
    );
    let d = one(&f, "damaged-date");
    assert_eq!((d.line, d.column, d.severity), (6, 16, Severity::Warning));
    assert_eq!(d.suggestion.as_deref(), Some("3月29日"));
    // Leap days and sound text pass.
    assert_eq!(
        lint(
            &CLEAN
                .replace("date: 2020-01-02", "date: 2020-02-29")
                .replace("为做好", "2020年2月29日为做好")
        ),
        []
    );
}

#[test]
fn half_width_punctuation_in_chinese_text() {
    let f = lint(&CLEAN.replace(
        "为做好安全工作，现通知如下。",
        "为做好安全工作,现通知如下(试行):一是。",
    ));
    let p = of(&f, "punctuation");
    assert_eq!(
        p.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
        [(6, 12), (6, 18), (6, 21), (6, 22)]
    );
    assert!(
        p.iter()
            .all(|x| x.2 == Severity::Warning && x.3.starts_with("GB/T 9704-2012 §9"))
    );
    assert_eq!(f[0].suggestion.as_deref(), Some("， (U+FF0C)"));
    // Numbers, decimals, e-mail addresses and URLs are not Chinese text.
    let ok = CLEAN.replace(
        "为做好安全工作",
        "增长30.1%，1,000元，邮箱a@b.cn，网址https://www.gov.cn/a?b=1,2，为做好安全工作",
    );
    assert_eq!(of(&lint(&ok), "punctuation"), []);
}

#[test]
fn heading_numbers_written_by_hand() {
    let f = lint(&CLEAN.replace("heading: 总体要求", "heading: 一、总体要求"));
    let h = one(&f, "hand-numbered-heading");
    assert_eq!(
        (h.line, h.column, h.severity, h.clause),
        (7, 14, Severity::Error, "GB/T 9704-2012 §7.3.3")
    );
    assert_eq!(h.suggestion.as_deref(), Some("总体要求"));
    // Numbers typed into plain paragraphs must run on.
    let list = "  - 1.第一项。\n  - 2.第二项。\n  - 4.第四项。\n  - 4.又一项。\n";
    let f = lint(&CLEAN.replace("  - 为做好安全工作，现通知如下。\n", list));
    assert_eq!(
        of(&f, "numbering"),
        [
            (8, 5, Severity::Warning, "GB/T 9704-2012 §7.3.3"),
            (9, 5, Severity::Warning, "GB/T 9704-2012 §7.3.3")
        ]
    );
    let ok = "  - 1.第一项。\n  - 2.第二项。\n  - （1）小项。\n  - 3.第三项。\n";
    assert_eq!(
        lint(&CLEAN.replace("  - 为做好安全工作，现通知如下。\n", ok)),
        []
    );
}

#[test]
fn title_ending_in_punctuation() {
    let f = lint(&CLEAN.replace("的通知\n", "的通知。\n"));
    let t = one(&f, "title-punctuation");
    assert_eq!(
        (t.line, t.column, t.severity, t.clause),
        (2, 19, Severity::Warning, "GB/T 9704-2012 §7.3.1")
    );
    assert_eq!(t.suggestion.as_deref(), Some("关于做好安全工作的通知"));
    assert_eq!(
        of(
            &lint(&CLEAN.replace(
                "title: 关于做好安全工作的通知",
                "title: 关于印发《安全规定》的通知"
            )),
            "title-punctuation"
        ),
        []
    );
}

#[test]
fn title_break_that_splits_a_word() {
    let f = lint(&CLEAN.replace(
        "title: 关于做好安全工作的通知",
        "title: \"关于做好安\\n全工作的通知\"",
    ));
    let t = one(&f, "title-break");
    assert_eq!(
        (t.line, t.severity, t.clause),
        (2, Severity::Warning, "GB/T 9704-2012 §7.3.1")
    );
    assert!(t.message.contains("安全"), "{}", t.message);
    let ok = CLEAN.replace(
        "title: 关于做好安全工作的通知",
        "title: |-\n  关于做好安全\n  工作的通知",
    );
    assert_eq!(lint(&ok), []);
}

#[test]
fn title_break_that_cuts_a_name_or_a_number() {
    for (title, unit) in [
        ("关于撤销滨江\\n县设立临江区的请示", "滨江县"),
        ("关于下达2027—\\n2029年补助资金的通知", "2027—2029年"),
    ] {
        let f = lint(&CLEAN.replace(
            "title: 关于做好安全工作的通知",
            &format!("title: \"{title}\""),
        ));
        let t = one(&f, "title-break");
        assert!(t.message.contains(unit), "{}", t.message);
    }
    // Breaking before or after the name is no finding.
    let ok = CLEAN.replace(
        "title: 关于做好安全工作的通知",
        "title: \"关于撤销滨江县\\n设立临江区的请示\"",
    );
    assert_eq!(lint(&ok), []);
}

#[test]
fn attachments_against_the_body() {
    let with = |list: &str, text: &str| CLEAN.replace("坚持安全第一。", text) + list;
    // Referred to but not listed.
    let f = lint(&with("attachments:\n  - 检查表\n", "详见附件2。"));
    let r = one(&f, "attachment-reference");
    assert_eq!(
        (r.line, r.column, r.severity, r.clause),
        (8, 13, Severity::Error, "GB/T 9704-2012 §7.3.4, §7.3.7")
    );
    let f = lint(&with("", "详见附件。"));
    assert_eq!(of(&f, "attachment-reference").len(), 1);
    // Names numbered by hand or ending in punctuation.
    let f = lint(&with(
        "attachments:\n  - 1.检查表\n  - 值班表。\n",
        "详见附件1、附件2。",
    ));
    assert_eq!(
        of(&f, "attachment-number"),
        [(10, 5, Severity::Error, "GB/T 9704-2012 §7.3.4")]
    );
    assert_eq!(
        of(&f, "attachment-punctuation"),
        [(11, 8, Severity::Warning, "GB/T 9704-2012 §7.3.4")]
    );
    assert_eq!(of(&f, "attachment-reference"), []);
    // Listed twice.
    let f = lint(&with(
        "attachments:\n  - 检查表\n  - 检查表\n",
        "详见附件1。",
    ));
    assert_eq!(
        of(&f, "attachment-duplicate"),
        [(11, 5, Severity::Warning, "GB/T 9704-2012 §7.3.4")]
    );
    // All in order.
    assert_eq!(
        lint(&with(
            "attachments:\n  - 检查表\n  - 值班表\n",
            "详见附件1、附件2。"
        )),
        []
    );
}

#[test]
fn attachments_with_content() {
    let with = |list: &str| CLEAN.replace("坚持安全第一。", "详见附件1、附件2。") + list;
    // A `name` that is not the title: the 附件说明 and the attachment's
    // title would differ (§7.3.7).
    let f = lint(&with(
        "attachments:\n  - 检查表\n  - name: 值班安排\n    title: 值班安排表\n    body:\n      - 正文。\n",
    ));
    let t = one(&f, "attachment-title");
    assert_eq!(
        (t.line, t.column, t.severity, t.clause),
        (11, 11, Severity::Error, "GB/T 9704-2012 §7.3.7")
    );
    assert_eq!(t.suggestion.as_deref(), Some("值班安排表"));
    assert_eq!(of(&f, "schema"), [], "reported once, by its own rule");
    // The same name, or none: clean; a title's forced line break does not
    // count.
    for entry in [
        "  - name: 值班安排表\n    title: 值班安排表\n",
        "  - title: 值班安排表\n",
        "  - name: 节日期间值班安排表\n    title: \"节日期间\\n值班安排表\"\n",
    ] {
        let yaml = with(&format!(
            "attachments:\n  - 检查表\n{entry}    body:\n      - 正文。\n"
        ));
        assert_eq!(lint(&yaml), [], "{entry}");
    }
    // The 附件说明's rules apply to titles; the 正文's rules to the
    // attachment's body.
    let f = lint(&with(
        "attachments:\n  - 检查表\n  - title: 值班安排表。\n    body:\n      - heading: 一、总体要求\n",
    ));
    assert_eq!(
        of(&f, "attachment-punctuation"),
        [(11, 17, Severity::Warning, "GB/T 9704-2012 §7.3.4")]
    );
    assert_eq!(
        of(&f, "hand-numbered-heading"),
        [(13, 18, Severity::Error, "GB/T 9704-2012 §7.3.3")]
    );
    // An attachment's body may refer to attachments too; only its names
    // count as the list (two here, so 附件3 is beyond it).
    let f = lint(&with(
        "attachments:\n  - 检查表\n  - title: 值班安排表\n    body:\n      - 另见附件3。\n",
    ));
    assert_eq!(
        of(&f, "attachment-reference"),
        [(13, 11, Severity::Error, "GB/T 9704-2012 §7.3.4, §7.3.7")]
    );
}

#[test]
fn the_data_documents_are_clean() {
    // Every document in data/, read from its place (its seal images are
    // found next to it).
    let mut names: Vec<_> = std::fs::read_dir(root().join("data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "{names:?}");
    for name in names {
        let findings = gongwen::check::check_file(&name, common::fonts())
            .unwrap()
            .findings;
        assert_eq!(findings, [], "{}", name.display());
    }
}

#[test]
fn upward_documents_need_a_signer() {
    for kind in ["请示", "报告"] {
        let f = lint(
            &CLEAN
                .replace("kind: 通知", &format!("kind: {kind}"))
                .replace("的通知", &format!("的{kind}")),
        );
        let s = one(&f, "signer");
        assert_eq!(
            (s.line, s.column, s.severity),
            (1, 7, Severity::Error),
            "{kind}"
        );
        assert!(s.clause.contains("条例 第九条"), "{}", s.clause);
        let signed = CLEAN
            .replace("kind: 通知", &format!("kind: {kind}"))
            .replace("的通知", &format!("的{kind}"))
            .replace("issuer: 测试机关\n", "issuer: 测试机关\nsigners: [张三]\n");
        assert_eq!(of(&lint(&signed), "signer"), [], "{kind}");
    }
}

/// 信函格式 (§10.1): a letter needs no 发文字号; it carries no 印发 row and
/// no 签发人; its mark is the name alone, the lead organ's when joint.
#[test]
fn letter_format() {
    let letter = "\
format: letter
kind: 函
issuer_mark: 测试机关
title: 关于商请支持的函
addressees: [某机关]
issuer: 测试机关
date: 2020-01-02
body:
  - 请予支持。
";
    // Complete without 发文字号 or 份号.
    assert_eq!(lint(letter), []);
    let letter_ = |from: &str, to: &str| lint(&letter.replace(from, to));
    let fixed = |f: &Finding| f.suggestion.clone().unwrap_or_default();

    let f = letter_(
        "date: 2020-01-02\n",
        "date: 2020-01-02\nprinting: {organ: 测试机关办公室, date: 2020-01-03}\n",
    );
    assert_eq!(
        of(&f, "letter-format"),
        [(8, 11, Severity::Error, "GB/T 9704-2012 §10.1")]
    );
    assert!(
        one(&f, "letter-format")
            .message
            .contains("印发机关和印发日期")
    );

    let f = letter_("issuer_mark: 测试机关\n", "issuer_mark: 测试机关文件\n");
    let d = one(&f, "letter-format");
    assert_eq!((d.line, d.column), (3, 14));
    assert_eq!(fixed(d), "测试机关");

    let f = letter_(
        "issuer_mark: 测试机关\n",
        "issuer_mark:\n  organs: [测试机关, 另一机关]\n",
    );
    let d = one(&f, "letter-format");
    assert!(d.message.contains("lead organ"), "{}", d.message);
    assert_eq!(fixed(d), "issuer_mark: 测试机关");

    // The missing mark is the field named, pointed at where the format asks
    // for it.
    let f = letter_("issuer_mark: 测试机关\n", "");
    let d = one(&f, "letter-format");
    assert_eq!((d.line, d.column, d.path.as_str()), (1, 9, "issuer_mark"));

    let f = letter_("date: 2020-01-02\n", "date: 2020-01-02\nsigners: [张三]\n");
    let d = one(&f, "letter-format");
    assert_eq!((d.line, d.column, d.path.as_str()), (8, 10, "signers"));

    // The same fields in the general format are its own business.
    let general = letter.replace("format: letter\n", "");
    assert_eq!(
        of(
            &lint(&general.replace("issuer_mark: 测试机关\n", "issuer_mark: 测试机关文件\n")),
            "letter-format"
        ),
        []
    );
}

#[test]
fn characters_no_font_has() {
    let f = lint(&CLEAN.replace("坚持安全第一", "坚持安全第\u{20000}一"));
    assert_eq!(
        of(&f, "missing-glyph"),
        [(8, 16, Severity::Error, "GB/T 9704-2012 §5.2.2")]
    );
    assert!(f[0].message.contains("U+20000"), "{}", f[0].message);
    // 啰 is outside GB 2312 but the fallback font has it.
    assert_eq!(
        of(
            &lint(&CLEAN.replace("坚持安全第一", "不啰嗦")),
            "missing-glyph"
        ),
        []
    );
}

#[test]
fn rare_characters_in_titles_and_the_record_are_checked_like_gen_pdf() {
    // Names outside GB 2312 in the title print in the bold fallback, and
    // so are no finding; an Extension B character no font has is one,
    // in the 版记 as anywhere else.
    let rare = CLEAN.replace("安全工作的通知", "表彰张喆王堃𠮷同志的通知");
    assert_eq!(of(&lint(&rare), "missing-glyph"), []);
    let f = lint(&format!("{CLEAN}cc: [市𠀀局]\n"));
    assert_eq!(
        of(&f, "missing-glyph"),
        [(9, 7, Severity::Error, "GB/T 9704-2012 §5.2.2")]
    );
}

#[test]
fn what_the_model_rejects_is_a_finding() {
    let f = lint(&CLEAN.replace("issuer:", "isuer:"));
    let s = one(&f, "schema");
    assert_eq!((s.line, s.column, s.severity), (3, 1, Severity::Error));
    assert!(s.message.contains("unknown field `isuer`"), "{}", s.message);
    // Other rules still run on a document the model rejects.
    let f = lint(&CLEAN.replace("issuer:", "isuer:").replace("，现", ",现"));
    assert_eq!(of(&f, "punctuation").len(), 1);
}

#[test]
fn exit_status_and_formats() {
    let dir = common::tempdir();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let clean = write("clean.yaml", CLEAN.as_bytes());
    let o = run_gen(&["check", path_str(&clean)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("no findings"));

    let warn = write("warn.yaml", CLEAN.replace("，现", ",现").as_bytes());
    let o = run_gen(&["check", path_str(&warn)]);
    assert_eq!(o.status.code(), Some(0), "warnings alone pass");
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        out.contains("warn.yaml:6:12: warning: body[0]: half-width `,`"),
        "{out}"
    );

    let bad = write(
        "bad.yaml",
        CLEAN.replace("2020-01-02", "2019-02-29").as_bytes(),
    );
    let o = run_gen(&["check", path_str(&bad), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(json["errors"], 1);
    let f = &json["findings"][0];
    assert_eq!(
        (f["rule"].as_str(), f["line"].as_u64(), f["column"].as_u64()),
        (Some("date"), Some(4), Some(7))
    );
    assert_eq!(f["clause"], "GB/T 9704-2012 §7.3.5.4");
    assert_eq!(f["severity"], "error");

    for (name, bytes) in [
        ("syntax.yaml", &b"title: [\n"[..]),
        ("latin1.yaml", &b"title: \xff\xfe\n"[..]),
    ] {
        let p = write(name, bytes);
        let o = run_gen(&["check", path_str(&p)]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(e.contains(name) && e.contains("nothing checked"), "{e}");
    }
    let o = run_gen(&["check", "no/such.yaml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_imported_seed_is_linted_with_positions() {
    let text = std::fs::read(root().join("tests/fixtures/seed-scraped.txt")).unwrap();
    let yaml = gongwen::import::import(&text)
        .expect("the seed decodes")
        .yaml("seed.txt");
    let f = lint(&yaml);
    // The damaged dates import leaves for a person are found again, by
    // their place in the YAML.
    assert!(f.iter().all(|x| x.severity == Severity::Warning), "{f:#?}");
    let lines: Vec<&str> = yaml.lines().collect();
    for x in &f {
        let line: String = lines[x.line - 1].chars().skip(x.column - 1).collect();
        let text = x.message.split('`').nth(1).unwrap();
        assert!(
            line.starts_with(text),
            "{}:{} `{line}` vs `{text}`",
            x.line,
            x.column
        );
    }
    assert_eq!(f.iter().filter(|x| x.rule == "damaged-date").count(), 21);
}

/// YAML-ish text: keys of the format and the characters that matter.
fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "kind: ",
            "title: ",
            "date: ",
            "body:",
            "heading: ",
            "text: ",
            "attachments:",
            "signers:",
            "doc_number: ",
            "\n",
            "\n  ",
            "  - ",
            "- ",
            "[",
            "]",
            "{",
            "}",
            "\"",
            "'",
            "|",
            ">",
            "&a ",
            "*a",
            "? ",
            ": ",
            "#",
            "通知",
            "请示",
            "2019-02-29",
            "国办发[2012]01号",
            "一、",
            "1.",
            "附件2",
            ",",
            "(",
            "\u{20000}",
            "\t",
            "---\n",
            "...\n",
            "\\n",
            "!!str ",
        ]),
        0..50,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn check_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = check_bytes(Path::new("p.yaml"), &bytes, common::fonts());
    }

    #[test]
    fn check_never_panics_on_yamlish_text(text in yamlish()) {
        if let Ok(report) = check_bytes(Path::new("p.yaml"), text.as_bytes(), common::fonts()) {
            let lines = text.split('\n').count();
            for f in &report.findings {
                prop_assert!(f.line >= 1 && f.line <= lines + 1, "{:?}", f);
                prop_assert!(f.column >= 1);
            }
        }
    }
}

#[test]
fn a_byte_order_mark_is_not_a_finding() {
    let fonts = gongwen::fonts::FontSet::bundled();
    let yaml = "\u{FEFF}kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - 正文。\n";
    let report =
        gongwen::check::check_bytes(std::path::Path::new("bom.yaml"), yaml.as_bytes(), &fonts)
            .unwrap();
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

/// `seal-image`: an image the writers would refuse (missing, not an
/// image, outside the document's folder) is a finding at its field; the
/// sealed documents in data/ have none.
#[test]
fn seal_images_the_writers_would_refuse() {
    let dir = common::tempdir();
    std::fs::write(
        dir.path().join("ring.png"),
        common::png_ring(496, Some(11_811)),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not an image").unwrap();
    let doc = |seal: &str| {
        let path = dir.path().join("doc.yaml");
        std::fs::write(&path, format!("{CLEAN}seal: {seal}\n")).unwrap();
        gongwen::check::check_file(&path, common::fonts())
            .unwrap()
            .findings
    };
    assert_eq!(of(&doc("ring.png"), "seal-image"), []);
    for (seal, said) in [
        ("missing.png", "missing.png"),
        ("notes.txt", "neither a PNG nor an SVG"),
        ("../ring.png", "../ring.png"),
    ] {
        let findings = doc(seal);
        let f = one(&findings, "seal-image");
        // `seal:` is line 9 of the document, its value at column 7.
        assert_eq!(
            (f.line, f.column, f.severity, f.clause, f.path.as_str()),
            (9, 7, Severity::Error, "GB/T 9704-2012 §7.3.5.1", "seal"),
            "{seal}"
        );
        assert!(f.message.contains(said), "{seal}: {}", f.message);
    }
    for name in ["data/sealed-notice.yaml", "data/joint-sealed-notice.yaml"] {
        let findings = gongwen::check::check_file(&root().join(name), common::fonts())
            .unwrap()
            .findings;
        assert_eq!(of(&findings, "seal-image"), [], "{name}");
    }
}
