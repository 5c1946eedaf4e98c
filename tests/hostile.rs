//! Hostile inputs: what arrives by e-mail or sits in a repository a release
//! job builds. Nothing outside the input folders is read or echoed, no
//! source is deleted, and text is decoded by evidence, never garbled.

mod common;

use std::path::Path;

use common::{path_str, run_gen, tempdir};

/// A small valid document.
fn notice(title: &str) -> String {
    format!(
        "kind: 通知\ntitle: {title}\nbody:\n  - 请各单位认真贯彻执行。\nissuer: 测试市人民政府\ndate: 2024-03-01\n"
    )
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A credentials file outside the documents' folder, and a committed
/// symbolic link to it named like a document.
#[cfg(unix)]
#[test]
fn build_refuses_a_document_linked_from_outside_and_echoes_nothing_of_it() {
    let dir = tempdir();
    let private = dir.path().join("private");
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&private).unwrap();
    std::fs::create_dir_all(&docs).unwrap();
    let secret = "https://ci-bot:ghp_S3cr3tT0k3nValue0123456789abcdef@github.com";
    std::fs::write(private.join("git-credentials"), format!("{secret}\n")).unwrap();
    std::fs::write(private.join("other.yaml"), notice("关于外部文件的通知")).unwrap();
    std::fs::write(docs.join("good.yaml"), notice("关于内部文件的通知")).unwrap();
    let dist = dir.path().join("dist");
    for target in ["../private/git-credentials", "../private/other.yaml"] {
        let link = docs.join("a.yaml");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(target, &link).unwrap();
        let out = run_gen(&["build", path_str(&docs), "-o", path_str(&dist)]);
        let err = stderr(&out);
        assert!(!out.status.success(), "{target}: {err}");
        assert!(err.contains("a.yaml") && err.contains("outside"), "{err}");
        assert!(!err.contains("ghp_") && !err.contains("ci-bot"), "{err}");
        assert!(!dist.exists(), "{target}: nothing may be published");
    }
    // A link that stays inside the folder is a document like any other.
    let link = docs.join("a.yaml");
    std::fs::remove_file(&link).unwrap();
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::write(docs.join("sub/inner.yaml"), notice("关于链接文件的通知")).unwrap();
    std::os::unix::fs::symlink("sub/inner.yaml", &link).unwrap();
    let out = run_gen(&[
        "build",
        path_str(&docs),
        "-o",
        path_str(&dist),
        "--formats",
        "html",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Whatever a file is, an error quotes at most a short excerpt of it.
#[test]
fn parse_errors_never_echo_a_whole_file() {
    let dir = tempdir();
    let long = "x".repeat(300);
    for (name, text) in [
        (
            "passwd.yaml",
            "root:x:0:0:root:/root:/bin/bash\n".to_string(),
        ),
        (
            "env.yaml",
            "API_KEY=0123456789abcdef0123456789\nDB_PASSWORD=hunter2\n".to_string(),
        ),
        (
            "field.yaml",
            format!("kind: 通知\ntitle: 标题\ndate: {long}\n"),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        for command in ["pdf", "docx", "html", "check"] {
            let out = run_gen(&[command, path_str(&path)]);
            let all = format!("{}{}", stderr(&out), stdout(&out));
            assert!(!out.status.success(), "{command} {name}: {all}");
            assert!(
                !all.contains("/bin/bash") && !all.contains("hunter2"),
                "{all}"
            );
            // `gen check` quotes a field's value in its findings, as the
            // user wrote it; the writers' errors quote an excerpt.
            if command != "check" {
                assert!(!all.contains(&"x".repeat(60)), "{command} {name}: {all}");
            }
        }
    }
}

/// An earlier build's folder holding the sources: publishing would have
/// replaced it, sources and all.
#[test]
fn build_refuses_an_output_folder_that_is_or_holds_an_input() {
    let dir = tempdir();
    let site = dir.path().join("site");
    let src = site.join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("n.yaml"), notice("关于测试的通知")).unwrap();
    std::fs::write(
        site.join("manifest.json"),
        r#"{"gongwen": "0.1.0", "documents": []}"#,
    )
    .unwrap();
    for (input, out) in [(&src, &site), (&src, &src), (&site, &site)] {
        let run = run_gen(&[
            "build",
            path_str(input),
            "-o",
            path_str(out),
            "--formats",
            "html",
        ]);
        let err = stderr(&run);
        assert!(!run.status.success(), "{}: {err}", out.display());
        assert!(err.contains("output folder"), "{err}");
        assert!(src.join("n.yaml").is_file(), "the source must survive");
    }
    // A source file named directly counts too.
    let run = run_gen(&[
        "build",
        path_str(&src.join("n.yaml")),
        "-o",
        path_str(&site),
        "--formats",
        "html",
    ]);
    assert!(!run.status.success(), "{}", stderr(&run));
    assert!(src.join("n.yaml").is_file());
    // An output folder beside the sources is fine.
    let run = run_gen(&[
        "build",
        path_str(&src),
        "-o",
        path_str(&dir.path().join("dist")),
        "--formats",
        "html",
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
}

/// A build killed before it published leaves its staging folder; the next
/// build beside it removes it, and leaves a running build's alone.
#[test]
fn the_next_build_removes_an_interrupted_builds_staging_folder() {
    let dir = tempdir();
    let src = dir.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("n.yaml"), notice("关于测试的通知")).unwrap();
    // Interrupted: its lock file is held by nobody.
    let dead = dir.path().join(".gongwen-build-dead01");
    std::fs::create_dir_all(dead.join("inner")).unwrap();
    std::fs::write(dead.join("inner/n.pdf"), vec![0u8; 4096]).unwrap();
    std::fs::write(dir.path().join(".gongwen-build-dead01.lock"), b"").unwrap();
    // Running: this test holds its lock.
    let live = dir.path().join(".gongwen-build-live01");
    std::fs::create_dir_all(&live).unwrap();
    let lock = std::fs::File::create(dir.path().join(".gongwen-build-live01.lock")).unwrap();
    lock.try_lock().unwrap();
    let out = dir.path().join("dist");
    let run = run_gen(&[
        "build",
        path_str(&src),
        "-o",
        path_str(&out),
        "--formats",
        "html",
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(!dead.exists(), "the interrupted build's folder is removed");
    assert!(!dir.path().join(".gongwen-build-dead01.lock").exists());
    assert!(live.exists(), "a running build's folder is left alone");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".gongwen-build-") && !n.contains("live01"))
        .collect();
    assert!(left.is_empty(), "this build left {left:?}");
    drop(lock);
}

/// `--asset-root` widens where seal images may come from, for `gen build`
/// and `gen check` as for `gen pdf`.
#[test]
fn build_and_check_take_an_asset_root() {
    let dir = tempdir();
    let docs = dir.path().join("docs");
    let seals = dir.path().join("seals");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::create_dir_all(&seals).unwrap();
    std::fs::write(seals.join("seal.png"), common::png_ring(496, Some(11811))).unwrap();
    let yaml = notice("关于测试的通知") + "seal: ../seals/seal.png\n";
    let doc = docs.join("n.yaml");
    std::fs::write(&doc, yaml).unwrap();
    let out = dir.path().join("dist");

    let check = run_gen(&["check", path_str(&doc)]);
    assert!(
        !check.status.success(),
        "outside the folder: {}",
        stdout(&check)
    );
    assert!(stdout(&check).contains("seal-image"), "{}", stdout(&check));
    let build = run_gen(&[
        "build",
        path_str(&docs),
        "-o",
        path_str(&out),
        "--formats",
        "pdf",
    ]);
    assert!(!build.status.success(), "{}", stderr(&build));

    let root = dir.path();
    let check = run_gen(&["check", path_str(&doc), "--asset-root", path_str(root)]);
    assert!(
        !stdout(&check).contains("seal-image"),
        "with --asset-root: {}",
        stdout(&check)
    );
    let build = run_gen(&[
        "build",
        path_str(&docs),
        "-o",
        path_str(&out),
        "--formats",
        "pdf",
        "--asset-root",
        path_str(root),
    ]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(out.join("n.pdf").is_file());
}

fn import_file(dir: &Path, name: &str, bytes: &[u8]) -> (std::process::Output, Option<String>) {
    let input = dir.join(name);
    std::fs::write(&input, bytes).unwrap();
    let output = dir.join(format!("{name}.yaml"));
    let run = run_gen(&["import", path_str(&input), "-o", path_str(&output)]);
    (run, std::fs::read_to_string(&output).ok())
}

/// One stray byte in a UTF-8 file: the file stays UTF-8 and the byte is
/// reported where it stands.
#[test]
fn import_keeps_utf8_with_a_stray_byte_and_reports_it() {
    let dir = tempdir();
    let mut bytes = "关于测试的通知\n\n各单位：\n现将有关事项通知如下。\n"
        .as_bytes()
        .to_vec();
    let at = "关于测试的通知\n\n各单位：\n现将".len();
    bytes.insert(at, 0xFF);
    let (run, yaml) = import_file(dir.path(), "stray.txt", &bytes);
    assert!(run.status.success(), "{}", stderr(&run));
    let yaml = yaml.unwrap();
    assert!(yaml.contains("关于测试的通知"), "{yaml}");
    assert!(yaml.contains("(UTF-8)"), "{yaml}");
    assert!(!yaml.contains("鍏充簬"), "garbled as GB18030: {yaml}");
    let err = stderr(&run);
    assert!(err.contains(":4:3:") && err.contains("0xFF"), "{err}");
}

/// UTF-32 (with or without a mark) and CR-only line ends read as text.
#[test]
fn import_reads_utf32_and_cr_only_line_ends() {
    let dir = tempdir();
    let text = "关于测试的通知\r\r各单位：\r现将有关事项通知如下。\r";
    let le: Vec<u8> = text
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    let with_bom = [b"\xFF\xFE\x00\x00".as_slice(), &le].concat();
    for (name, bytes) in [
        ("u32bom.txt", with_bom),
        ("u32.txt", le.clone()),
        ("cr.txt", text.as_bytes().to_vec()),
    ] {
        let (run, yaml) = import_file(dir.path(), name, &bytes);
        assert!(run.status.success(), "{name}: {}", stderr(&run));
        let yaml = yaml.unwrap();
        assert!(yaml.contains("title: 关于测试的通知"), "{name}: {yaml}");
        assert!(yaml.contains("现将有关事项通知如下。"), "{name}: {yaml}");
    }
}

/// Bytes no encoding explains are refused, and nothing is written.
#[test]
fn import_refuses_what_it_cannot_decode_with_confidence() {
    let dir = tempdir();
    // Every fourth byte 0xFF, which neither UTF-8 nor GB18030 has.
    let bytes: Vec<u8> = (0..400u32)
        .map(|i| {
            if i % 4 == 0 {
                0xFF
            } else {
                (0x80 + (i * 37) % 0x7F) as u8
            }
        })
        .collect();
    let (run, yaml) = import_file(dir.path(), "noise.txt", &bytes);
    assert!(!run.status.success());
    assert!(stderr(&run).contains("encoding"), "{}", stderr(&run));
    assert!(yaml.is_none(), "nothing written");
}
