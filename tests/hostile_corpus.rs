//! The hostile corpus: generated inputs of every kind that has hurt gongwen
//! (and their neighbours), each run through every command it applies to
//! under a memory cap (1 GB of address space) and a clock (10 s). Each run
//! ends with exit 0 or a clear error naming the problem — never a signal,
//! the cap or the clock — and a run that succeeds keeps the input's text.
//!
//! `benches/hostile.sh` measures the same kinds of input (time and peak
//! memory) with two binaries side by side.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{path_str, tempdir};

/// Address space a run may use.
const MEMORY_CAP: u64 = 1 << 30;
/// Seconds a run may take.
const CLOCK_SECS: u32 = 10;

/// What a run must end with.
#[derive(Debug, Clone)]
enum Expect {
    /// Exit 0, and the output (file or stdout) holds this text.
    Ok(&'static str),
    /// A non-zero exit whose message holds this text.
    Refused(&'static str),
}

struct Case {
    name: String,
    args: Vec<String>,
    /// The output file a successful run writes, if any.
    output: Option<PathBuf>,
    expect: Expect,
}

/// Runs `gen` with the caps; `None` when the tools for the caps are
/// missing (a developer's machine without util-linux).
fn run_capped(args: &[String]) -> Option<Output> {
    // Another binary (an older gongwen, to compare) with GONGWEN_CORPUS_GEN.
    let gen_path = std::env::var("GONGWEN_CORPUS_GEN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_gen").to_string());
    let out = Command::new("timeout")
        .args(["-s", "KILL", &CLOCK_SECS.to_string(), "prlimit"])
        .arg(format!("--as={MEMORY_CAP}"))
        .arg("--")
        .arg(gen_path)
        .args(args)
        .output()
        .ok()?;
    Some(out)
}

fn s(p: &Path) -> String {
    path_str(p).to_string()
}

fn notice_with(extra_body: &str, tail: &str) -> String {
    format!(
        "kind: 通知\ntitle: 关于测试的通知\nbody:\n  - 请各单位认真贯彻执行。\n{extra_body}issuer: 测试市人民政府\ndate: 2024-03-01\n{tail}"
    )
}

fn table(cells_row: &str) -> String {
    format!("  - table:\n      rows:\n        - [甲, 乙]\n        - {cells_row}\n")
}

/// A DOCX with `body` inside `w:body` and, when given, a numbering part.
fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
    )
    .unwrap();
    if let Some(n) = numbering {
        zip.start_file("word/numbering.xml", opts).unwrap();
        write!(
            zip,
            r#"<?xml version="1.0"?><w:numbering xmlns:w="{W}">{n}</w:numbering>"#
        )
        .unwrap();
    }
    zip.finish().unwrap();
    buf.into_inner()
}

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A PNG header declaring `w` × `h` RGBA pixels, with a token IDAT.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut d = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    d.extend_from_slice(&w.to_be_bytes());
    d.extend_from_slice(&h.to_be_bytes());
    d.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    d.extend_from_slice(
        b"\x00\x00\x00\x00IDAT\x00\x00\x00\x00\x00\x00\x00\x00IEND\xae\x42\x60\x82",
    );
    d
}

