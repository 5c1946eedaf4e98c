//! `gen build`: the publication folder — outputs, manifest.json,
//! SHA256SUMS — reproducible whatever `--jobs` says, all or nothing.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::tools::{Tool, need};
use common::{path_str, root, run_gen};
use serde_json::Value;

/// The DOCX files in `dir`, checked by the OOXML validator in one run.
fn assert_docx_valid(dir: &Path) {
    let docx: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert!(!docx.is_empty(), "no DOCX in {}", dir.display());
    common::ooxml::assert_valid(&docx.iter().map(PathBuf::as_path).collect::<Vec<_>>());
}

/// Paragraphs of real prose (the seed notice's text), to vary documents.
fn prose() -> Vec<String> {
    std::fs::read_to_string(common::root().join("tests/fixtures/seed-notice.txt"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| l.chars().count() > 60)
        .map(String::from)
        .collect()
}

/// A document with a 版头 (份号, 发文机关标志, 发文字号) and a 版记 (抄送,
/// 印发机关和印发日期), whose 正文 is `paragraphs` paragraphs of prose
/// starting at `offset`.
fn document(n: usize, offset: usize, paragraphs: usize) -> String {
    let prose = prose();
    let body: String = (0..paragraphs)
        .map(|i| format!("  - {}\n", prose[(offset + i) % prose.len()]))
        .collect();
    format!(
        "copy_number: \"{:06}\"\nissuer_mark: 测试市人民政府文件\ndoc_number: 测政发〔2024〕{n}号\n\
         kind: 通知\ntitle: 关于第{n}批试点工作的通知\naddressees: [各区人民政府]\nbody:\n{body}\
         issuer: 测试市人民政府\ndate: 2024-03-{:02}\ncc: [市档案局, 市财政局]\n\
         printing: {{organ: 测试市人民政府办公室, date: 2024-03-{:02}}}\n",
        100 + n,
        1 + n % 28,
        2 + n % 27,
    )
}

/// Writes `docs` (relative path → YAML) under `dir`.
fn write_docs(dir: &Path, docs: &[(&str, String)]) {
    for (rel, yaml) in docs {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, yaml).unwrap();
    }
}

