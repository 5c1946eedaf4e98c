//! `gen import`: plain text (a draft, a page copied from a website) in, a
//! document in gongwen's YAML format out, with a report of what was
//! dropped, what was repaired and what a person must decide.
//!
//! Each submodule does one job: [`encoding`] decodes, [`chrome`] finds page
//! furniture, [`front`] the 标题 and 主送机关, [`closing`] the 署名, 成文日期,
//! 附件说明 and 附注, [`structure`] the 正文's sections, [`clean`] (with
//! [`crate::text`]'s analysers) each run of text, [`yaml`] writes the
//! result.
//! Nothing here fails: any input gives a document (perhaps empty) and a
//! report.

pub mod attachment;
pub mod chrome;
pub mod clean;
pub mod closing;
pub mod date_line;
pub mod docx;
pub mod encoding;
pub mod evidence;
pub mod frame;
pub mod front;
pub mod habits;
pub mod metadata;
pub mod report;
pub mod sniff;
pub mod structure;
pub mod wrap;
pub mod yaml;

use crate::date::Date;
use crate::model::table::Table;
use crate::model::{AttachmentContent, Block, Format, Kind, Text};
use crate::text::punct::is_space;

pub use encoding::Encoding;
pub use report::{Action, Note, Report};
pub use sniff::ImportError;

/// How a Word paragraph is aligned (`w:jc`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Align {
    /// Plain text says nothing of alignment.
    #[default]
    Unknown,
    Left,
    Centre,
    Right,
    Justified,
}

/// What a Word file says of a paragraph, beyond its text: evidence for the
/// element finders. Plain text has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    pub align: Align,
    /// Outline level (0 = level 1), from the paragraph or its style.
    pub outline: Option<u8>,
    /// The paragraph style's name (`heading 2`, `Title`).
    pub style: Option<String>,
    /// A row of a table.
    pub table: bool,
    /// A whole paragraph (a Word paragraph), never joined to its neighbour
    /// unless `continues`.
    pub paragraph: bool,
    /// Continues the line above after a soft line break (`w:br`).
    pub continues: bool,
    /// Where the runs' formatting (font, bold, size) first changes, in
    /// chars of the paragraph's text: a run-in heading's end (`一、标题`
    /// in 黑体, then the text in the body's font).
    pub run_change: Option<usize>,
    /// A row of a table kept as a gongwen table: its index in the reader's
    /// tables.
    pub table_of: Option<usize>,
    /// A table row's cells, each as its paragraphs (a layout table's
    /// stacked names, say).
    pub cells: Vec<Vec<String>>,
}

/// One line of the input as read: a line of text, or a paragraph (or a
/// soft-broken part of one, or a table row) of a Word file.
#[derive(Debug, Clone, Default)]
pub struct RawLine {
    pub text: String,
    pub hints: Hints,
}

/// Where a joined line's later part came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Join {
    /// Char offset in the joined content where the part starts.
    pub at: usize,
    /// Its line number in the input.
    pub number: usize,
    /// Its leading space.
    pub lead: usize,
}

/// One line of the input that holds document text.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// Line number in the input (1-based).
    pub number: usize,
    /// Chars of leading space before `content`.
    pub lead: usize,
    /// The line without its leading and trailing space.
    pub content: String,
    /// The line as the input has it (before any repair).
    pub raw: String,
    /// A blank or dropped line stands right above it.
    pub blank_before: bool,
    pub hints: Hints,
    /// Lines joined onto this one (a hard-wrapped paragraph), in order.
    pub joins: Vec<Join>,
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
                content: t.to_string(),
                ..Line::default()
            })
            .collect()
    }

    /// The input line and column (1-based) of char `k` of `content`.
    pub fn place(&self, k: usize) -> (usize, usize) {
        // Joins are in order of `at`: the last one at or before `k`.
        match self.joins.partition_point(|j| j.at <= k).checked_sub(1) {
            Some(i) => {
                let j = &self.joins[i];
                (j.number, j.lead + k - j.at + 1)
            }
            None => (self.number, self.lead + k + 1),
        }
    }

    /// The input column (1-based) of char `k` of `content` (on the line
    /// [`Line::place`] names).
    pub fn column(&self, k: usize) -> usize {
        self.place(k).1
    }

    /// The part of `content` that came from each input line: (char start,
    /// char end) in `content`.
    pub fn segments(&self) -> Vec<(usize, usize)> {
        let total = self.content.chars().count();
        let mut starts: Vec<usize> = vec![0];
        starts.extend(self.joins.iter().map(|j| j.at));
        starts
            .iter()
            .enumerate()
            .map(|(i, &s)| (s, starts.get(i + 1).copied().unwrap_or(total)))
            .collect()
    }
}

