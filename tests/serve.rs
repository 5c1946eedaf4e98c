//! `gen serve` over HTTP, as a browser (or an attacker's page) talks to it:
//! refusals of foreign Host/Origin, of requests without the session token,
//! of paths outside the folder and of oversized uploads; a save that gives
//! byte-identical output through `gen pdf`; the downloaded PDF holds the
//! preview's pages; and the journal that survives a killed server.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::tools::{Tool, need};

/// A running `gen serve`, killed when dropped.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`
    host: String,
    token: String,
}

impl Server {
    fn start(path: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gen"))
            .arg("serve")
            .arg(path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("gen serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find_map(|w| w.split("http://").nth(1))
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        let host = url.trim_end_matches('/').to_string();
        assert!(host.starts_with("127.0.0.1:"), "{host}");
        let mut s = Server {
            child,
            host,
            token: String::new(),
        };
        let (status, body) = s.get("/api/session");
        assert_eq!(status, 200);
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        s.token = v["token"].as_str().unwrap().to_string();
        s
    }

    /// One HTTP/1.0 request (no chunked answers) with `headers`; Host is
    /// the server's own unless given.
    fn raw(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.host).unwrap();
        let mut head = format!("{method} {path} HTTP/1.0\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            head.push_str(&format!("Host: {}\r\n", self.host));
        }
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        stream.write_all(head.as_bytes()).unwrap();
        let _ = stream.write_all(body);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let split = answer
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("an HTTP answer");
        let status_line = String::from_utf8_lossy(&answer[..split]).to_string();
        let status: u16 = status_line
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        (status, answer[split + 4..].to_vec())
    }

    fn get(&self, path: &str) -> (u16, Vec<u8>) {
        self.raw("GET", path, &[], b"")
    }

    fn post(&self, path: &str, body: &serde_json::Value) -> (u16, serde_json::Value, Vec<u8>) {
        let bytes = serde_json::to_vec(body).unwrap();
        let (status, answer) = self.raw(
            "POST",
            path,
            &[
                ("X-Gongwen-Token", &self.token),
                ("Origin", &format!("http://{}", self.host)),
                ("Content-Type", "application/json"),
            ],
            &bytes,
        );
        let json = serde_json::from_slice(&answer).unwrap_or(serde_json::Value::Null);
        (status, json, answer)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const NOTICE: &str = "kind: 通知\ntitle: 关于开展安全检查的通知\naddressees: [各区人民政府]\n\
                      issuer: 清河市人民政府\ndate: 2024-05-06\nbody:\n  - 为做好安全工作，现就有关事项通知如下。\n\
                      \x20 - heading: 检查范围\n    body: [全市各单位。]\n";

fn folder() -> tempfile::TempDir {
    let dir = common::tempdir();
    std::fs::write(dir.path().join("notice.yaml"), NOTICE).unwrap();
    std::fs::write(
        dir.path().parent().unwrap().join("outside-secret.yaml"),
        NOTICE,
    )
    .ok();
    dir
}

/// DNS rebinding and other sites' pages: a foreign Host or Origin is
/// refused before anything is read or written, and a POST without the
/// session's token changes nothing.
#[test]
fn foreign_host_origin_and_missing_token_are_refused() {
    let dir = folder();
    let s = Server::start(dir.path());
    let (status, _) = s.raw(
        "GET",
        "/api/open?path=notice.yaml",
        &[("Host", "evil.example")],
        b"",
    );
    assert_eq!(status, 403);
    let (status, _) = s.raw("GET", "/", &[("Host", "127.0.0.1:1")], b"");
    assert_eq!(status, 403);
    let save = serde_json::json!({"path": "notice.yaml", "yaml": "kind: 通知\n", "force": true});
    let body = serde_json::to_vec(&save).unwrap();
    let (status, answer) = s.raw(
        "POST",
        "/api/save",
        &[
            ("X-Gongwen-Token", &s.token),
            ("Origin", "http://evil.example"),
        ],
        &body,
    );
    assert_eq!(status, 403, "{}", String::from_utf8_lossy(&answer));
    let (status, _) = s.raw("POST", "/api/save", &[], &body);
    assert_eq!(status, 403);
    let (status, _) = s.raw("POST", "/api/save", &[("X-Gongwen-Token", "0123")], &body);
    assert_eq!(status, 403);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notice.yaml")).unwrap(),
        NOTICE
    );
    // The page itself: a CSP that loads nothing from elsewhere.
    let mut stream = TcpStream::connect(&s.host).unwrap();
    write!(stream, "GET / HTTP/1.0\r\nHost: {}\r\n\r\n", s.host).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.contains("default-src 'none'"), "{answer}");
    assert!(!answer.contains("http://") && !answer.contains("https://"));
}

/// No path outside the served folder is read or written: `..`, absolute
/// paths, a symbolic link out, and files that are not documents.
#[test]
fn paths_outside_the_folder_are_refused() {
    let dir = folder();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc", dir.path().join("etc")).unwrap();
    let s = Server::start(dir.path());
    for bad in [
        "../outside-secret.yaml",
        "%2E%2E/outside-secret.yaml",
        "/etc/passwd",
        "%2Fetc%2Fpasswd",
        "etc/passwd",
        "notice.pdf",
    ] {
        let (status, body) = s.get(&format!("/api/open?path={bad}"));
        assert_eq!(status, 400, "{bad}: {}", String::from_utf8_lossy(&body));
    }
    for bad in ["../escaped.yaml", "/tmp/escaped.yaml", "etc/x.yaml"] {
        let (status, _, _) = s.post(
            "/api/save",
            &serde_json::json!({"path": bad, "yaml": NOTICE, "force": true}),
        );
        assert_eq!(status, 400, "{bad}");
    }
    assert!(!dir.path().parent().unwrap().join("escaped.yaml").exists());
    let (status, body) = s.get("/api/open?path=notice.yaml");
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
}

/// Uploads: 20 MB at most, and judged by their bytes (a PDF named .docx
/// is refused by import's own sniffing), with a message and no trace.
#[test]
fn uploads_are_limited_and_checked_by_content() {
    let dir = folder();
    let s = Server::start(dir.path());
    let big = vec![b'a'; (20 << 20) + 1];
    let (status, _) = s.raw(
        "POST",
        "/api/import?name=big.txt",
        &[("X-Gongwen-Token", &s.token)],
        &big,
    );
    assert_eq!(status, 413);
    let (status, body) = s.raw(
        "POST",
        "/api/import?name=x.docx",
        &[("X-Gongwen-Token", &s.token)],
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    );
    assert_eq!(status, 400);
    let text = String::from_utf8_lossy(&body);
    assert!(text.contains("PDF"), "{text}");
    assert!(
        !text.contains("panicked") && !text.contains("src/"),
        "{text}"
    );
    let (status, body) = s.raw(
        "POST",
        "/api/seal?path=notice.yaml&name=s",
        &[("X-Gongwen-Token", &s.token)],
        b"<html>not an image</html>",
    );
    assert_eq!(status, 400, "{}", String::from_utf8_lossy(&body));
    assert!(!dir.path().join("seals").join("s.png").exists());
}

/// The saved YAML is the editor's text byte for byte, and `gen pdf` of it
/// is the PDF the editor downloads; that PDF has the preview's pages
/// (same count, same text on each).
#[test]
fn a_save_round_trips_and_the_pdf_has_the_previews_pages() {
    let dir = folder();
    let s = Server::start(dir.path());
    let (_, opened) = {
        let (status, body) = s.get("/api/open?path=notice.yaml");
        (
            status,
            serde_json::from_slice::<serde_json::Value>(&body).unwrap(),
        )
    };
    let edited = NOTICE.replace("全市各单位。", &"全市各单位逐项检查、逐条整改。".repeat(90));
    let (status, preview, _) = s.post(
        "/api/preview",
        &serde_json::json!({"path": "notice.yaml", "yaml": edited, "journal": true}),
    );
    assert_eq!(status, 200);
    let pages = preview["pages"].as_array().unwrap();
    assert!(pages.len() >= 2, "{preview}");
    // Every page's SVG is served by its hash.
    for p in pages {
        let (status, svg) = s.get(&format!("/api/page/{}.svg", p["hash"].as_str().unwrap()));
        assert_eq!(status, 200);
        assert!(svg.starts_with(b"<svg"));
    }
    let (status, saved, _) = s.post(
        "/api/save",
        &serde_json::json!({"path": "notice.yaml", "yaml": edited, "version": opened["version"]}),
    );
    assert_eq!(status, 200, "{saved}");
    let on_disk = std::fs::read(dir.path().join("notice.yaml")).unwrap();
    assert_eq!(on_disk, edited.as_bytes());
    let (status, _, downloaded) = s.post(
        "/api/export/pdf",
        &serde_json::json!({"path": "notice.yaml", "yaml": edited}),
    );
    assert_eq!(status, 200);
    let out = dir.path().join("cli.pdf");
    let o = Command::new(env!("CARGO_BIN_EXE_gen"))
        .args(["pdf", "notice.yaml", "-o", "cli.pdf"])
        .current_dir(dir.path())
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("GONGWEN_FONT_DIR")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        std::fs::read(&out).unwrap() == downloaded,
        "gen pdf of the saved YAML differs from the download"
    );
    // A second save over a file changed on disk is refused without force.
    std::fs::write(dir.path().join("notice.yaml"), NOTICE).unwrap();
    let (status, conflict, _) = s.post(
        "/api/save",
        &serde_json::json!({"path": "notice.yaml", "yaml": edited, "version": saved["version"]}),
    );
    assert_eq!(status, 409, "{conflict}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notice.yaml")).unwrap(),
        NOTICE
    );
    if !need(&[Tool::Poppler]) {
        return;
    }
    std::fs::write(dir.path().join("download.pdf"), &downloaded).unwrap();
    for (k, page) in pages.iter().enumerate() {
        let text = common::run(
            "pdftotext",
            &[
                "-f",
                &(k + 1).to_string(),
                "-l",
                &(k + 1).to_string(),
                common::path_str(&dir.path().join("download.pdf")),
                "-",
            ],
            &[],
        );
        let from_pdf = common::strip_ws(&String::from_utf8_lossy(&text));
        let from_preview = common::strip_ws(page["text"].as_str().unwrap());
        assert_eq!(from_pdf, from_preview, "page {}", k + 1);
    }
    let info = String::from_utf8(common::run(
        "pdfinfo",
        &[common::path_str(&dir.path().join("download.pdf"))],
        &[],
    ))
    .unwrap();
    let count = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse::<usize>().unwrap());
    assert_eq!(count, Some(pages.len()), "{info}");
}

