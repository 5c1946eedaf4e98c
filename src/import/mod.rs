//! `gen import`: plain text (a draft, a page copied from a website) in, a
//! document in gongwen's YAML format out, with a report of what was
//! dropped, what was repaired and what a person must decide.
//!
//! Each submodule does one job: [`encoding`] decodes, [`chrome`] finds page
//! furniture, [`front`] the 标题 and 主送机关, [`closing`] the 署名, 成文日期,
//! 附件说明 and 附注, [`structure`] the 正文's sections, [`clean`] (with
//! [`punct`] and [`damage`]) each run of text, [`yaml`] writes the result.
//! Nothing here fails: any input gives a document (perhaps empty) and a
//! report.

pub mod chrome;
pub mod clean;
pub mod closing;
pub mod damage;
pub mod encoding;
pub mod front;
pub mod marker;
pub mod punct;
pub mod report;
pub mod structure;
pub mod yaml;

use crate::date::Date;
use crate::model::{Block, Kind};

pub use encoding::Encoding;
pub use report::{Action, Note, Report};

/// One line of the input that holds document text.
#[derive(Debug, Clone)]
pub struct Line {
    /// Line number in the input (1-based).
    pub number: usize,
    /// Chars of leading space before `content`.
    pub lead: usize,
    /// The line without its leading and trailing space.
    pub content: String,
}

impl Line {
    /// Lines numbered from 1, without leading space (for unit tests).
    #[cfg(test)]
    pub(crate) fn numbered(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line {
                number: i + 1,
                lead: 0,
                content: t.to_string(),
            })
            .collect()
    }
}

impl Line {
    /// The input column (1-based) of char `k` of `content`.
    pub fn column(&self, k: usize) -> usize {
        self.lead + k + 1
    }
}

/// What the import found: the elements of a document, each possibly absent.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// 文种 (条例 第八条), from the end of the title.
    pub kind: Option<Kind>,
    /// 标题 (§7.3.1).
    pub title: Option<String>,
    /// 发文字号 (§7.2.5).
    pub doc_number: Option<String>,
    /// 主送机关 (§7.3.2).
    pub addressees: Vec<String>,
    /// 正文 (§7.3.3).
    pub body: Vec<Block>,
    /// 附件说明 (§7.3.4).
    pub attachments: Vec<String>,
    /// 发文机关署名 (§7.3.5).
    pub issuer: Vec<String>,
    /// 成文日期 (§7.3.5.4).
    pub date: Option<Date>,
    /// 附注 (§7.3.6).
    pub note: Option<String>,
}

/// The result of importing one text.
#[derive(Debug, Clone)]
pub struct Import {
    pub document: Imported,
    pub report: Report,
}

impl Import {
    /// The document as YAML; `input` names the source in its header.
    pub fn yaml(&self, input: &str) -> String {
        let review = self.report.count(Action::Review);
        let mut header = vec![format!(
            "Imported by `gen import` from {input} ({}).",
            self.report.encoding.name()
        )];
        if review > 0 {
            header.push(format!(
                "{review} place{} to review: see the report (`gen import {input} --format json` lists them with fixes).",
                if review == 1 { "" } else { "s" }
            ));
        }
        yaml::write(&self.document, &header)
    }
}

