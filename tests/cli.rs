//! `gen` on bad input: a clear message naming file, line, column and field,
//! a non-zero exit, and no output file written or clobbered.

mod common;

use std::path::Path;

use common::{path_str, run_gen};

const GOOD: &str =
    "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试机关\ndate: 2020-01-02\nbody:\n  - 正文。\n";

struct Case {
    yaml: &'static str,
    /// Substrings the message must contain.
    expect: &'static [&'static str],
}

/// Runs `gen pdf` on `yaml`, with an existing output file that must survive.
fn fails(case: &Case) -> String {
    let dir = common::tempdir();
    let input = dir.path().join("doc.yaml");
    std::fs::write(&input, case.yaml).unwrap();
    let out = dir.path().join("doc.pdf");
    std::fs::write(&out, b"KEEP").unwrap();
    let o = run_gen(&["pdf", path_str(&input)]);
    let stderr = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(!o.status.success(), "expected failure for {:?}", case.yaml);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr.contains("panicked"), "{stderr}");
    for e in case.expect {
        assert!(stderr.contains(e), "message {stderr:?} lacks {e:?}");
    }
    assert_eq!(std::fs::read(&out).unwrap(), b"KEEP", "output clobbered");
    assert_no_temp_files(dir.path());
    stderr
}

fn assert_no_temp_files(dir: &Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        assert!(
            name == "doc.yaml" || name == "doc.pdf",
            "left behind: {name}"
        );
    }
}

#[test]
fn good_input_works() {
    let dir = common::tempdir();
    let input = dir.path().join("doc.yaml");
    std::fs::write(&input, GOOD).unwrap();
    let o = run_gen(&["pdf", path_str(&input)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = std::fs::read(dir.path().join("doc.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn malformed_yaml() {
    fails(&Case {
        yaml: "kind: 通知\ntitle: \"unterminated\nbody: x\n",
        expect: &["doc.yaml:", "found unexpected end of stream"],
    });
}

#[test]
fn unknown_field() {
    let msg = fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\nissuer: 机关\ndate: 2020-01-02\nsubtitle: 副标题\nbody: [正文]\n",
        expect: &[
            "doc.yaml:5:1",
            "unknown field `subtitle`",
            "expected one of",
        ],
    });
    assert!(msg.contains("`title`"), "{msg}");
}

#[test]
fn unknown_field_in_a_section_names_its_path() {
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2020-01-02\nbody:\n  - heading: 一\n    bodyy: [x]\n",
        expect: &["doc.yaml:6:5", "body[0]", "unknown field `bodyy`"],
    });
}

#[test]
fn wrong_type() {
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2020-01-02\nbody: 正文\n",
        expect: &["doc.yaml:4:7", "body", "expected a sequence"],
    });
}

#[test]
fn missing_title() {
    fails(&Case {
        yaml: "kind: 通知\ndate: 2020-01-02\nbody: [正文]\n",
        expect: &["doc.yaml:1:1", "missing field `title`"],
    });
}

#[test]
fn impossible_date() {
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2019-02-29\nbody: [正文]\n",
        expect: &[
            "doc.yaml:3:7",
            "date",
            "2019-02-29 is not a real date",
            "28 days",
        ],
    });
}

#[test]
fn unknown_kind() {
    fails(&Case {
        yaml: "kind: 会议纪要\ntitle: 标题\ndate: 2019-02-01\nbody: [正文]\n",
        expect: &["doc.yaml:1:7", "kind", "unknown variant `会议纪要`", "纪要"],
    });
}

#[test]
fn a_character_no_font_has() {
    // U+20000 (CJK Extension B) is in no bundled font.
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2019-02-01\nbody:\n  - 正文有\u{20000}字。\n",
        expect: &["doc.yaml:5:8", "body[0]", "U+20000", "仿宋"],
    });
}

