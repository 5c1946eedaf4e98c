//! Reading a document from YAML into the model.

use std::path::{Path, PathBuf};

use crate::error::{Error, Pos};
use crate::limits::{MAX_DOCUMENT_BYTES, MAX_EXPANDED_BYTES, MAX_QUOTE_CHARS};
use crate::model::Document;
use crate::rules::{self, Severity, Violation};

/// An input file's text, kept for locating things in it.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    /// Decodes a file's bytes as UTF-8, without a byte-order mark (Windows
    /// editors write one; it is not part of the text). `Err` holds the
    /// offset of the first byte that is not UTF-8.
    pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<Self, usize> {
        let text = String::from_utf8(bytes).map_err(|e| e.utf8_error().valid_up_to())?;
        let text = match text.strip_prefix('\u{FEFF}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        Ok(Source {
            path: path.to_path_buf(),
            text,
        })
    }

    /// Line and column (1-based, in characters) of byte `offset`.
    pub fn pos(&self, offset: usize) -> Pos {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Pos {
            line,
            column: before[line_start..].chars().count() + 1,
        }
    }

    /// Where `ch` first occurs in the file, if it is written literally.
    pub fn find_char(&self, ch: char) -> Option<Pos> {
        self.text.find(ch).map(|i| self.pos(i))
    }
}

/// Reads and validates the document at `path`.
pub fn load(path: &Path) -> Result<(Document, Source), Error> {
    let bytes = read(path)?;
    load_bytes(path, bytes)
}

/// The bytes of the document file at `path`: a regular file of at most
/// [`MAX_DOCUMENT_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, Error> {
    crate::limits::read_regular(path, MAX_DOCUMENT_BYTES).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Validates the document read from `path` as `bytes`.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> Result<(Document, Source), Error> {
    let source = Source::decode(path, bytes).map_err(|offset| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset,
    })?;
    let doc = parse(&source)?;
    Ok((doc, source))
}

/// Parses YAML text into a document, and checks it against the rulebook
/// ([`crate::rules`]; what stops every writer) and its tables' shapes.
pub fn parse(source: &Source) -> Result<Document, Error> {
    let doc = parse_model(source)?;
    check_tables(&doc, source)?;
    Ok(doc)
}

/// Every table's rows must fill its columns (§8): the first that does not
/// is an error at the row (or cell) in the file.
pub fn check_tables(doc: &Document, source: &Source) -> Result<(), Error> {
    for (path, table) in doc.tables() {
        if let Err(p) = table.layout() {
            let field = format!("{path}.{}", p.field);
            let pos = crate::spans::Index::build(&source.text)
                .ok()
                .and_then(|index| index.get(&field).map(|n| index.start(n)));
            return Err(Error::Invalid {
                path: source.path.clone(),
                pos,
                message: format!("{field}: {}", p.message),
            });
        }
    }
    Ok(())
}

/// Parses YAML text into the model and checks it against the rulebook,
/// without checking that tables' rows fill their columns (`gen check`
/// reports those itself).
pub fn parse_model(source: &Source) -> Result<Document, Error> {
    let mut doc = deserialize(source)?;
    cells_as_written(&mut doc, source);
    match rules::first(rules::violations(&doc), Severity::Refused) {
        Some(v) => Err(refusal(source, &v)),
        None => Ok(doc),
    }
}

/// Where a violation points in the file: at its field (at its character,
/// for a character), or where the field would be asked for.
pub fn locate(source: &Source, v: &Violation) -> Option<Pos> {
    let index = crate::spans::Index::build(&source.text).ok()?;
    index
        .locate(&v.field, v.ch)
        .or_else(|| index.locate(v.or_at?, None))
}

/// The error a violation stops a writer with, at its field in the file.
pub fn refusal(source: &Source, v: &Violation) -> Error {
    Error::Format {
        path: source.path.clone(),
        pos: locate(source, v),
        field: v.field.clone(),
        message: v.message.clone(),
    }
}

/// Cells are text: a cell the YAML writes as a plain number or truth value
/// (`0.50`, `1e3`, `007`, `-3.10`, `true`) keeps its text exactly as
/// written, read from the file (the parsed value has lost it: 0.5, 1000,
/// 7). A plain `~` or `null`, like a cell left empty, is an empty cell.
fn cells_as_written(doc: &mut Document, source: &Source) {
    let tables = doc.tables_mut();
    if tables.is_empty() {
        return;
    }
    let Ok(index) = crate::spans::Index::build(&source.text) else {
        return;
    };
    for (path, table) in tables {
        let rows = table
            .header
            .iter_mut()
            .enumerate()
            .map(|(i, r)| (format!("{path}.header[{i}]"), r))
            .chain(
                table
                    .rows
                    .iter_mut()
                    .enumerate()
                    .map(|(i, r)| (format!("{path}.rows[{i}]"), r)),
            );
        for (field, row) in rows {
            for (k, cell) in row.iter_mut().enumerate() {
                let at = format!("{field}[{k}]");
                let node = index
                    .get(&at)
                    .filter(|n| n.text().is_some())
                    .or_else(|| index.get(&format!("{at}.text")));
                if let Some(written) = node.and_then(|n| index.plain_scalar(n))
                    && !matches!(written, "~" | "null" | "Null" | "NULL")
                {
                    cell.text = written.trim().to_string();
                }
            }
        }
    }
}

