//! `gen serve`: a local web editor. The browser shows a form in paper
//! order, the YAML, and the real pages — the layout stage's own, drawn as
//! SVG — updated as the user types; the server keeps one typesetter warm
//! between requests ([`engine`]). Everything it serves is inside the
//! binary (`assets/`); it listens on 127.0.0.1 unless told otherwise and
//! refuses what does not come from its own page ([`guard`]).
//!
//! The HTTP API (JSON unless said otherwise; every POST carries the
//! session token in `X-Gongwen-Token`):
//!
//! - `GET /` the editor; `GET /app.js`, `/app.css`
//! - `GET /api/session` the token, the folder's documents, the formats'
//!   fields, the 文种
//! - `GET /api/open?path=P` a document's text, version and journal
//! - `POST /api/preview` `{path, yaml | model}` → pages (hashes), findings,
//!   the YAML and the form's model; records the journal
//! - `GET /api/page/HASH.svg` one page of a recent preview
//! - `POST /api/save` `{path, yaml, version, force}` atomic save
//! - `POST /api/discard` `{path}` forgets the journal
//! - `POST /api/import?name=N` (the file's bytes) → YAML and report
//! - `POST /api/export/FORMAT` `{path, yaml}` → PDF, DOCX, HTML or YAML
//! - `POST /api/seal?path=P&name=N` (the image's bytes) → the image's path

pub mod engine;
pub mod form;
pub mod guard;
pub mod report;
pub mod store;
pub mod watch;
pub mod zh;

use std::io::Read;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value as Json, json};
use tiny_http::{Header, Method, Request, Response};

use crate::fonts::FontSet;
use engine::Engine;
use guard::{Folder, Origins, Refusal};

/// The most an upload (an import, a seal image) or a request may carry.
pub const MAX_UPLOAD_BYTES: u64 = 20 << 20;

/// The page loads nothing from elsewhere, runs no inline script and is
/// framed by nobody.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; \
                   connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

const INDEX: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const APP_CSS: &str = include_str!("assets/app.css");

/// How the server is started.
#[derive(Debug, Clone)]
pub struct Config {
    /// A YAML file (opened at start) or a folder.
    pub path: PathBuf,
    pub host: IpAddr,
    /// `None`: a free port.
    pub port: Option<u16>,
}

/// Why the server cannot start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{}: cannot serve: {source}", path.display())]
    Path {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot listen on {address}: {message}")]
    Listen { address: String, message: String },
}

/// A running editor.
pub struct Server {
    http: tiny_http::Server,
    address: SocketAddr,
    state: State,
}

struct State {
    folder: Folder,
    origins: Origins,
    token: String,
    /// The document opened at start (folder-relative), if a file was named.
    start: Option<String>,
    engine: Engine,
}

impl Server {
    /// Binds the server (fonts live as long as the process).
    pub fn bind(config: &Config, fonts: &'static FontSet) -> Result<Server, ServeError> {
        let path_err = |source| ServeError::Path {
            path: config.path.clone(),
            source,
        };
        let meta = std::fs::metadata(&config.path).map_err(path_err)?;
        let (dir, start) = if meta.is_dir() {
            (config.path.clone(), None)
        } else {
            let dir = match config.path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            (dir, config.path.file_name().map(PathBuf::from))
        };
        let folder = Folder::new(&dir).map_err(path_err)?;
        let address = SocketAddr::new(config.host, config.port.unwrap_or(0));
        let http = tiny_http::Server::http(address).map_err(|e| ServeError::Listen {
            address: address.to_string(),
            message: e.to_string(),
        })?;
        let address = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| ServeError::Listen {
                address: address.to_string(),
                message: "not an IP socket".into(),
            })?;
        let start = start.map(|s| s.to_string_lossy().into_owned());
        let engine = Engine::new(fonts, folder.root());
        Ok(Server {
            http,
            address,
            state: State {
                origins: Origins::new(&address),
                folder,
                token: guard::new_token(),
                start,
                engine,
            },
        })
    }

    /// The address it listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The editor's URL.
    pub fn url(&self) -> String {
        match self.address.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => {
                format!("http://127.0.0.1:{}/", self.address.port())
            }
            IpAddr::V6(ip) => format!("http://[{ip}]:{}/", self.address.port()),
            ip => format!("http://{ip}:{}/", self.address.port()),
        }
    }

    /// Serves requests, one at a time, until `stop` is set.
    pub fn run(mut self, stop: &Arc<AtomicBool>) {
        while !stop.load(Ordering::SeqCst) {
            match self.http.recv_timeout(Duration::from_millis(200)) {
                Ok(Some(request)) => self.state.handle(request),
                Ok(None) => {}
                Err(_) => break,
            }
        }
    }
}

