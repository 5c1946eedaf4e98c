//! The editor's warm core: one typesetter kept between requests, so that a
//! keystroke costs one incremental layout (Typst's memoisation keeps what
//! did not change), and the pages of the last layouts as SVG by hash, so
//! the browser fetches only the pages that changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::assets::Assets;
use crate::check::{self, Finding};
use crate::error::Error;
use crate::fonts::FontSet;
use crate::layout::{Laid, Red, Typesetter};
use crate::load::{self, Source};
use crate::model::Document;
use crate::serve::zh;

/// How many layouts' pages stay available by hash (a browser asks for
/// the pages of the layout it was just told about).
const KEPT_LAYOUTS: usize = 32;

/// One page of a preview: its hash (its name for the SVG) and its size.
#[derive(Debug, Clone, Serialize)]
pub struct PageInfo {
    pub hash: String,
    /// Width and height in pt.
    pub width: f64,
    pub height: f64,
    /// The page's text in drawing order (the SVG draws glyphs as outlines,
    /// so this is what a search or a screen reader gets).
    pub text: String,
}

/// What one layout of the document said.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    /// The pages, in order; empty when the document cannot be laid out.
    pub pages: Vec<PageInfo>,
    /// Why the document cannot be laid out (the writers refuse it).
    pub error: Option<String>,
    /// The same, at its field and in Chinese.
    pub refusal: Option<Refusal>,
    /// `gen check`'s findings, each with its field path.
    pub findings: Vec<Finding>,
    /// Server time for load, check and layout, in milliseconds.
    pub millis: f64,
}

/// Why the writers refuse a document, said at its field: the form shows
/// it there (never only above the pages).
#[derive(Debug, Clone, Serialize)]
pub struct Refusal {
    /// The field, as the YAML writes it (`signers`, `body[3].table`);
    /// empty when the refusal is about the whole document.
    pub path: String,
    /// The page it happens on, for a layout's refusal.
    pub page: Option<usize>,
    /// Where the requirement is written, when one clause says it.
    pub clause: String,
    /// The writers' own words (English, as the command line says them).
    pub message: String,
    /// The same in Chinese, for the UI.
    pub zh: String,
    /// The field in words (`正文第 3 项的标题`).
    pub place: String,
}

impl Refusal {
    /// The refusal `e` of `source`, at the field it is about; `findings`
    /// (`gen check`'s, of the same text) give the rule's clause and words
    /// when a rule of the rulebook refused it.
    pub fn of(e: &Error, source: &Source, findings: &[Finding]) -> Refusal {
        let (path, page, message) = match e {
            Error::Format { field, message, .. } => (field.clone(), None, message.clone()),
            Error::Image {
                field,
                image,
                message,
                ..
            } => (field.clone(), None, format!("{image}: {message}")),
            Error::Seal { field, message, .. } => (field.to_string(), None, message.clone()),
            Error::Invalid { pos, message, .. } => match split_field(message) {
                Some((field, rest)) => (field.to_string(), None, rest.to_string()),
                None => (
                    pos.and_then(|p| field_at(source, p)).unwrap_or_default(),
                    None,
                    message.clone(),
                ),
            },
            Error::Layout { page, message, .. } => {
                let (field, rest) = split_field(message).unwrap_or(("", message));
                let field = if let Some(seal) = rest.strip_prefix("seal: ") {
                    let _ = seal;
                    "seal".to_string()
                } else {
                    refine(field, rest, source)
                };
                (field, *page, rest.to_string())
            }
            other => (String::new(), None, other.to_string()),
        };
        // A rule of the rulebook: its finding at the same field has the
        // clause and the rule's name.
        let rule = findings
            .iter()
            .find(|f| f.path == path && message.starts_with(f.message.as_str()))
            .or_else(|| {
                findings
                    .iter()
                    .find(|f| f.path == path && f.severity == check::Severity::Error)
            });
        let (clause, zh) = match (e, rule) {
            (Error::Layout { message: m, .. }, _) => {
                (layout_clause(m).to_string(), zh::refusal(&message))
            }
            (_, Some(f)) => (
                f.clause.to_string(),
                zh::finding(f.rule, &f.path, &f.message, f.suggestion.as_deref()),
            ),
            (Error::Image { .. }, None) => (
                String::new(),
                zh::finding("seal-image", &path, &message, None),
            ),
            (Error::Invalid { .. }, None) => {
                (String::new(), zh::finding("schema", &path, &message, None))
            }
            _ => (String::new(), zh::refusal(&message)),
        };
        let zh = match page {
            Some(p) => format!("第 {p} 页：{zh}"),
            None => zh,
        };
        Refusal {
            place: zh::place(&path),
            path,
            page,
            clause,
            message,
            zh,
        }
    }
}