/// The YAML text as the model's types, the rulebook unasked.
pub fn deserialize(source: &Source) -> Result<Document, Error> {
    check_expansion(source)?;
    serde_yaml_ng::from_str::<Document>(&source.text).map_err(|e| {
        let pos = e.location().map(|l| Pos {
            line: l.line(),
            column: l.column(),
        });
        let mut message = e.to_string();
        // The position goes in front, as file:line:column.
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        let message = not_a_document(&message).unwrap_or_else(|| shorten_quotes(&message));
        Error::Invalid {
            path: source.path.clone(),
            pos,
            message,
        }
    })
}

/// Refuses YAML whose aliases (`*name`, repeating the value anchored
/// `&name`) would expand to more than [`MAX_EXPANDED_BYTES`] of text,
/// counted on the parser's events before anything is expanded.
fn check_expansion(source: &Source) -> Result<(), Error> {
    use saphyr_parser::{Event, Parser};
    // Without an anchor there is nothing to repeat.
    if !source.text.contains('&') {
        return Ok(());
    }
    // The size of each anchored value, and of each open collection.
    let mut anchored: std::collections::HashMap<usize, u64> = Default::default();
    let mut open: Vec<(usize, u64)> = vec![(0, 0)];
    let mut total: u64 = 0;
    for event in Parser::new_from_str(&source.text) {
        // A syntax error is serde's to report, with its position.
        let Ok((event, span)) = event else {
            return Ok(());
        };
        let size = match event {
            Event::Scalar(value, _, anchor, _) => {
                let size = value.len() as u64 + 1;
                if anchor > 0 {
                    anchored.insert(anchor, size);
                }
                size
            }
            Event::Alias(anchor) => {
                let size = anchored.get(&anchor).copied().unwrap_or(1);
                if total.saturating_add(size) > MAX_EXPANDED_BYTES {
                    return Err(Error::Invalid {
                        path: source.path.clone(),
                        pos: Some(Pos {
                            line: span.start.line(),
                            column: span.start.col() + 1,
                        }),
                        message: format!(
                            "the aliases (*name) of this file repeat more than {} MB of text; gongwen reads at most that much: write the text out where it is needed",
                            MAX_EXPANDED_BYTES >> 20
                        ),
                    });
                }
                size
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, 0));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (anchor, size) = open.pop().unwrap_or((0, 0));
                if anchor > 0 {
                    anchored.insert(anchor, size);
                }
                if let Some(parent) = open.last_mut() {
                    parent.1 = parent.1.saturating_add(size);
                }
                continue;
            }
            _ => continue,
        };
        total = total.saturating_add(size);
        if let Some(top) = open.last_mut() {
            top.1 = top.1.saturating_add(size);
        }
    }
    Ok(())
}

/// The message for a file whose top level is not a mapping of fields (a
/// plain string, a list, a number): it quotes nothing of the file.
fn not_a_document(message: &str) -> Option<String> {
    let rest = message.strip_prefix("invalid type: ")?;
    let (found, expected) = rest.rsplit_once(", expected ")?;
    if expected != "struct Document" {
        return None;
    }
    let what = found.split_whitespace().next().unwrap_or("something else");
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    Some(format!(
        "not a gongwen document: expected YAML fields at the top level (kind:, title:, body:, …), found {article} {what}"
    ))
}