#[test]
fn a_character_no_font_has_in_an_attachment_or_a_joint_mark() {
    // Every text of an attachment and of a joint mark goes through the same
    // check, named by its field.
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2019-02-01\nbody: [正文]\nattachments:\n  - title: 附件标题\n    body:\n      - heading: 要求\n        body: [正文有\u{20000}字。]\n",
        expect: &[
            "doc.yaml:9:19",
            "attachments[0].body[0].body[0]",
            "U+20000",
            "仿宋",
        ],
    });
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2019-02-01\nbody: [正文]\nattachments:\n  - title: 附件\u{20000}标题\n    body: [正文]\n",
        // Met first in the 附件说明, which lists the title in 仿宋.
        expect: &["doc.yaml:6:14", "attachments[0]", "U+20000", "仿宋"],
    });
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2019-02-01\nbody: [正文]\nissuer_mark:\n  organs: [甲局, 乙\u{20000}局]\n  suffix: 文件\n",
        expect: &["doc.yaml:6:17", "issuer_mark", "U+20000", "小标宋"],
    });
}

#[test]
fn attachment_and_joint_mark_shapes() {
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2019-02-01\nbody: [正文]\nattachments:\n  - name: 值班表\n    title: 值班安排表\n    body: [正文]\n",
        expect: &[
            "doc.yaml:6:5",
            "attachments[0]",
            "differs from its title",
            "§7.3.7",
        ],
    });
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2019-02-01\nbody: [正文]\nissuer_mark:\n  organs: []\n",
        expect: &["doc.yaml:6:3", "issuer_mark", "organs' names", "empty list"],
    });
}

#[test]
fn five_heading_levels() {
    fails(&Case {
        yaml: concat!(
            "kind: 通知\ntitle: 标题\ndate: 2019-02-01\nbody:\n",
            "  - heading: a\n    body:\n",
            "      - heading: b\n        body:\n",
            "          - heading: c\n            body:\n",
            "              - heading: d\n                body:\n",
            "                  - heading: e\n"
        ),
        expect: &["doc.yaml:13:21", "four levels", "§7.3.3"],
    });
}

#[test]
fn unsupported_element_is_refused_not_dropped() {
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\nseal: seal\ndate: 2019-02-01\nbody: [正文]\n",
        expect: &["seal", "印章", "§7.3.5.1"],
    });
}

#[test]
fn missing_input_file() {
    let o = run_gen(&["pdf", "no/such/file.yaml"]);
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("no/such/file.yaml") && e.contains("cannot read"),
        "{e}"
    );
}

#[test]
fn unwritable_output_path() {
    let dir = common::tempdir();
    let input = dir.path().join("doc.yaml");
    std::fs::write(&input, GOOD).unwrap();
    // The output's folder is a file: nothing can be written there.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, b"x").unwrap();
    let out = blocker.join("doc.pdf");
    let o = run_gen(&["pdf", path_str(&input), "-o", path_str(&out)]);
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("cannot write") && e.contains("blocker/doc.pdf"),
        "{e}"
    );
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
    // And a directory given as the output is refused, not replaced.
    let o = run_gen(&["pdf", path_str(&input), "-o", path_str(dir.path())]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("is a directory"));
}