fn describe_blank(raw: &str) -> String {
    let mut names: Vec<&str> = Vec::new();
    for c in raw.chars() {
        let name = match c {
            '\u{00A0}' => "U+00A0 no-break spaces",
            '\u{3000}' => "U+3000 ideographic spaces",
            ' ' => "spaces",
            '\t' => "tabs",
            _ => "other blank characters",
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    format!("a line of only {}", names.join(" and "))
}

/// Imports a text given as bytes (UTF-8, or GB18030/GBK).
pub fn import(bytes: &[u8]) -> Import {
    let decoded = encoding::decode(bytes);
    let mut notes: Vec<Note> = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    let mut published: Option<(usize, Date)> = None;
    for (i, raw) in decoded.text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let number = i + 1;
        let dropped = |message: String| Note {
            line: number,
            column: 1,
            end_column: raw.chars().count() + 1,
            action: Action::Dropped,
            rule: "chrome",
            text: raw.to_string(),
            message,
            replacement: None,
            alternatives: Vec::new(),
        };
        if let Some(at) = raw.find('\u{FFFD}') {
            let column = raw[..at].chars().count() + 1;
            notes.push(Note {
                line: number,
                column,
                end_column: column + 1,
                action: Action::Review,
                rule: "encoding",
                text: "\u{FFFD}".into(),
                message: format!(
                    "bytes that are neither UTF-8 nor {} text became U+FFFD; the input may be in another encoding",
                    Encoding::Gb18030.name()
                ),
                replacement: None,
                alternatives: Vec::new(),
            });
        }
        match chrome::classify(raw) {
            Some(chrome::Chrome::Blank) => notes.push(dropped(describe_blank(raw))),
            Some(chrome::Chrome::Page) => {
                notes.push(dropped(format!("web-page chrome `{}`", raw.trim())))
            }
            Some(chrome::Chrome::Published(d)) => {
                if let (Some(d), None) = (d, published) {
                    published = Some((number, d));
                }
                notes.push(dropped(format!(
                    "web-page chrome `{}` (the page's publication date)",
                    raw.trim()
                )));
            }
            None => {
                let content = raw.trim_matches(chrome::is_space);
                if content.is_empty() {
                    continue;
                }
                // A tab or other control character inside a line has no
                // place in a paragraph (the model refuses it): each becomes
                // a space, and the report says where.
                let content = if let Some(at) = content.find(|c: char| c.is_control()) {
                    let column = raw.find(content).map_or(0, |o| raw[..o].chars().count())
                        + content[..at].chars().count()
                        + 1;
                    let count = content.chars().filter(|c| c.is_control()).count();
                    notes.push(Note {
                        line: number,
                        column,
                        end_column: column + 1,
                        action: Action::Repaired,
                        rule: "control",
                        text: content[at..]
                            .chars()
                            .next()
                            .map(String::from)
                            .unwrap_or_default(),
                        message: format!(
                            "{count} tab(s) or control character(s) inside the line made spaces"
                        ),
                        replacement: Some(" ".into()),
                        alternatives: Vec::new(),
                    });
                    content.replace(|c: char| c.is_control(), " ")
                } else {
                    content.to_string()
                };
                let content = content.as_str();
                let lead = raw.chars().take_while(|&c| chrome::is_space(c)).count();
                lines.push(Line {
                    number,
                    lead,
                    content: content.to_string(),
                });
            }
        }
    }

    let mut doc = Imported::default();
    let mut idx = 0;
    if let Some(n) = lines.first().and_then(|l| front::doc_number(l, &mut notes)) {
        doc.doc_number = Some(n);
        idx += 1;
    }
    let review = |line: usize, message: String| Note {
        line,
        column: 1,
        end_column: 1,
        action: Action::Review,
        rule: "missing",
        text: String::new(),
        message,
        replacement: None,
        alternatives: Vec::new(),
    };
    match lines.get(idx) {
        Some(l)
            if !l.content.ends_with(['。', '.'])
                && l.content.chars().count() <= 80
                && marker::parse(&l.content).is_none() =>
        {
            let title = clean::clean(l, 0, &l.content, &mut notes);
            doc.kind = front::kind_of(&title);
            if doc.kind.is_none() {
                notes.push(review(
                    l.number,
                    "the title ends in no 文种 of 条例 第八条 (通知, 通报, 请示, …); the YAML has no `kind:` until one is written"
                        .into(),
                ));
            }
            doc.title = Some(title);
            idx += 1;
        }
        other => notes.push(review(
            other.map_or(1, |l| l.number),
            "no title found (the first line of text is a sentence or a heading); the YAML has no `title:`".into(),
        )),
    }
    if doc.doc_number.is_none()
        && let Some(n) = lines
            .get(idx)
            .and_then(|l| front::doc_number(l, &mut notes))
    {
        doc.doc_number = Some(n);
        idx += 1;
    }
    if let Some(a) = lines
        .get(idx)
        .and_then(|l| front::addressees(l, &mut notes))
    {
        doc.addressees = a;
        idx += 1;
    }
    let mut rest: Vec<Line> = lines.split_off(idx.min(lines.len()));
    let closing = closing::take(&mut rest, &mut notes);
    doc.body = structure::build(&rest, &mut notes);
    doc.attachments = closing.attachments;
    doc.issuer = closing.issuer;
    doc.note = closing.note;
    doc.date = closing.date;
    if doc.date.is_none() && !closing.date_line {
        match published {
            Some((line, d)) => {
                doc.date = Some(d);
                notes.push(review(
                    line,
                    format!("no 成文日期 at the end of the text; the document has the page's publication date {d}: check it"),
                ));
            }
            None => notes.push(review(
                rest.last().map_or(1, |l| l.number),
                "no 成文日期 found (a date on the last line); the YAML has no `date:`".into(),
            )),
        }
    }
    notes.sort_by_key(|n| (n.line, n.column));
    Import {
        document: doc,
        report: Report {
            encoding: decoded.encoding,
            notes,
        },
    }
}