/// A message that starts with the field it is about (`signers: …`,
/// `body[2].heading: …`): the field and the rest.
fn split_field(message: &str) -> Option<(&str, &str)> {
    let (field, rest) = message.split_once(": ")?;
    let path_like = !field.is_empty()
        && field.starts_with(|c: char| c.is_ascii_lowercase())
        && field
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.[]".contains(c));
    path_like.then_some((field, rest))
}

/// The field a layout's refusal is about, made exact: the 版头's lines
/// (`header`) name the field whose text they print; a field the message
/// does not name is found by the text it quotes.
fn refine(field: &str, rest: &str, source: &Source) -> String {
    let quoted: Option<&str> = rest
        .split_once('“')
        .and_then(|(_, r)| r.split_once('”'))
        .map(|(q, _)| q);
    if field == "header" && quoted.is_some_and(|q| q.starts_with("签发人")) {
        return "signers".into();
    }
    if !field.is_empty() && field != "header" {
        return field.to_string();
    }
    let Some(q) = quoted
        .map(|q| q.trim_end_matches('…'))
        .filter(|q| q.chars().count() >= 2)
    else {
        return field.to_string();
    };
    let Ok(index) = crate::spans::Index::build(&source.text) else {
        return field.to_string();
    };
    index
        .nodes
        .iter()
        .filter_map(|n| Some((n, n.text()?)))
        .filter(|(_, t)| t.chars().count() >= 2 && (t.contains(q) || q.contains(t.trim())))
        .map(|(n, _)| n.path.clone())
        .next()
        .unwrap_or_else(|| field.to_string())
}

/// The field of the node that starts at `pos` (or the first on its line).
fn field_at(source: &Source, pos: crate::error::Pos) -> Option<String> {
    let index = crate::spans::Index::build(&source.text).ok()?;
    let on_line: Vec<&crate::spans::Node> = index
        .nodes
        .iter()
        .filter(|n| index.start(n).line == pos.line && !n.path.is_empty())
        .collect();
    on_line
        .iter()
        .find(|n| index.start(n) == pos)
        .or(on_line.first())
        .map(|n| n.path.clone())
}

/// The clause a layout's refusal breaks.
fn layout_clause(message: &str) -> &'static str {
    if message.contains("runs off the paper") {
        "GB/T 9704-2012 §5.1"
    } else if message.contains("outside the 版心") {
        "GB/T 9704-2012 §5.2.1"
    } else if message.contains("only the closing") {
        "GB/T 9704-2012 §7.3.5.5"
    } else if message.contains("odd page") {
        "GB/T 9704-2012 §7.4, §7.5"
    } else {
        ""
    }
}

/// The typesetter, kept warm, and the SVG of recent pages.
pub struct Engine {
    fonts: &'static FontSet,
    typesetter: Typesetter<'static>,
    /// The folder images may come from.
    root: PathBuf,
    /// SVG by page hash, and the hashes of the last layouts (oldest first).
    svgs: HashMap<String, String>,
    recent: Vec<Vec<String>>,
    /// The pages of the last layout (to draw SVG on demand).
    pages: HashMap<String, typst_layout::Page>,
}

impl Engine {
    /// `fonts` live as long as the server; `root` is the served folder.
    pub fn new(fonts: &'static FontSet, root: &Path) -> Self {
        Engine {
            fonts,
            typesetter: Typesetter::new(fonts, Red::default()),
            root: root.to_path_buf(),
            svgs: HashMap::new(),
            recent: Vec::new(),
            pages: HashMap::new(),
        }
    }