/// Every file of a folder: name → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// `gen build SRC -o OUT EXTRA…`.
fn gen_build(src: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build", path_str(src), "-o", path_str(out)];
    args.extend(extra);
    run_gen(&args)
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

fn sha256sum(path: &Path) -> String {
    let o = Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8(o.stdout).unwrap()[..64].to_string()
}

fn pdfinfo_pages(path: &Path) -> usize {
    let o = Command::new("pdfinfo").arg(path).output().unwrap();
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Nothing but `keep` in `dir` (no staging folder left behind).
fn assert_only(dir: &Path, keep: &[&str]) {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut want: Vec<String> = keep.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(names, want);
}

#[test]
fn same_sources_give_the_same_bytes_whatever_the_jobs() {
    let dir = common::tempdir();
    let src = dir.path().join("src");
    let docs: Vec<(String, String)> = (0..6)
        .map(|i| {
            let rel = if i % 2 == 0 {
                format!("n{i}.yaml")
            } else {
                format!("sub/deeper/n{i}.yml")
            };
            (rel, document(i, i * 7, 4 + i * 3))
        })
        .collect();
    let docs: Vec<(&str, String)> = docs.iter().map(|(r, y)| (r.as_str(), y.clone())).collect();
    write_docs(&src, &docs);
    let one = dir.path().join("one");
    let three = dir.path().join("three");
    for (out, jobs) in [(&one, "1"), (&three, "3")] {
        let o = gen_build(&src, out, &["--jobs", jobs]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let (a, b) = (files(&one), files(&three));
    let names: Vec<&String> = a.keys().collect();
    let mut want: Vec<String> = (0..6)
        .flat_map(|i| {
            [
                format!("n{i}.pdf"),
                format!("n{i}.docx"),
                format!("n{i}.html"),
            ]
        })
        .chain(["SHA256SUMS", "manifest.json", "gongwen.schema.json"].map(String::from))
        .collect();
    want.sort();
    assert_eq!(names, want.iter().collect::<Vec<_>>());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    assert_docx_valid(&one);
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between --jobs 1 and 3");
    }
    // And a third run into the first folder replaces it with the same bytes.
    let o = gen_build(&src, &one, &["--jobs", "2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&one), a);
    assert_only(dir.path(), &["src", "one", "three"]);
}

#[test]
fn manifest_and_checksums_describe_the_folder() {
    let dir = common::tempdir();
    let src = dir.path().join("src");
    write_docs(
        &src,
        &[
            ("a.yaml", document(3, 0, 12)),
            (
                "b.yaml",
                "kind: 函\ntitle: 关于商请支持的函\nissuer: [甲机关, 乙机关]\ndate: 2023-11-30\nbody:\n  - 正文。\n"
                    .into(),
            ),
        ],
    );
    let out = dir.path().join("out");
    let o = gen_build(&src, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_docx_valid(&out);

    // SHA256SUMS: what `sha256sum -c` accepts, over every other file.
    let check = Command::new("sha256sum")
        .args(["-c", "--strict", "SHA256SUMS"])
        .current_dir(&out)
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
    let sums = std::fs::read_to_string(out.join("SHA256SUMS")).unwrap();
    let listed: Vec<&str> = sums.lines().map(|l| &l[66..]).collect();
    assert_eq!(
        listed,
        [
            "a.docx",
            "a.html",
            "a.pdf",
            "b.docx",
            "b.html",
            "b.pdf",
            "gongwen.schema.json",
            "manifest.json"
        ]
    );

    let m = manifest(&out);
    assert_eq!(m["gongwen"], env!("CARGO_PKG_VERSION"));
    assert_eq!(m["formats"], serde_json::json!(["pdf", "docx", "html"]));
    let docs = m["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    let a = &docs[0];
    assert_eq!(a["name"], "a");
    assert_eq!(a["kind"], "通知");
    assert_eq!(a["title"], "关于第3批试点工作的通知");
    assert_eq!(a["doc_number"], "测政发〔2024〕3号");
    assert_eq!(a["date"], "2024-03-04");
    assert_eq!(a["issuer"], serde_json::json!(["测试市人民政府"]));
    assert_eq!(
        a["source"]["path"],
        path_str(&src.join("a.yaml")),
        "the source as found"
    );
    assert_eq!(a["source"]["sha256"], sha256sum(&src.join("a.yaml")));
    if need(&[Tool::Poppler]) {
        assert_eq!(
            a["pages"].as_u64().unwrap() as usize,
            pdfinfo_pages(&out.join("a.pdf"))
        );
    }
    assert!(a["pages"].as_u64().unwrap() >= 2, "{a}");
    for output in a["outputs"].as_array().unwrap() {
        let file = out.join(output["file"].as_str().unwrap());
        assert_eq!(
            output["bytes"].as_u64().unwrap(),
            std::fs::metadata(&file).unwrap().len()
        );
        assert_eq!(output["sha256"], sha256sum(&file));
    }
    let b = &docs[1];
    assert_eq!(b["kind"], "函");
    assert_eq!(b["doc_number"], Value::Null);
    assert_eq!(b["issuer"], serde_json::json!(["甲机关", "乙机关"]));
    assert_eq!(b["pages"], 1);

    // The outputs are what `gen pdf` and `gen docx` make of each source.
    for (cmd, ext) in [("pdf", "pdf"), ("docx", "docx"), ("html", "html")] {
        let single = dir.path().join(format!("single.{ext}"));
        let o = run_gen(&[cmd, path_str(&src.join("a.yaml")), "-o", path_str(&single)]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            std::fs::read(&single).unwrap() == std::fs::read(out.join(format!("a.{ext}"))).unwrap()
        );
    }
}

#[test]
fn a_failing_document_is_reported_and_the_rest_are_built() {
    let dir = common::tempdir();
    let src = dir.path().join("src");
    write_docs(
        &src,
        &[
            ("good1.yaml", document(1, 0, 2)),
            (
                "bad.yaml",
                "kind: 通知\ntitle: 标题\ndate: 2019-02-30\nbody: [正文]\n".into(),
            ),
            ("good2.yaml", document(2, 3, 2)),
        ],
    );
    let out = dir.path().join("out");
    let o = gen_build(&src, &out, &["--jobs", "2"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("bad.yaml:3:7: date: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let names: Vec<String> = files(&out).into_keys().collect();
    assert_eq!(
        names,
        [
            "SHA256SUMS",
            "gongwen.schema.json",
            "good1.docx",
            "good1.html",
            "good1.pdf",
            "good2.docx",
            "good2.html",
            "good2.pdf",
            "manifest.json"
        ]
    );
    let m = manifest(&out);
    let built: Vec<&str> = m["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(built, ["good1", "good2"]);
    assert_docx_valid(&out);
}

#[test]
fn when_every_document_fails_the_folder_is_left_alone() {
    let dir = common::tempdir();
    let src = dir.path().join("src");
    write_docs(&src, &[("a.yaml", document(1, 0, 2))]);
    let out = dir.path().join("out");
    assert!(gen_build(&src, &out, &[]).status.success());
    let before = files(&out);
    std::fs::write(src.join("a.yaml"), "kind: 通知\n").unwrap();
    let o = gen_build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("left as it was"), "{}", stderr(&o));
    assert_eq!(files(&out), before);
    assert_only(dir.path(), &["src", "out"]);
}

#[test]
fn name_collisions_are_refused_before_anything_is_written() {
    let dir = common::tempdir();
    let src = dir.path().join("src");
    write_docs(
        &src,
        &[
            ("east/notice.yaml", document(1, 0, 2)),
            ("west/Notice.yml", document(2, 0, 2)),
        ],
    );
    let out = dir.path().join("out");
    let o = gen_build(&src, &out, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("east/notice.yaml") && err.contains("west/Notice.yml"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
    assert_only(dir.path(), &["src"]);
}

#[test]
fn a_folder_gen_build_did_not_make_is_not_replaced() {
    let dir = common::tempdir();
    let src = dir.path().join("src");
    write_docs(&src, &[("a.yaml", document(1, 0, 2))]);
    let out = dir.path().join("mine");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "KEEP").unwrap();
    let o = gen_build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("not a folder `gen build` made"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(out.join("notes.txt")).unwrap(), b"KEEP");
    assert_only(&out, &["notes.txt"]);
    assert_only(dir.path(), &["src", "mine"]);
}

#[test]
fn a_rebuild_replaces_the_whole_folder() {
    let dir = common::tempdir();
    let src = dir.path().join("src");
    write_docs(
        &src,
        &[("a.yaml", document(1, 0, 2)), ("b.yaml", document(2, 1, 2))],
    );
    let out = dir.path().join("out");
    assert!(gen_build(&src, &out, &[]).status.success());
    std::fs::remove_file(src.join("b.yaml")).unwrap();
    let o = gen_build(&src, &out, &["--formats", "pdf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // b's outputs and a's DOCX were of the earlier build: gone.
    assert_only(
        &out,
        &[
            "SHA256SUMS",
            "a.pdf",
            "gongwen.schema.json",
            "manifest.json",
        ],
    );
    assert_eq!(manifest(&out)["formats"], serde_json::json!(["pdf"]));
    assert_only(dir.path(), &["src", "out"]);
}

/// A document whose web page is refused (a classified one, §7.2.2) fails
/// whole: its PDF and DOCX, made before the page was refused, are not left
/// in the folder, and `SHA256SUMS` lists exactly the folder.
#[test]
fn a_document_that_fails_in_one_format_leaves_no_file() {
    let dir = common::tempdir();
    let src = dir.path().join("src");
    let secret =
        document(1, 0, 2).replace("kind:", "classification: {level: 秘密, period: 1年}\nkind:");
    write_docs(&src, &[("a.yaml", secret), ("b.yaml", document(2, 1, 2))]);
    let out = dir.path().join("out");
    let o = gen_build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("a.yaml"), "{}", stderr(&o));
    assert_only(
        &out,
        &[
            "SHA256SUMS",
            "b.docx",
            "b.html",
            "b.pdf",
            "gongwen.schema.json",
            "manifest.json",
        ],
    );
    let check = Command::new("sha256sum")
        .args(["-c", "--strict", "SHA256SUMS"])
        .current_dir(&out)
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
}

/// A web page has no pages: building only HTML lays nothing out, so a
/// character no font has (which stops the PDF) does not stop the page,
/// and the manifest gives no page count.
#[test]
fn html_alone_is_not_laid_out() {
    let dir = common::tempdir();
    let src = dir.path().join("src");
    let yaml = document(1, 0, 2).replace("body:\n", "body:\n  - 无字形\u{F0001}。\n");
    write_docs(&src, &[("a.yaml", yaml)]);
    let out = dir.path().join("out");
    let o = gen_build(&src, &out, &["--formats", "html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = manifest(&out);
    let a = &m["documents"][0];
    assert_eq!(a["outputs"].as_array().unwrap().len(), 1);
    assert!(a.get("pages").is_none(), "{a}");
    let o = gen_build(&src, &dir.path().join("pdf"), &["--formats", "pdf"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("U+F0001"), "{}", stderr(&o));
}

#[test]
fn paths_are_files_or_folders_and_default_to_data() {
    let dir = common::tempdir();
    let src = dir.path().join("src");
    write_docs(
        &src,
        &[
            ("a.yaml", document(1, 0, 2)),
            ("skip.txt", "not a document".into()),
            (".hidden/h.yaml", "not: parsed".into()),
        ],
    );
    let extra: PathBuf = dir.path().join("extra.yaml");
    std::fs::write(&extra, document(5, 2, 2)).unwrap();
    let out = dir.path().join("out");
    // The folder and a file in it (once), and a file elsewhere.
    let o = run_gen(&[
        "build",
        path_str(&src),
        path_str(&src.join("a.yaml")),
        path_str(&extra),
        "-o",
        path_str(&out),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = manifest(&out)["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["a", "extra"]);

    // No PATH: data/ (run_gen runs in the repository root).
    let out2 = dir.path().join("out2");
    let o = run_gen(&["build", "-o", path_str(&out2)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = manifest(&out2);
    let built: Vec<&str> = m["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source"]["path"].as_str().unwrap())
        .collect();
    let mut in_data: Vec<String> = std::fs::read_dir(root().join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
        .map(|n| format!("data/{n}"))
        .collect();
    in_data.sort();
    assert!(built.contains(&"data/seed-notice.yaml"), "{built:?}");
    assert_eq!(built, in_data);

    // An empty folder has nothing to build.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = run_gen(&[
        "build",
        path_str(&empty),
        "-o",
        path_str(&dir.path().join("x")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no documents"), "{}", stderr(&o));
}