/// What the import found: the elements of a document, each possibly absent.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// 文种 (条例 第八条), from the end of the title.
    pub kind: Option<Kind>,
    /// The tables' size, from a Word file's table runs (`None`: 三号, the
    /// body's, or not known).
    pub table_size: Option<crate::model::table::TableSize>,
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
    /// 发文机关标志 (§7.2.4).
    pub issuer_mark: Option<String>,
    /// 签发人 (§7.2.6).
    pub signers: Vec<String>,
    /// 抄送机关 (§7.4.2).
    pub cc: Vec<String>,
    /// 印发机关和印发日期 (§7.4.3).
    pub printing: Option<(String, Date)>,
    /// 公文格式 (§10) when the head shows one: a 纪要's 期号, a 令's 令号, a
    /// 函 under its organ's name.
    pub format: Option<Format>,
    /// 份号 (§7.2.1).
    pub copy_number: Option<String>,
    /// A joint 发文机关标志 (§7.2.4): the organs, and the suffix beside them.
    pub joint_mark: Option<(Vec<String>, Option<String>)>,
    /// 期号 of a 纪要 (§10.3).
    pub issue_number: Option<String>,
    /// 令号 of a 令 (§10.2).
    pub order_number: Option<String>,
    /// 出席、请假、列席 (§10.3): each label with its entries.
    pub attendance: Vec<(&'static str, Vec<String>)>,
    /// The 签发人's title above a 令's 签名章 (§7.3.5.3, §10.2).
    pub signature_title: Option<String>,
    /// The attachments printed after the 正文 (§7.3.7), each from its
    /// `附件N` line: title and body.
    pub attachment_content: Vec<AttachmentContent>,
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

/// Imports a text given as bytes (UTF-8, UTF-16 or UTF-32, GB18030/GBK;
/// see [`encoding`]). Fails only when the encoding cannot be told with
/// confidence; any text gives a document and a report.
pub fn import(bytes: &[u8]) -> Result<Import, ImportError> {
    let decoded = encoding::decode(bytes)?;
    let lines = decoded.text.split('\n').count();
    if lines > crate::limits::MAX_IMPORT_LINES {
        return Err(ImportError::TooManyLines(lines));
    }
    let raw = decoded
        .text
        .split('\n')
        .map(|l| RawLine {
            text: l.to_string(),
            hints: Hints::default(),
        })
        .collect();
    let notes = decoded
        .bad_bytes
        .iter()
        .map(|bad| Note {
            line: bad.line,
            column: bad.column,
            end_column: bad.column + 1,
            action: Action::Review,
            rule: "encoding",
            text: "\u{FFFD}".into(),
            message: format!(
                "byte{} {} at offset {} {} not UTF-8 and became U+FFFD; the rest of the file is UTF-8: put the character the original has here",
                if bad.bytes.len() == 1 { "" } else { "s" },
                bad.bytes.iter().map(|b| format!("0x{b:02X}")).collect::<Vec<_>>().join(" "),
                bad.offset,
                if bad.bytes.len() == 1 { "is" } else { "are" },
            ),
            replacement: None,
            alternatives: Vec::new(),
        })
        .collect();
    Ok(run(raw, decoded.encoding, notes, &[]))
}

/// Imports a file's bytes: text or DOCX, told apart by their first bytes;
/// anything else (PDF, images, legacy .doc/.wps, other zips) is refused.
pub fn read(bytes: &[u8]) -> Result<Import, ImportError> {
    match sniff::sniff(bytes)? {
        sniff::Format::Text => import(bytes),
        sniff::Format::Docx => {
            let read = docx::read(bytes)?;
            if read.lines.len() > crate::limits::MAX_IMPORT_LINES {
                return Err(ImportError::TooManyLines(read.lines.len()));
            }
            let mut import = run(read.lines, Encoding::Docx, read.notes, &read.tables);
            import.document.table_size = read.table_size;
            Ok(import)
        }
    }
}

/// A note that an element is missing or taken from elsewhere.
fn element_note(line: usize, action: Action, rule: &'static str, message: String) -> Note {
    Note {
        line,
        column: 1,
        end_column: 1,
        action,
        rule,
        text: String::new(),
        message,
        replacement: None,
        alternatives: Vec::new(),
    }
}

/// Drops the page's chrome and readies the document's lines: digits
/// made half-width, tabs and control characters made spaces.
fn lines_of(raw: &[RawLine], notes: &mut Vec<Note>) -> (Vec<Line>, chrome::Page) {
    let folded: Vec<(String, Vec<usize>)> =
        raw.iter().map(|r| habits::fold_digits(&r.text)).collect();
    let texts: Vec<&str> = folded.iter().map(|(t, _)| t.as_str()).collect();
    let mut page = chrome::scan(&texts);
    // A Word table is the document's, never the page's.
    for (i, r) in raw.iter().enumerate() {
        if r.hints.table {
            page.verdicts[i] = None;
        }
    }
    page.meta.retain(|m| !raw[m.line].hints.table);
    let mut lines: Vec<Line> = Vec::new();
    let mut blank_before = false;
    let decoder_reported: std::collections::HashSet<(usize, usize)> = notes
        .iter()
        .filter(|n| n.rule == "encoding")
        .map(|n| (n.line, n.column))
        .collect();
    for (i, r) in raw.iter().enumerate() {
        let number = i + 1;
        let raw_text = r.text.as_str();
        for (at, _) in raw_text.match_indices('\u{FFFD}') {
            let column = raw_text[..at].chars().count() + 1;
            // Stray UTF-8 bytes were reported by the decoder, byte by byte.
            if decoder_reported.contains(&(number, column)) {
                continue;
            }
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
        if let Some(v) = &page.verdicts[i] {
            blank_before = true;
            let message = match v.kind {
                chrome::Kind::Blank => describe_blank(raw_text),
                chrome::Kind::Metadata | chrome::Kind::MetadataValue if v.published.is_some() => {
                    format!(
                        "web-page chrome `{}` ({}: the page's publication date)",
                        raw_text.trim(),
                        v.kind.describe()
                    )
                }
                kind => format!(
                    "web-page chrome `{}` ({})",
                    raw_text.trim(),
                    kind.describe()
                ),
            };
            notes.push(Note::dropped(number, raw_text, "chrome", message));
            continue;
        }
        let (text, changed) = &folded[i];
        let content = text.trim_matches(is_space);
        if content.is_empty() {
            blank_before = true;
            continue;
        }
        let lead = text.chars().take_while(|&c| is_space(c)).count();
        if let (Some(&first), Some(&last)) = (changed.first(), changed.last()) {
            let marks: String = {
                let chars: Vec<char> = raw_text.chars().collect();
                changed.iter().map(|&k| chars[k]).collect()
            };
            let points = marks.chars().filter(|&c| c == '．').count();
            let digits = changed.len() - points;
            notes.push(Note {
                line: number,
                column: first + 1,
                end_column: last + 2,
                action: Action::Repaired,
                rule: "digits",
                text: marks,
                message: {
                    format!(
                        "{digits} full-width digit{}{} made half-width (GB/T 15835: Arabic numerals are half-width)",
                        if digits == 1 { "" } else { "s" },
                        if points > 0 { format!(" and {points} decimal point(s) `．`") } else { String::new() }
                    )
                },
                replacement: None,
                alternatives: Vec::new(),
            });
        }
        // A tab or other control character inside a line has no place in
        // a paragraph (the model refuses it): each becomes a space, and the
        // report says where.
        let content = if let Some(at) = content.find(|c: char| c.is_control()) {
            let column = lead + content[..at].chars().count() + 1;
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
        lines.push(Line {
            number,
            lead,
            content,
            raw: raw_text.to_string(),
            blank_before: std::mem::take(&mut blank_before),
            hints: r.hints.clone(),
            joins: Vec::new(),
        });
    }
    (lines, page)
}

/// The import proper, on lines as read.
fn run(raw: Vec<RawLine>, encoding: Encoding, mut notes: Vec<Note>, tables: &[Table]) -> Import {
    let (lines, page) = lines_of(&raw, &mut notes);
    let mut doc = Imported::default();
    let (front, mut rest) = front::take(lines, &mut notes);
    doc.doc_number = front.doc_number;
    doc.title = front.title;
    doc.kind = front.kind;
    doc.addressees = front.addressees;
    doc.issuer_mark = front.issuer_mark;
    doc.signers = front.signers;
    doc.copy_number = front.copy_number;
    doc.joint_mark = front.joint_mark;
    match front.serial {
        Some((n, '期')) => {
            doc.issue_number = Some(n);
            doc.format = Some(Format::Minutes);
        }
        Some((n, _)) => {
            doc.order_number = Some(n);
            doc.format = Some(Format::Order);
        }
        None => {}
    }
    if doc.format.is_none()
        && doc.kind == Some(Kind::Letter)
        && doc
            .issuer_mark
            .as_ref()
            .is_some_and(|m| !m.ends_with("文件"))
    {
        doc.format = Some(Format::Letter);
    }
    if doc.format.is_none()
        && doc.kind == Some(Kind::Minutes)
        && doc
            .issuer_mark
            .as_ref()
            .is_some_and(|m| m.ends_with("纪要"))
    {
        doc.format = Some(Format::Minutes);
    }
    let title_line = front.title_line;
    let record = closing::take_record(&mut rest, &mut notes);
    let sections = attachment::split(&mut rest, &mut notes);
    let mut closing = closing::take(&mut rest, &mut notes);
    if closing.cc.is_empty() {
        closing.cc = record.cc;
    }
    if closing.printing.is_none() {
        closing.printing = record.printing;
    }
    let rest = wrap::join(rest, &mut notes);
    doc.body = structure::build(&rest, tables, &mut notes);
    for (title, lines) in sections {
        let lines = wrap::join(lines, &mut notes);
        doc.attachment_content.push(AttachmentContent {
            title: Text(title),
            name: None,
            body: structure::build(&lines, tables, &mut notes),
        });
    }
    doc.attendance = closing.attendance;
    doc.attachments = closing.attachments;
    doc.issuer = closing.issuer;
    doc.note = closing.note;
    doc.cc = closing.cc;
    doc.printing = closing.printing;
    doc.date = closing.date;
    if doc.format == Some(Format::Order) && doc.kind.is_none() && doc.title.is_none() {
        // A 令 without a title: its 文种 is the mark's last word.
        doc.kind = doc.issuer_mark.as_deref().and_then(front::kind_of);
    }
    if doc.format == Some(Format::Order) && doc.issuer.len() == 1 {
        // A 令 is signed by its 签发人: the line above the date is the
        // title printed beside the 签名章 (§7.3.5.3).
        doc.signature_title = doc.issuer.pop();
    }
    let line_number = |index: usize| index + 1;
    let written = evidence::reconcile(&mut doc, &page.meta, line_number, &mut notes);
    match (&doc.title, doc.kind) {
        (None, _) => notes.push(element_note(
            title_line,
            Action::Review,
            "missing",
            "no title found (no line near the top ends in a 文种, and the first line of text is a sentence or a heading); the YAML has no `title:`".into(),
        )),
        (Some(_), None) => notes.push(element_note(
            title_line,
            Action::Review,
            "missing",
            "the title ends in no 文种 of 条例 第八条 (通知, 通报, 请示, …); the YAML has no `kind:` until one is written".into(),
        )),
        _ => {}
    }
    let published = page
        .verdicts
        .iter()
        .enumerate()
        .find_map(|(i, v)| v.as_ref().and_then(|v| v.published).map(|d| (i + 1, d)));
    // The 成文日期 the text prints wins over the day the page was
    // published; when they differ, a person checks (unless the page states
    // a 成文日期 of its own, which was compared with the text's above).
    if let (Some(d), Some((line, p))) = (doc.date, published)
        && d != p
        && !written
    {
        notes.push(element_note(
            line,
            Action::Review,
            "metadata",
            format!(
                "the page was published on {p}, the text's 成文日期 is {d}; the YAML has the text's (a page often goes up days after the document is signed): check it"
            ),
        ));
    }
    if doc.date.is_none() && !closing.date_line && !written {
        match published {
            Some((line, d)) => {
                doc.date = Some(d);
                notes.push(element_note(
                    line,
                    Action::Review,
                    "missing",
                    format!("no 成文日期 at the end of the text; the document has the page's publication date {d}: check it"),
                ));
            }
            None => notes.push(element_note(
                rest.last().map_or(1, |l| l.number),
                Action::Review,
                "missing",
                "no 成文日期 found (a date on the last line); the YAML has no `date:`".into(),
            )),
        }
    }
    notes.sort_by_key(|n| (n.line, n.column));
    Import {
        document: doc,
        report: Report { encoding, notes },
    }
}