/// Unsaved edits survive a killed server: the journal written with the
/// preview is offered back when the document is opened again.
#[test]
fn a_killed_server_leaves_the_edits_in_the_journal() {
    let dir = folder();
    let edited = NOTICE.replace("全市各单位。", "全市各单位，包括新设立的单位。");
    {
        let mut s = Server::start(dir.path());
        let (status, _, _) = s.post(
            "/api/preview",
            &serde_json::json!({"path": "notice.yaml", "yaml": edited, "journal": true}),
        );
        assert_eq!(status, 200);
        // SIGKILL: no chance to clean up.
        s.child.kill().unwrap();
        s.child.wait().unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notice.yaml")).unwrap(),
        NOTICE
    );
    let s = Server::start(dir.path());
    let (status, body) = s.get("/api/open?path=notice.yaml");
    assert_eq!(status, 200);
    let opened: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(opened["text"], NOTICE);
    assert_eq!(opened["journal"], edited.as_str());
    // The journal is hidden and is not a document of the folder.
    let (_, session) = s.get("/api/session");
    let session: serde_json::Value = serde_json::from_slice(&session).unwrap();
    assert_eq!(session["documents"], serde_json::json!(["notice.yaml"]));
}

/// A finding comes back at its field, with a one-click fix that was
/// tried: a heading that writes its own number (§7.3.3).
#[test]
fn findings_carry_their_field_and_a_tried_fix() {
    let dir = folder();
    let s = Server::start(dir.path());
    let yaml = NOTICE.replace("heading: 检查范围", "heading: 一、检查范围");
    let (status, preview, _) = s.post(
        "/api/preview",
        &serde_json::json!({"path": "notice.yaml", "yaml": yaml}),
    );
    assert_eq!(status, 200);
    let findings = preview["findings"].as_array().unwrap();
    let k = findings
        .iter()
        .position(|f| f["path"] == "body[1].heading")
        .unwrap_or_else(|| panic!("{preview}"));
    let fix = preview["fixes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["finding"] == k)
        .unwrap_or_else(|| panic!("{preview}"));
    assert_eq!(fix["value"], "检查范围");
    // A document the writers refuse says why, with no pages and no trace.
    let (status, preview, _) = s.post(
        "/api/preview",
        &serde_json::json!({"path": "notice.yaml", "yaml": "kind: 通知\ntitle: 无日期\nbody: [x]\n"}),
    );
    assert_eq!(status, 200);
    assert!(preview["pages"].as_array().unwrap().is_empty());
    let error = preview["error"].as_str().unwrap();
    assert!(error.contains("date"), "{error}");
    assert!(!error.contains(common::path_str(dir.path())), "{error}");
}

/// A refusal is said at its field, in Chinese: the rulebook's (a 命令
/// without its 令号), an image's (a seal that is not there), and the
/// layout's (签发人 so many they run off the paper).
#[test]
fn refusals_stand_at_their_field_in_chinese() {
    let dir = folder();
    let s = Server::start(dir.path());
    let notice =
        "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试局\ndate: 2024-01-02\nbody: [正文。]\n";
    let cases = [
        (
            "format: order\nkind: 命令\nissuer_mark: 测试市人民政府令\nissuer: 测试市人民政府\ndate: 2024-01-02\nbody: [正文。]\nsignature_seal: {title: 市长, image: none.png}\n".to_string(),
            "format",
            "令号",
        ),
        (format!("{notice}seal: nothere.png\n"), "seal", "找不到"),
        (
            format!(
                "{notice}signers: [{}]\n",
                ["张三", "李四", "王五", "赵六"].map(|n| n.repeat(8)).join(", ")
            ),
            "signers",
            "超出",
        ),
    ];
    for (yaml, field, words) in cases {
        let (status, preview, _) = s.post(
            "/api/preview",
            &serde_json::json!({"path": "notice.yaml", "yaml": yaml}),
        );
        assert_eq!(status, 200);
        let r = &preview["refusal"];
        assert_eq!(r["path"], field, "{preview}");
        let zh = r["zh"].as_str().unwrap();
        assert!(zh.contains(words), "{zh}");
        // No English outside the values it quotes (“…”).
        let words: String = zh
            .replace("Word", "")
            .split('“')
            .map(|p| p.split_once('”').map_or(p, |(_, r)| r))
            .collect();
        assert!(!words.chars().any(|c| c.is_ascii_lowercase()), "{zh}");
        // Every finding has Chinese words and its place in words.
        for f in preview["findings"].as_array().unwrap() {
            assert!(f["zh"].as_str().is_some_and(|z| !z.is_empty()), "{f}");
            assert!(f["place"].as_str().is_some(), "{f}");
        }
    }
}