#[test]
fn help_and_version() {
    let o = run_gen(&["--help"]);
    assert!(o.status.success());
    let h = String::from_utf8_lossy(&o.stdout);
    assert!(h.contains("pdf") && h.contains("GB/T 9704-2012"), "{h}");
    let o = run_gen(&["pdf", "--help"]);
    let h = String::from_utf8_lossy(&o.stdout);
    assert!(
        h.contains("--font-dir") && h.contains("-o, --output"),
        "{h}"
    );
    let o = run_gen(&["--version"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("gen "));
}

#[test]
fn font_dir_must_hold_fonts() {
    let dir = common::tempdir();
    let input = dir.path().join("doc.yaml");
    std::fs::write(&input, GOOD).unwrap();
    let o = run_gen(&["pdf", path_str(&input), "--font-dir", path_str(dir.path())]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("holds no font"));
}

#[test]
fn font_dir_fonts_are_preferred_by_family_name() {
    // An office font is found by its name: here a copy of a bundled font
    // stands in for one (the official fonts cannot ship), and the run
    // succeeds with it loaded first.
    let dir = common::tempdir();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).unwrap();
    std::fs::copy(
        common::root().join("fonts/LiberationSerif-Regular.ttf"),
        fonts.join("a.ttf"),
    )
    .unwrap();
    let set = gongwen::fonts::FontSet::with_dir(&fonts).unwrap();
    assert_eq!(set.user_files().len(), 1);
    assert_eq!(set.latin(), "Liberation Serif");
    let input = dir.path().join("doc.yaml");
    std::fs::write(&input, GOOD).unwrap();
    let o = run_gen(&["pdf", path_str(&input), "--font-dir", path_str(&fonts)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let dir = common::tempdir();
    let input = dir.path().join("bom.yaml");
    std::fs::write(&input, format!("\u{FEFF}{GOOD}")).unwrap();
    let o = run_gen(&["pdf", path_str(&input)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_line_break_inside_a_paragraph() {
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2020-01-02\nbody:\n  - |\n    第一行\n    第二行\n",
        expect: &["doc.yaml:5:5", "body[0]", "line break", "new `- ` item"],
    });
    fails(&Case {
        yaml: "kind: 通知\ntitle: 标题\ndate: 2020-01-02\nbody:\n  - heading: \"甲\\n乙\"\n",
        expect: &["doc.yaml:5:", "body[0]", "line break"],
    });
}

#[test]
fn the_readme_example_is_a_real_document() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let start = readme
        .find("```yaml\nkind: 通知")
        .expect("README has the YAML example")
        + 8;
    let end = start + readme[start..].find("```").unwrap();
    let dir = common::tempdir();
    let input = dir.path().join("example.yaml");
    std::fs::write(&input, &readme[start..end]).unwrap();
    for cmd in ["pdf", "docx", "check"] {
        let o = run_gen(&[cmd, path_str(&input)]);
        assert!(
            o.status.success(),
            "gen {cmd}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }
    common::ooxml::assert_valid(&[&dir.path().join("example.docx")]);
    let doc = common::typeset_yaml(&readme[start..end]);
    let text: String = common::pages(&doc)
        .iter()
        .flatten()
        .map(|l| l.text())
        .collect();
    for expected in [
        "一、提高思想认识",
        "（一）压实工作责任",
        "1.重点检查",
        "（1）消防安全。对人员密集场所开展检查。",
        "附件：值班表",
        "（此件公开发布）",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}

#[test]
fn several_documents_at_once() {
    let dir = common::tempdir();
    let (a, b, bad) = (
        dir.path().join("a.yaml"),
        dir.path().join("b.yaml"),
        dir.path().join("bad.yaml"),
    );
    std::fs::write(&a, GOOD).unwrap();
    std::fs::write(&b, GOOD.replace("测试机关", "另一机关")).unwrap();
    std::fs::write(&bad, GOOD.replace("2020-01-02", "2020-02-30")).unwrap();
    // All good: one output beside each input.
    let o = run_gen(&["pdf", path_str(&a), path_str(&b)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.path().join("a.pdf").exists() && dir.path().join("b.pdf").exists());
    // One bad: the others are still made, the bad one is reported, exit 1.
    let o = run_gen(&["docx", path_str(&a), path_str(&bad), path_str(&b)]);
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("bad.yaml:4:7") && e.contains("not a real date"),
        "{e}"
    );
    assert!(dir.path().join("a.docx").exists() && dir.path().join("b.docx").exists());
    assert!(!dir.path().join("bad.docx").exists());
    common::ooxml::assert_valid(&[&dir.path().join("a.docx"), &dir.path().join("b.docx")]);
    // -o names one file: refused with several inputs.
    let o = run_gen(&["pdf", path_str(&a), path_str(&b), "-o", "x.pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("several inputs"));
}

#[cfg(unix)]
mod output_is_input {
    //! `-o` naming the input is refused, however the path is spelled: the
    //! input's bytes stay as they were, the exit status is 1, the message
    //! says why.
    use super::*;

    /// Runs `gen` in `dir`, so that relative spellings can be tried.
    fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_gen"))
            .args(args)
            .current_dir(dir)
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("GONGWEN_FONT_DIR")
            .output()
            .expect("gen runs")
    }

    fn refused(dir: &Path, args: &[&str], input: &str, bytes: &[u8]) {
        let o = run_in(dir, args);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            stderr.contains("is the input") && stderr.contains("name another output with -o"),
            "{args:?}: {stderr}"
        );
        assert_eq!(
            std::fs::read(dir.join(input)).unwrap(),
            bytes,
            "{args:?} changed the input"
        );
        // Nothing half-written is left beside it.
        for e in std::fs::read_dir(dir).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().to_string();
            assert!(!name.ends_with(".part"), "left behind: {name}");
        }
    }

    #[test]
    fn pdf_and_docx_refuse_every_spelling_of_the_input() {
        let dir = common::tempdir();
        let d = dir.path();
        std::fs::write(d.join("x.yaml"), GOOD).unwrap();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::os::unix::fs::symlink(d.join("x.yaml"), d.join("link.yaml")).unwrap();
        std::fs::hard_link(d.join("x.yaml"), d.join("hard.yaml")).unwrap();
        let absolute = d.join("x.yaml");
        for cmd in ["pdf", "docx"] {
            for out in [
                "x.yaml",
                "./x.yaml",
                "sub/../x.yaml",
                "link.yaml",
                "hard.yaml",
                path_str(&absolute),
            ] {
                refused(d, &[cmd, "x.yaml", "-o", out], "x.yaml", GOOD.as_bytes());
            }
            // The input given through the link, the output as the file.
            refused(
                d,
                &[cmd, "link.yaml", "-o", "./x.yaml"],
                "x.yaml",
                GOOD.as_bytes(),
            );
        }
        // Another output is fine.
        let o = run_in(d, &["pdf", "x.yaml", "-o", "sub/x.pdf"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }

    #[test]
    fn an_input_named_like_its_output_is_refused() {
        // YAML saved as `n.pdf`: its default output is itself.
        let dir = common::tempdir();
        let d = dir.path();
        std::fs::write(d.join("n.pdf"), GOOD).unwrap();
        refused(d, &["pdf", "n.pdf"], "n.pdf", GOOD.as_bytes());
        std::fs::write(d.join("n.docx"), GOOD).unwrap();
        refused(d, &["docx", "./n.docx"], "n.docx", GOOD.as_bytes());
    }

    #[test]
    fn several_inputs_each_output_is_checked() {
        // a.yaml's output a.pdf is another input (YAML saved as a.pdf):
        // a.yaml is refused, a.pdf is refused (its output is itself), b.yaml
        // is typeset.
        let dir = common::tempdir();
        let d = dir.path();
        for name in ["a.yaml", "a.pdf", "b.yaml"] {
            std::fs::write(d.join(name), GOOD).unwrap();
        }
        let o = run_in(d, &["pdf", "a.yaml", "a.pdf", "b.yaml"]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{stderr}");
        assert_eq!(stderr.matches("is the input").count(), 2, "{stderr}");
        assert_eq!(std::fs::read(d.join("a.pdf")).unwrap(), GOOD.as_bytes());
        assert_eq!(std::fs::read(d.join("a.yaml")).unwrap(), GOOD.as_bytes());
        assert!(
            std::fs::read(d.join("b.pdf"))
                .unwrap()
                .starts_with(b"%PDF-")
        );
        // Two ordinary inputs: each output beside its input.
        let o = run_in(d, &["docx", "a.yaml", "b.yaml"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for name in ["a.docx", "b.docx"] {
            assert!(std::fs::read(d.join(name)).unwrap().starts_with(b"PK"));
        }
        common::ooxml::assert_valid(&[&d.join("a.docx"), &d.join("b.docx")]);
    }

    #[test]
    fn import_refuses_a_link_to_its_input() {
        let dir = common::tempdir();
        let d = dir.path();
        let text = "关于测试的通知\n\n各单位：\n\n正文。\n\n测试机关\n2020年1月2日\n";
        std::fs::write(d.join("t.txt"), text).unwrap();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::os::unix::fs::symlink(d.join("t.txt"), d.join("t.yaml")).unwrap();
        // The default output t.yaml is a link to the input.
        refused(d, &["import", "t.txt"], "t.txt", text.as_bytes());
        refused(
            d,
            &["import", "t.txt", "-o", "sub/../t.txt"],
            "t.txt",
            text.as_bytes(),
        );
    }
}