    pub fn fonts(&self) -> &'static FontSet {
        self.fonts
    }

    /// Loads, checks and lays out `yaml` (named `path`, relative to the
    /// served folder): the pages by hash, the findings, or why it cannot
    /// be laid out.
    pub fn preview(&mut self, path: &Path, yaml: &str) -> Preview {
        let started = Instant::now();
        let source = self.source(path, yaml);
        let findings = check::lint_with_assets(&source, self.fonts, Some(&self.root))
            .unwrap_or_else(|e| vec![unusable(&e)]);
        let mut pages = Vec::new();
        let mut error = None;
        let mut refusal = None;
        match self.lay_out_with(&source, |laid| Ok(laid.paged.pages().to_vec())) {
            Ok(laid_pages) => {
                let mut hashes = Vec::new();
                for page in laid_pages {
                    let hash = format!("{:032x}", visible_hash(&page));
                    let size = page.frame.size();
                    pages.push(PageInfo {
                        hash: hash.clone(),
                        width: size.x.to_pt(),
                        height: size.y.to_pt(),
                        text: page_text(&page.frame),
                    });
                    self.pages.entry(hash.clone()).or_insert(page);
                    hashes.push(hash);
                }
                self.keep(hashes);
            }
            Err(e) => {
                refusal = Some(Refusal::of(&e, &source, &findings));
                error = Some(e.to_string());
            }
        }
        Preview {
            pages,
            error,
            refusal,
            findings,
            millis: started.elapsed().as_secs_f64() * 1000.0,
        }
    }

    /// The SVG of a page of a recent layout (glyphs as outlines).
    pub fn svg(&mut self, hash: &str) -> Option<String> {
        if let Some(svg) = self.svgs.get(hash) {
            return Some(svg.clone());
        }
        let page = self.pages.get(hash)?;
        let svg = typst_svg::svg(page, &typst_svg::SvgOptions::default());
        self.svgs.insert(hash.to_string(), svg.clone());
        Some(svg)
    }

    /// Lays `yaml` out and hands the laid-out document to `write` (the
    /// PDF or DOCX writer): the downloads are the preview's pages.
    pub fn lay_out_with<T>(
        &self,
        source: &Source,
        write: impl FnOnce(&Laid) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let doc: Document = load::parse(source)?;
        let assets = Assets::load(&doc, source, Some(&self.root))?;
        let laid = self.typesetter.lay_out(&doc, source, &assets)?;
        write(&laid)
    }

    /// The document `yaml`, named as the served folder's `path`.
    pub fn source(&self, path: &Path, yaml: &str) -> Source {
        Source {
            path: self.root.join(path),
            text: yaml.to_string(),
        }
    }

    /// Remembers the hashes of one more layout, forgetting the pages of
    /// layouts older than the last [`KEPT_LAYOUTS`].
    fn keep(&mut self, hashes: Vec<String>) {
        self.recent.push(hashes);
        if self.recent.len() > KEPT_LAYOUTS {
            self.recent.remove(0);
            let live: std::collections::HashSet<&String> = self.recent.iter().flatten().collect();
            self.svgs.retain(|h, _| live.contains(h));
            self.pages.retain(|h, _| live.contains(h));
        }
    }
}

/// A hash of what a page shows: its size, fill and every item drawn, but
/// not the introspection tags a layout leaves in the frames (they change on
/// every page when anything changes, and draw nothing). Equal hashes, the
/// same SVG: the browser keeps the pages it has.
pub fn visible_hash(page: &typst_layout::Page) -> u128 {
    use typst::layout::{Frame, FrameItem};
    fn walk(frame: &Frame, out: &mut Vec<u128>) {
        out.push(typst::utils::hash128(&frame.size()));
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(g) => {
                    out.push(typst::utils::hash128(&(pos, &g.transform, &g.clip)));
                    walk(&g.frame, out);
                }
                FrameItem::Text(t) => out.push(typst::utils::hash128(&(pos, t))),
                FrameItem::Shape(shape, _) => out.push(typst::utils::hash128(&(pos, shape))),
                FrameItem::Image(image, size, _) => {
                    out.push(typst::utils::hash128(&(pos, image, size)))
                }
                FrameItem::Link(..) | FrameItem::Tag(_) => {}
            }
        }
    }
    let mut parts = vec![typst::utils::hash128(&(&page.fill, &page.bleed))];
    walk(&page.frame, &mut parts);
    typst::utils::hash128(&parts)
}

/// The text of a frame, in drawing order.
pub fn page_text(frame: &typst::layout::Frame) -> String {
    fn walk(frame: &typst::layout::Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Group(g) => walk(&g.frame, out),
                typst::layout::FrameItem::Text(t) => out.push_str(&t.text),
                _ => {}
            }
        }
    }
    let mut out = String::new();
    walk(frame, &mut out);
    out
}

/// A text `gen check` cannot lint at all, as one finding at the top.
fn unusable(e: &check::CheckError) -> Finding {
    Finding::new(
        "yaml",
        "YAML 1.2",
        check::Severity::Error,
        "",
        crate::error::Pos { line: 1, column: 1 },
        e.to_string(),
    )
}