/// The YAML documents of the corpus: (file name, text, what to expect of
/// the writers and `gen check`). Seal images are written beside them.
fn documents(dir: &Path) -> Vec<(String, String, Expect)> {
    let mut docs = Vec::new();
    // YAML aliases repeating a long paragraph.
    let para = "甲".repeat(100_000);
    docs.push((
        "alias-bomb.yaml".into(),
        notice_with(&format!("  - &p {para}\n{}", "  - *p\n".repeat(5_000)), ""),
        Expect::Refused("aliases"),
    ));
    let mut laughs =
        String::from("kind: 通知\ntitle: 关于测试的通知\nx0: &x0 [\"哈哈\", \"哈哈\"]\n");
    for k in 1..30 {
        laughs.push_str(&format!("x{k}: &x{k} [*x{}, *x{}]\n", k - 1, k - 1));
    }
    docs.push((
        "billion-laughs.yaml".into(),
        laughs,
        Expect::Refused("aliases"),
    ));
    // Table spans.
    for (name, row) in [
        (
            "colspan-max",
            "[{text: 丙, colspan: 18446744073709551615}, 丁]",
        ),
        ("colspan-1e9", "[{text: 丙, colspan: 1000000000}]"),
        ("colspan-1e6", "[{text: 丙, colspan: 1000000}]"),
        ("colspan-3", "[{text: 丙, colspan: 3}]"),
        (
            "rowspan-max",
            "[{text: 丙, rowspan: 18446744073709551615}, 丁]",
        ),
        (
            "rowspan-wrap",
            "[{text: 丙, rowspan: 18446744073709551614}, 丁]",
        ),
        ("rowspan-9", "[{text: 丙, rowspan: 9}, 丁]"),
    ] {
        docs.push((
            format!("{name}.yaml"),
            notice_with(&table(row), ""),
            Expect::Refused("span"),
        ));
    }
    let wide: Vec<String> = (0..41).map(|k| format!("列{k}")).collect();
    docs.push((
        "columns-41.yaml".into(),
        notice_with(
            &format!("  - table:\n      rows:\n        - [{}]\n", wide.join(", ")),
            "",
        ),
        Expect::Refused("at most 40"),
    ));
    // A long register: linear, and every row on a page.
    let rows: String = (1..=2_000)
        .map(|i| format!("        - [\"{i}\", 项目{i}, 甲单位]\n"))
        .collect();
    docs.push((
        "register-2000.yaml".into(),
        notice_with(
            &format!("  - table:\n      header: [[序号, 名称, 单位]]\n      rows:\n{rows}"),
            "",
        ),
        Expect::Ok("项目2000"),
    ));
    // Seal images.
    std::fs::write(dir.join("bomb.png"), png_header(20_000, 20_000)).unwrap();
    std::fs::write(dir.join("bomb40k.png"), png_header(40_000, 40_000)).unwrap();
    std::fs::write(dir.join("metres.png"), common::png_ring(64, Some(1))).unwrap();
    std::fs::write(
        dir.join("huge.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100000mm" height="100000mm" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="red"/></svg>"#,
    )
    .unwrap();
    let blurs: String = (0..30)
        .map(|k| format!(r#"<filter id="f{k}"><feGaussianBlur stdDeviation="9"/></filter><circle cx="{}" cy="50" r="40" filter="url(#f{k})" fill="red"/>"#, 10 + k))
        .collect();
    std::fs::write(
        dir.join("blur.svg"),
        format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="42mm" height="42mm" viewBox="0 0 100 100">{blurs}</svg>"#),
    )
    .unwrap();
    for (name, image, expect) in [
        ("png-bomb", "bomb.png", "pixels"),
        ("png-bomb-40k", "bomb40k.png", "pixels"),
        ("png-metres", "metres.png", "at most 156 mm"),
        ("svg-huge", "huge.svg", "at most 156 mm"),
        ("svg-blur", "blur.svg", "filter primitives"),
    ] {
        docs.push((
            format!("{name}.yaml"),
            notice_with("", &format!("seal: {image}\n")),
            Expect::Refused(expect),
        ));
    }
    // A document file too large to be one.
    let big = notice_with(&"  - 请各单位认真贯彻执行。\n".repeat(250_000), "");
    docs.push(("big.yaml".into(), big, Expect::Refused("limit")));
    docs
}

/// Documents whose pages would lose or overprint text (issue 22's layout
/// losses): the layout's own checks refuse them in the paged writers (the
/// message names the page); the web page and the lint, which set no pages,
/// take them.
fn layout_losses(dir: &Path) -> Vec<(String, String)> {
    std::fs::copy(
        common::root().join("data/seals/culture.png"),
        dir.join("culture.png"),
    )
    .unwrap();
    let head =
        "kind: 通知\ntitle: 关于测试的通知\ndate: 2026-06-18\nbody: [现将有关事项通知如下。]\n";
    let mut docs = vec![
        (
            "long-signature.yaml".to_string(),
            format!("{head}issuer: {}\n", "测".repeat(34)),
        ),
        (
            "long-printing-organ.yaml".to_string(),
            format!(
                "{head}issuer: 测试机关\nprinting: {{organ: {}, date: 2026-06-19}}\n",
                "印".repeat(26)
            ),
        ),
        (
            "long-signers.yaml".to_string(),
            format!(
                "{head}issuer: 测试机关\ndoc_number: 测发〔2026〕1号\nsigners: [{}]\n",
                "签".repeat(20)
            ),
        ),
        (
            "long-letter-number.yaml".to_string(),
            format!(
                "format: letter\nissuer_mark: 滨江市人民政府办公室\nkind: 函\ntitle: 关于商请支持的函\n\
                 issuer: 滨江市人民政府办公室\ndate: 2024-05-06\nbody: [正文。]\ndoc_number: {}〔2024〕1号\n",
                "滨".repeat(30)
            ),
        ),
    ];
    for n in [15, 18, 25] {
        let organs: Vec<String> = (1..=n).map(|i| format!("第{i}测试局")).collect();
        docs.push((
            format!("joint-{n}-seals.yaml"),
            format!(
                "{head}issuer: [{}]\nseal: [{}]\n",
                organs.join(", "),
                vec!["culture.png"; n].join(", ")
            ),
        ));
    }
    docs
}

/// Inputs of `gen import`: (file name, bytes, expectation).
fn imports() -> Vec<(String, Vec<u8>, Expect)> {
    let mut out = Vec::new();
    let text = "关于测试的通知\n\n各单位：\n现将有关事项通知如下。\n";
    let mut stray = text.as_bytes().to_vec();
    stray.insert(text.find("现将").unwrap(), 0xFF);
    out.push(("stray-byte.txt".into(), stray, Expect::Ok("关于测试的通知")));
    let utf32: Vec<u8> = text
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    out.push((
        "utf32.txt".into(),
        utf32,
        Expect::Ok("现将有关事项通知如下。"),
    ));
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    out.push((
        "utf16be.txt".into(),
        utf16,
        Expect::Ok("现将有关事项通知如下。"),
    ));
    out.push((
        "cr-only.txt".into(),
        text.replace('\n', "\r").into_bytes(),
        Expect::Ok("现将有关事项通知如下。"),
    ));
    let noise: Vec<u8> = (0..4000u32)
        .map(|i| {
            if i % 4 == 0 {
                0xFF
            } else {
                (0x80 + (i * 37) % 0x7F) as u8
            }
        })
        .collect();
    out.push(("noise.txt".into(), noise, Expect::Refused("encoding")));
    out.push((
        "blank-lines.txt".into(),
        vec![b'\n'; 30 << 20],
        Expect::Refused("lines"),
    ));
    let headings: String = (1..=100_000)
        .map(|i| format!("{i}.标题第{i}项\n"))
        .collect();
    out.push((
        "headings-100k.txt".into(),
        format!("关于测试的通知\n\n{headings}").into_bytes(),
        Expect::Ok("标题第100000项"),
    ));
    // Word files.
    for tag in ["w:sdt", "w:r", "x:foreign"] {
        let open = format!("<{tag} xmlns:x=\"urn:x\">").repeat(20_000);
        let close = format!("</{tag}>").repeat(20_000);
        out.push((
            format!("nested-{}.docx", tag.replace(':', "-")),
            docx(&format!("<w:p>{open}{close}</w:p>"), None),
            Expect::Refused("nests"),
        ));
    }
    let mut boxes = String::new();
    for k in 0..30 {
        boxes.push_str(&format!(
            "<w:p><w:r><w:t>第{k}层</w:t></w:r><w:r><w:drawing><w:txbxContent>"
        ));
    }
    boxes.push_str(&"</w:txbxContent></w:drawing></w:r></w:p>".repeat(30));
    out.push((
        "textboxes-30.docx".into(),
        docx(&format!("{}{boxes}", para("关于测试的通知")), None),
        Expect::Ok("第29层"),
    ));
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="{}%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        "长".repeat(300_000)
    );
    let listed = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>项</w:t></w:r></w:p>"#
        .repeat(10_000);
    out.push((
        "numbering-bomb.docx".into(),
        docx(&listed, Some(&numbering)),
        Expect::Refused("lvlText"),
    ));
    out
}

fn check(case: &Case, failures: &mut Vec<String>) {
    let Some(out) = run_capped(&case.args) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let what = format!("{} ({})", case.name, case.args.join(" "));
    let Some(code) = out.status.code() else {
        failures.push(format!(
            "{what}: ended by a signal (the memory cap or the clock): {stderr}"
        ));
        return;
    };
    // `timeout` exits 124 when the clock ran out (137 when it killed).
    if code == 124 || code == 137 || code == 101 || code == 134 {
        failures.push(format!(
            "{what}: exit {code} (clock, cap or panic): {stderr}"
        ));
        return;
    }
    match &case.expect {
        Expect::Ok(text) => {
            if code != 0 {
                failures.push(format!("{what}: expected success, exit {code}: {stderr}"));
                return;
            }
            let got = match &case.output {
                Some(path) => match path.extension().and_then(|e| e.to_str()) {
                    Some("pdf") => common::pdftotext_raw(path),
                    _ => std::fs::read_to_string(path).unwrap_or_default(),
                },
                None => stdout.into_owned(),
            };
            if !got.contains(text) {
                failures.push(format!("{what}: the output lacks {text:?}"));
            }
        }
        Expect::Refused(text) => {
            if code == 0 {
                failures.push(format!(
                    "{what}: expected a refusal naming {text:?}, exit 0"
                ));
            } else if !format!("{stderr}{stdout}").contains(text) {
                failures.push(format!(
                    "{what}: the message lacks {text:?}: {stderr}{stdout}"
                ));
            }
        }
    }
}

/// The folder the corpus is written to: a temporary one, or
/// `$GONGWEN_CORPUS_KEEP/<part>` to keep it (benches/hostile.sh reads it).
fn corpus_dir(part: &str) -> (Option<tempfile::TempDir>, PathBuf) {
    match std::env::var_os("GONGWEN_CORPUS_KEEP") {
        Some(keep) => {
            let dir = PathBuf::from(keep).join(part);
            std::fs::create_dir_all(&dir).unwrap();
            (None, dir)
        }
        None => {
            let t = tempdir();
            let p = t.path().to_path_buf();
            (Some(t), p)
        }
    }
}

fn capping_tools_present() -> bool {
    // The PDFs' text is read back with pdftotext.
    common::tools::need(&[common::tools::Tool::Caps, common::tools::Tool::Poppler])
}

#[test]
fn every_hostile_document_ends_in_an_output_or_a_clear_error_within_the_caps() {
    if !capping_tools_present() {
        return;
    }
    let (_keep, dir) = corpus_dir("documents");
    let dir = dir.as_path();
    let mut failures = Vec::new();
    let mut all: Vec<(String, String, Expect, bool)> = documents(dir)
        .into_iter()
        .map(|(n, t, e)| (n, t, e, false))
        .collect();
    all.extend(
        layout_losses(dir)
            .into_iter()
            .map(|(n, t)| (n, t, Expect::Refused("page "), true)),
    );
    for (name, text, expect, paged_only) in all {
        let path = dir.join(&name);
        std::fs::write(&path, &text).unwrap();
        let stem = name.trim_end_matches(".yaml");
        for command in ["pdf", "docx", "html", "check"] {
            let output = dir.join(format!("{stem}.{command}"));
            let mut args = vec![command.to_string(), s(&path)];
            if command != "check" {
                args.extend(["-o".to_string(), s(&output)]);
            }
            // `gen html` leaves seals out unless asked.
            if command == "html" {
                args.push("--with-seals".into());
            }
            // The PDF's and the page's text is read back; the Word file's
            // text is the DOCX tests' business, and `gen check` writes none.
            let read_back = command == "pdf" || command == "html";
            let expect = match &expect {
                Expect::Ok(_) if !read_back => Expect::Ok(""),
                _ if paged_only && (command == "html" || command == "check") => Expect::Ok(""),
                e => e.clone(),
            };
            let output = read_back.then(|| output.clone());
            check(
                &Case {
                    name: name.clone(),
                    args,
                    output,
                    expect,
                },
                &mut failures,
            );
        }
        // And `gen build` of a folder holding only it.
        let folder = dir.join(format!("build-{stem}"));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(&name), &text).unwrap();
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == "png" || e == "svg") {
                std::fs::copy(&p, folder.join(p.file_name().unwrap())).unwrap();
            }
        }
        let expect = match &expect {
            Expect::Ok(_) => Expect::Ok(""),
            e => e.clone(),
        };
        check(
            &Case {
                name: name.clone(),
                args: vec![
                    "build".into(),
                    s(&folder),
                    "-o".into(),
                    s(&dir.join(format!("dist-{stem}"))),
                ],
                output: None,
                expect,
            },
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_hostile_import_ends_in_a_document_or_a_clear_error_within_the_caps() {
    if !capping_tools_present() {
        return;
    }
    let (_keep, dir) = corpus_dir("imports");
    let dir = dir.as_path();
    let mut failures = Vec::new();
    for (name, bytes, expect) in imports() {
        let path = dir.join(&name);
        std::fs::write(&path, &bytes).unwrap();
        let output = dir.join(format!("{name}.yaml"));
        check(
            &Case {
                name: name.clone(),
                args: vec!["import".into(), s(&path), "-o".into(), s(&output)],
                output: Some(output.clone()),
                expect,
            },
            &mut failures,
        );
    }
    // Devices are not files.
    #[cfg(unix)]
    for command in ["import", "pdf", "check"] {
        check(
            &Case {
                name: "/dev/zero".into(),
                args: if command == "check" {
                    vec![command.into(), "/dev/zero".into()]
                } else {
                    vec![
                        command.into(),
                        "/dev/zero".into(),
                        "-o".into(),
                        s(&dir.join("z.out")),
                    ]
                },
                output: None,
                expect: Expect::Refused("not a regular file"),
            },
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