/// A reply: status, content type, body, extra headers.
struct Reply {
    status: u16,
    kind: &'static str,
    body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn json(status: u16, value: &Json) -> Reply {
        Reply {
            status,
            kind: "application/json; charset=utf-8",
            body: serde_json::to_vec(value).expect("JSON values serialise"),
            headers: Vec::new(),
        }
    }

    fn error(status: u16, message: impl Into<String>) -> Reply {
        Reply::json(status, &json!({ "error": message.into() }))
    }

    fn bytes(kind: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status: 200,
            kind,
            body,
            headers: Vec::new(),
        }
    }
}

impl From<Refusal> for Reply {
    fn from(r: Refusal) -> Reply {
        let status = match r {
            Refusal::Path(_) => 400,
            _ => 403,
        };
        Reply::error(status, r.to_string())
    }
}

/// The body of a request, refused past [`MAX_UPLOAD_BYTES`].
fn body(request: &mut Request) -> Result<Vec<u8>, Reply> {
    if request
        .body_length()
        .is_some_and(|n| n as u64 > MAX_UPLOAD_BYTES)
    {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    request
        .as_reader()
        .take(MAX_UPLOAD_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| Reply::error(400, "读取请求失败"))?;
    if bytes.len() as u64 > MAX_UPLOAD_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> Reply {
    Reply::error(413, format!("文件过大：上限 {} MB", MAX_UPLOAD_BYTES >> 20))
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

/// The value of `name` in the query string, percent-decoded.
fn query(url: &str, name: &str) -> Option<String> {
    let q = url.split_once('?')?.1;
    q.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == name).then(|| percent_decode(v))
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                    }
                    Err(_) => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[derive(Deserialize)]
struct PreviewRequest {
    path: Option<String>,
    yaml: Option<String>,
    model: Option<Json>,
    /// Record a journal (the text differs from the saved file).
    #[serde(default)]
    journal: bool,
}

#[derive(Deserialize)]
struct SaveRequest {
    path: String,
    yaml: String,
    version: Option<String>,
    #[serde(default)]
    force: bool,
}

#[derive(Deserialize)]
struct PathRequest {
    path: String,
}

impl State {
    fn handle(&mut self, mut request: Request) {
        let reply = self.route(&mut request).unwrap_or_else(|reply| reply);
        let mut response = Response::from_data(reply.body).with_status_code(reply.status);
        let mut headers = vec![
            ("Content-Type", reply.kind.to_string()),
            ("Content-Security-Policy", CSP.to_string()),
            ("X-Content-Type-Options", "nosniff".to_string()),
            ("X-Frame-Options", "DENY".to_string()),
            ("Referrer-Policy", "no-referrer".to_string()),
            ("Cache-Control", "no-store".to_string()),
        ];
        for (k, v) in reply.headers {
            headers.retain(|(h, _)| *h != k);
            headers.push((k, v));
        }
        for (k, v) in headers {
            if let Ok(h) = Header::from_bytes(k.as_bytes(), v.as_bytes()) {
                response.add_header(h);
            }
        }
        let _ = request.respond(response);
    }

    fn route(&mut self, request: &mut Request) -> Result<Reply, Reply> {
        self.origins
            .check(header(request, "Host"), header(request, "Origin"))?;
        let url = request.url().to_string();
        let route = url.split('?').next().unwrap_or("").to_string();
        let method = request.method().clone();
        if method == Method::Post
            && !guard::token_matches(&self.token, header(request, "X-Gongwen-Token"))
        {
            return Err(Refusal::Token.into());
        }
        match (method, route.as_str()) {
            (Method::Get, "/") => Ok(Reply::bytes(
                "text/html; charset=utf-8",
                INDEX.as_bytes().to_vec(),
            )),
            (Method::Get, "/app.js") => Ok(Reply::bytes(
                "text/javascript; charset=utf-8",
                APP_JS.as_bytes().to_vec(),
            )),
            (Method::Get, "/app.css") => Ok(Reply::bytes(
                "text/css; charset=utf-8",
                APP_CSS.as_bytes().to_vec(),
            )),
            // The UI's own lettering: the bundled 黑体 (Noto Sans CJK SC),
            // so the page reads the same on a PC without Chinese fonts.
            (Method::Get, "/ui-font.otf") => {
                let font = self
                    .engine
                    .fonts()
                    .fonts()
                    .iter()
                    .find(|f| f.info().family.starts_with("Noto Sans CJK"))
                    .ok_or_else(|| Reply::error(404, "没有界面字体"))?;
                let mut reply = Reply::bytes("font/otf", font.data().to_vec());
                reply
                    .headers
                    .push(("Cache-Control", "max-age=86400".into()));
                Ok(reply)
            }
            // The token travels only to the server's own page: a page of
            // another site cannot read this answer (no CORS) and its
            // requests are refused by Origin above.
            (Method::Get, "/api/session") => Ok(Reply::json(
                200,
                &json!({
                    "token": self.token,
                    "documents": self.folder.documents(),
                    "start": self.start,
                    "formats": form::formats(),
                    "fieldOrder": form::FIELD_ORDER,
                }),
            )),
            (Method::Get, "/api/open") => self.open(&url),
            (Method::Get, r) if r.starts_with("/api/page/") => {
                let hash = r.trim_start_matches("/api/page/").trim_end_matches(".svg");
                match self.engine.svg(hash) {
                    Some(svg) => {
                        let mut reply = Reply::bytes("image/svg+xml", svg.into_bytes());
                        reply.status = 200;
                        Ok(reply)
                    }
                    None => Err(Reply::error(404, "该页已过期，请刷新预览")),
                }
            }
            (Method::Post, "/api/preview") => self.preview(request),
            (Method::Post, "/api/save") => self.save(request),
            (Method::Post, "/api/discard") => {
                let r: PathRequest = parse(&body(request)?)?;
                store::discard(&self.folder.resolve(&r.path)?);
                Ok(Reply::json(200, &json!({"ok": true})))
            }
            (Method::Post, "/api/import") => self.import(request, &url),
            (Method::Post, "/api/seal") => self.seal(request, &url),
            (Method::Post, r) if r.starts_with("/api/export/") => {
                let format = r.trim_start_matches("/api/export/").to_string();
                self.export(request, &format)
            }
            _ => Err(Reply::error(404, "没有这个地址")),
        }
    }

    /// A document's path: folder-relative, inside the folder, a `.yaml`.
    fn document(&self, rel: &str) -> Result<PathBuf, Reply> {
        if !(rel.ends_with(".yaml") || rel.ends_with(".yml")) {
            return Err(Refusal::Path(rel.chars().take(200).collect()).into());
        }
        Ok(self.folder.resolve(rel)?)
    }

    fn open(&self, url: &str) -> Result<Reply, Reply> {
        let rel = query(url, "path").unwrap_or_default();
        let path = self.document(&rel)?;
        let opened = store::open(&path, crate::limits::MAX_DOCUMENT_BYTES)
            .map_err(|e| Reply::error(400, self.quiet(&e.to_string())))?;
        Ok(Reply::json(
            200,
            &json!({
                "path": rel,
                "text": opened.text,
                "version": opened.version,
                "journal": opened.journal,
                "model": form::to_json(&opened.text),
            }),
        ))
    }

    fn preview(&mut self, request: &mut Request) -> Result<Reply, Reply> {
        let r: PreviewRequest = parse(&body(request)?)?;
        let rel = r.path.unwrap_or_else(|| "未命名.yaml".into());
        let path = self.document(&rel)?;
        let yaml = match (r.yaml, r.model) {
            (Some(y), _) => y,
            (None, Some(m)) => form::to_yaml(&m).map_err(|e| Reply::error(400, e))?,
            (None, None) => return Err(Reply::error(400, "请求中没有文档")),
        };
        if r.journal {
            store::journal(&path, &yaml)
                .map_err(|e| Reply::error(500, self.quiet(&e.to_string())))?;
        }
        let rel_path = PathBuf::from(&rel);
        let mut preview = self.engine.preview(&rel_path, &yaml);
        preview.error = preview.error.map(|e| self.quiet(&e));
        for f in &mut preview.findings {
            f.message = self.quiet(&f.message);
        }
        let model = form::to_json(&yaml);
        let fixes = self.fixes(&rel_path, &yaml, model.as_ref(), &preview.findings);
        if let Some(r) = &mut preview.refusal {
            r.message = self.quiet(&r.message);
        }
        // The refusal's field in the form: that of the finding it repeats.
        let refusal_field = preview.refusal.as_ref().map(|r| {
            let suggestion = preview
                .findings
                .iter()
                .find(|f| f.path == r.path && r.message.starts_with(f.message.as_str()))
                .and_then(|f| f.suggestion.as_deref());
            form::field_for(&r.path, suggestion)
        });
        // Each finding in Chinese, with its field in words, for the UI.
        let findings: Vec<Json> = preview
            .findings
            .iter()
            .map(|f| {
                let mut v = serde_json::to_value(f).expect("findings serialise");
                v["zh"] = json!(zh::finding(
                    f.rule,
                    &f.path,
                    &f.message,
                    f.suggestion.as_deref()
                ));
                let field = form::field_for(&f.path, f.suggestion.as_deref());
                v["place"] = json!(zh::place(&field));
                v["field"] = json!(field);
                v
            })
            .collect();
        let mut refusal = serde_json::to_value(&preview.refusal).expect("refusals serialise");
        if let Some(field) = refusal_field {
            refusal["place"] = json!(zh::place(&field));
            refusal["field"] = json!(field);
        }
        Ok(Reply::json(
            200,
            &json!({
                "pages": preview.pages,
                "error": preview.error,
                "refusal": refusal,
                "findings": findings,
                "fixes": fixes,
                "millis": preview.millis,
                "yaml": yaml,
                "model": model,
            }),
        ))
    }

    /// The one-click fixes: a finding's suggestion, put in its field, that
    /// makes the finding go away and brings no new error (tried, not
    /// assumed). A suggestion for a part of the text (a punctuation mark, a
    /// hand-written number, a damaged date) replaces that part where the
    /// finding points; a suggestion in words (`add …`) is no fix.
    fn fixes(
        &self,
        path: &Path,
        yaml: &str,
        model: Option<&Json>,
        findings: &[crate::check::Finding],
    ) -> Vec<Json> {
        let Some(model) = model else {
            return Vec::new();
        };
        let Ok(index) = crate::spans::Index::build(yaml) else {
            return Vec::new();
        };
        let errors =
            |list: &[crate::check::Finding]| -> std::collections::HashSet<(&'static str, String)> {
                list.iter()
                    .filter(|f| f.severity == crate::check::Severity::Error)
                    .map(|f| (f.rule, f.path.clone()))
                    .collect()
            };
        let before = errors(findings);
        findings
            .iter()
            .enumerate()
            .take(20)
            .filter_map(|(k, f)| {
                let value = fixed_value(&index, f)?;
                let mut fixed = model.clone();
                if f.path.is_empty() || !form::set_path(&mut fixed, &f.path, &value) {
                    return None;
                }
                let text = form::to_yaml(&fixed).ok()?;
                let source = self.engine.source(path, &text);
                let after = crate::check::lint_with_assets(
                    &source,
                    self.engine.fonts(),
                    Some(self.folder.root()),
                )
                .ok()?;
                let gone = !after
                    .iter()
                    .any(|g| g.rule == f.rule && g.path == f.path && g.column == f.column);
                let no_new = errors(&after).is_subset(&before);
                (gone && no_new).then(|| json!({"finding": k, "path": f.path, "value": value}))
            })
            .collect()
    }

    fn save(&mut self, request: &mut Request) -> Result<Reply, Reply> {
        let r: SaveRequest = parse(&body(request)?)?;
        let path = self.document(&r.path)?;
        match store::save(
            &path,
            &r.yaml,
            r.version.as_deref(),
            r.force,
            crate::limits::MAX_DOCUMENT_BYTES,
        ) {
            Ok(version) => Ok(Reply::json(200, &json!({"version": version}))),
            Err(store::SaveError::Changed { current }) => Err(Reply::json(
                409,
                &json!({"error": store::SaveError::Changed { current: current.clone() }.to_string(), "conflict": true}),
            )),
            Err(store::SaveError::Io(e)) => Err(Reply::error(500, self.quiet(&e.to_string()))),
        }
    }

    fn import(&mut self, request: &mut Request, url: &str) -> Result<Reply, Reply> {
        let name = query(url, "name").unwrap_or_else(|| "粘贴的文本".into());
        let bytes = body(request)?;
        // The content decides, not the name: import sniffs the bytes and
        // refuses what it cannot read (PDF, images, .doc …).
        let imported = crate::import::read(&bytes).map_err(|e| Reply::error(400, e.to_string()))?;
        let label = Path::new(&name)
            .file_name()
            .map_or_else(|| "导入".to_string(), |n| n.to_string_lossy().into_owned());
        let yaml = imported.yaml(&label);
        // The input's lines as the import read them, to find each note's
        // field in the document.
        let lines: Vec<String> = match crate::import::sniff::sniff(&bytes) {
            Ok(crate::import::sniff::Format::Docx) => crate::import::docx::read(&bytes)
                .map(|d| d.lines.into_iter().map(|l| l.text).collect())
                .unwrap_or_default(),
            _ => crate::import::encoding::decode(&bytes)
                .map(|d| d.text.lines().map(str::to_string).collect())
                .unwrap_or_default(),
        };
        let fields = report::fields(&imported.report.notes, &lines, &yaml);
        let notes: Vec<Json> = imported
            .report
            .notes
            .iter()
            .zip(fields)
            .map(|(n, field)| {
                let mut v = serde_json::to_value(n).expect("notes serialise");
                v["field"] = json!(field);
                v["place"] = json!(field.as_deref().map(zh::place));
                v["kind"] = json!(report::kind(n.rule));
                v
            })
            .collect();
        Ok(Reply::json(
            200,
            &json!({
                "yaml": yaml,
                "notes": notes,
                "encoding": imported.report.encoding,
            }),
        ))
    }

    /// Stores a seal image in `seals/` beside the document, checked by
    /// content (PNG or SVG that gongwen can read).
    fn seal(&mut self, request: &mut Request, url: &str) -> Result<Reply, Reply> {
        let rel = query(url, "path").unwrap_or_default();
        let path = self.document(&rel)?;
        let bytes = body(request)?;
        let decoded = crate::assets::decode(bytes.clone())
            .map_err(|e| Reply::error(400, format!("不是可用的印章图片：{e}")))?;
        let ext = decoded.0.extension();
        let stem: String = query(url, "name")
            .unwrap_or_else(|| "seal".into())
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
            .take(40)
            .collect();
        let stem = if stem.is_empty() { "seal".into() } else { stem };
        let dir = path.parent().unwrap_or(self.folder.root()).join("seals");
        if !dir.exists() {
            std::fs::create_dir(&dir).map_err(|_| Reply::error(500, "无法创建 seals 文件夹"))?;
        }
        let rel_dir = self
            .folder
            .relative(&dir)
            .ok_or_else(|| Reply::error(400, "seals 文件夹不在所服务的文件夹内"))?;
        let target = self.folder.resolve(&format!("{rel_dir}/{stem}.{ext}"))?;
        crate::output::write_atomically(&target, &bytes)
            .map_err(|e| Reply::error(500, self.quiet(&e.to_string())))?;
        Ok(Reply::json(
            200,
            &json!({"image": format!("seals/{stem}.{ext}")}),
        ))
    }

    fn export(&mut self, request: &mut Request, format: &str) -> Result<Reply, Reply> {
        let r: SaveRequest = parse(&body(request)?)?;
        let path = self.document(&r.path)?;
        let stem = path
            .file_stem()
            .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
        let source = self.engine.source(Path::new(&r.path), &r.yaml);
        let fail = |e: crate::Error| Reply::error(422, self.quiet(&e.to_string()));
        let (kind, bytes) = match format {
            "pdf" => (
                "application/pdf",
                self.engine
                    .lay_out_with(&source, |laid| {
                        crate::pdf::export(laid, &crate::pdf::Settings::default())
                    })
                    .map_err(fail)?,
            ),
            "docx" => (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                self.engine
                    .lay_out_with(&source, |laid| {
                        crate::docx::render(laid, crate::docx::Options::default())
                    })
                    .map_err(fail)?,
            ),
            "html" => {
                let doc = crate::load::parse(&source).map_err(fail)?;
                (
                    "text/html; charset=utf-8",
                    crate::html::render(&doc, &source).map_err(fail)?,
                )
            }
            "yaml" => ("application/yaml; charset=utf-8", r.yaml.into_bytes()),
            _ => return Err(Reply::error(404, "没有这种格式")),
        };
        let mut reply = Reply::bytes(kind, bytes);
        reply.headers.push((
            "Content-Disposition",
            format!(
                "attachment; filename=\"document.{format}\"; filename*=UTF-8''{}.{format}",
                percent_encode(&stem)
            ),
        ));
        Ok(reply)
    }

    /// A message without the machine's paths: the served folder's own path
    /// is left out (the user sees folder-relative names).
    fn quiet(&self, message: &str) -> String {
        let root = format!("{}/", self.folder.root().display());
        message.replace(&root, "")
    }
}

/// The field's new text a finding's suggestion gives, if it gives one.
fn fixed_value(index: &crate::spans::Index, f: &crate::check::Finding) -> Option<String> {
    let suggestion = f.suggestion.as_deref()?;
    let node = index.get(&f.path)?;
    let text = node.text()?;
    let part = matches!(f.rule, "punctuation" | "numbering" | "damaged-date");
    if !part {
        // A whole value; prose (`add …`, `remove …`, `break at …`) is advice.
        let prose = suggestion.contains('`')
            || (suggestion.chars().any(|c| c.is_ascii_alphabetic())
                && !text.chars().any(|c| c.is_ascii_alphabetic()));
        return (!prose && suggestion != text).then(|| suggestion.to_string());
    }
    // The part the finding quotes, where it points.
    let from = f.message.split('`').nth(1)?;
    let to = if f.rule == "punctuation" {
        suggestion.chars().next()?.to_string()
    } else {
        suggestion.to_string()
    };
    let chars: Vec<char> = text.chars().collect();
    let at = (0..chars.len()).find(|&k| {
        index.pos_in(node, k)
            == (crate::error::Pos {
                line: f.line,
                column: f.column,
            })
            && chars[k..].iter().collect::<String>().starts_with(from)
    })?;
    let before: String = chars[..at].iter().collect();
    let after: String = chars[at + from.chars().count()..].iter().collect();
    Some(format!("{before}{to}{after}"))
}

fn parse<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, Reply> {
    serde_json::from_slice(bytes).map_err(|_| Reply::error(400, "请求格式不对"))
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(
            query("/api/open?path=a%2Fb.yaml&x=1", "path").as_deref(),
            Some("a/b.yaml")
        );
        assert_eq!(
            query("/api/open?path=%E9%80%9A.yaml", "path").as_deref(),
            Some("通.yaml")
        );
        assert_eq!(query("/api/open?path=50%", "path").as_deref(), Some("50%"));
        assert_eq!(query("/api/open", "path"), None);
    }
}