/// `message` with every quoted excerpt (serde quotes values as escaped
/// `"…"` strings) cut to [`MAX_QUOTE_CHARS`] characters.
fn shorten_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(512));
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c != '"' {
            continue;
        }
        // Inside a quotation: copy up to the limit, skip the rest up to the
        // closing quote (escaped quotes `\"` do not close it).
        let mut kept = 0;
        let mut cut = false;
        let mut escaped = false;
        for c in chars.by_ref() {
            if !escaped && c == '"' {
                break;
            }
            escaped = !escaped && c == '\\';
            if kept < MAX_QUOTE_CHARS {
                out.push(c);
                kept += 1;
            } else {
                cut = true;
            }
        }
        if cut {
            // Never end inside an escape sequence.
            while out.ends_with('\\') {
                out.pop();
            }
            out.push('…');
        }
        out.push('"');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source {
            path: "t.yaml".into(),
            text: text.into(),
        }
    }

    #[test]
    fn errors_name_file_line_column_and_field() {
        let e = parse(&src(
            "kind: 通知\ntitle: 标题\ndate: 2019-02-30\nbody: [正文]\n",
        ))
        .unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("t.yaml:3:7: date: "), "{msg}");
        assert!(msg.contains("not a real date"), "{msg}");
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let e = parse(&src("kind: 通知\ntitel: 标题\n"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("t.yaml:2:1: "), "{e}");
        assert!(e.contains("unknown field `titel`"), "{e}");
        assert!(e.contains("`title`"), "{e}");
    }

    #[test]
    fn a_format_rule_is_an_error_at_the_field_it_names() {
        // The rulebook's first violation that stops every writer, at the
        // value of its field (column 13, after `doc_number: `).
        let e = parse(&src(concat!(
            "format: order\nkind: 命令\nissuer_mark: 甲市人民政府令\norder_number: 第1号\n",
            "doc_number: 甲发〔2020〕1号\ndate: 2020-01-02\nbody: [正文]\n",
        )))
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("t.yaml:5:13: doc_number: a 命令（令） is numbered by its 令号"),
            "{e}"
        );
    }

    #[test]
    fn a_short_table_row_is_an_error_at_the_row() {
        let e = parse(&src(concat!(
            "kind: 报告\ntitle: 标题\ndate: 2020-01-02\nbody:\n",
            "  - 正文。\n",
            "  - table:\n      rows:\n        - [甲, 乙, 丙]\n        - [丁, 戊]\n",
        )))
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("t.yaml:9:11: body[1].table.rows[1]: this row has 2 cells"),
            "{e}"
        );
    }

    #[test]
    fn a_file_that_is_not_a_document_is_not_quoted() {
        let secret = "https://ci-bot:ghp_0123456789abcdefghijklmnopqrstuvwxyz@github.com";
        let e = parse(&src(&format!("{secret}\n"))).unwrap_err().to_string();
        assert!(!e.contains("ghp_"), "{e}");
        assert!(!e.contains("ci-bot"), "{e}");
        assert!(e.contains("not a gongwen document"), "{e}");
        // /etc/passwd-like and .env-like files.
        for text in [
            "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n",
            "API_KEY=abcdef0123456789\nDB_PASSWORD=hunter2hunter2\n",
            "- a\n- list\n",
        ] {
            let e = parse(&src(text)).unwrap_err().to_string();
            assert!(e.contains("not a gongwen document"), "{e}");
            assert!(!e.contains("hunter2") && !e.contains("/bin/bash"), "{e}");
        }
    }

    #[test]
    fn quoted_values_are_cut_to_a_short_excerpt() {
        let long = "甲".repeat(200);
        let e = parse(&src(&format!("kind: 通知\ntitle: 标题\ndate: {long}\n")))
            .unwrap_err()
            .to_string();
        let count = e.matches('甲').count();
        assert!(count > 0 && count <= MAX_QUOTE_CHARS, "{count}: {e}");
        assert!(e.contains('…'), "{e}");
        assert_eq!(shorten_quotes(r#"a "short" one"#), r#"a "short" one"#);
        let cut = shorten_quotes(&format!("x \"{}\\\"{}\" y", "a".repeat(23), "b".repeat(40)));
        assert!(cut.ends_with("…\" y"), "{cut}");
        assert!(!cut.contains('b'), "{cut}");
    }

    #[test]
    fn aliases_that_expand_past_the_limit_are_refused() {
        let para = "甲".repeat(100_000);
        let aliases = "  - *p\n".repeat(100);
        let text = format!(
            "kind: 通知\ntitle: 标题\nbody:\n  - &p {para}\n{aliases}issuer: 甲\ndate: 2024-01-02\n"
        );
        let e = parse(&src(&text)).unwrap_err().to_string();
        assert!(e.contains("aliases") && e.contains("8 MB"), "{e}");
        // Nested: a list of ten aliases of a list of ten aliases … (a
        // billion laughs) is counted without being expanded.
        let mut laughs = String::from("a: &a [\"lol\", \"lol\"]\n");
        for k in 1..40 {
            laughs.push_str(&format!(
                "a{k}: &a{k} [*a{}, *a{}]\n",
                if k == 1 {
                    String::new()
                } else {
                    (k - 1).to_string()
                },
                if k == 1 {
                    String::new()
                } else {
                    (k - 1).to_string()
                }
            ));
        }
        let e = parse(&src(&laughs)).unwrap_err().to_string();
        assert!(e.contains("aliases"), "{e}");
        // A few aliases of short values are fine.
        let ok = "kind: 通知\ntitle: &t 标题\nbody: [*t]\nissuer: 甲\ndate: 2024-01-02\n";
        assert!(parse(&src(ok)).is_ok());
    }

    #[test]
    fn positions_count_characters() {
        let s = src("甲乙\n丙丁戊");
        let i = s.text.find('戊').unwrap();
        assert_eq!(s.pos(i), Pos { line: 2, column: 3 });
    }
}
